#pragma once

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/certificate_error.hpp>

#include <boost/system/result.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace callab::lab {

/// The certificate as a PTB Digital Calibration Certificate, schema 3.3.0 with D-SI 2.2.1
/// units, in Chinese (mandatory) and English. Each results group becomes one `dcc:result`
/// holding a list of nominal, reference (`basic_referenceValue`), indicated
/// (`basic_measuredValue`) and error (`basic_measurementError`, with `si:expandedMUXMLList`
/// and the conformity list) values, one entry per test point in the same order. The PDF is
/// embedded as `dcc:document` (base64). Checks the content first (errc::invalid_field).
/// The output is the same bytes for the same content and PDF.
boost::system::result<std::string, CertificateError> write_dcc(const CertificateContent& content,
                                                               std::string_view embedded_pdf);

/// Validates a DCC against the schema set in `schema_dir` (`dcc.xsd` and what it imports,
/// read without network). Fails with errc::schema_violation carrying libxml2's first
/// messages (line and cause), or errc::not_found when the schema cannot be read.
boost::system::result<void, CertificateError> validate_dcc(std::string_view xml,
                                                           const std::filesystem::path& schema_dir);

} // namespace callab::lab
