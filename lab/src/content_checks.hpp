// Checks of single fields of a certificate's content; each failure names the field.
#pragma once

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/certificate_error.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace callab::lab::content_checks {

using Check = boost::system::result<void, CertificateError>;

CertificateError invalid(std::string field, std::string cause);

/// Text that can go into XML and a PDF: UTF-8, and no control character but tab and newline.
Check printable(const std::string& field, std::string_view text);
/// Present (not empty, not only white space) and printable.
Check required(const std::string& field, std::string_view text);
/// Both languages present (`field.zh`, `field.en`).
Check required(const std::string& field, const BilingualText& text);
/// Optional text for people: absent, or present in both languages.
Check optional(const std::string& field, const BilingualText& text);
Check finite(const std::string& field, double value);
Check valid_date(const std::string& field, std::chrono::year_month_day date);
Check not_before(const std::string& field, std::chrono::year_month_day date,
                 const std::string& earlier_field, std::chrono::year_month_day earlier);
/// A D-SI unit the certificate can print.
Check known_unit(const std::string& field, const std::string& unit);

} // namespace callab::lab::content_checks
