#pragma once

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/certificate_error.hpp>

#include <boost/system/result.hpp>

#include <string>

namespace callab::lab {

/// The certificate as an A4 PDF in Chinese and English (Noto Sans CJK SC): a cover page with
/// the title, customer, item, dates, place, people and a QR code of the verification URL;
/// then the method, reference standards, traceability, environment, each results group as
/// a table (breaking across pages with its header repeated) and an error chart with ±U bars,
/// the decision rule, remarks and statements, and 以下空白 / End of certificate. Every page
/// carries the certificate number and 第 x 页 共 n 页 / Page x of n. A recalibration
/// interval is printed only when the customer asked for one.
///
/// Checks the content first (errc::invalid_field naming the field); errc::render_failed
/// when cairo or libqrencode fail. The PDF's creation date is the issue date, so the same
/// content gives the same bytes.
boost::system::result<std::string, CertificateError>
render_certificate_pdf(const CertificateContent& content);

} // namespace callab::lab
