// The two halves of a DCC document, written by write_dcc().
#pragma once

#include "xml_builder.hpp"

#include <callab/lab/certificate_content.hpp>

#include <string>
#include <string_view>

namespace callab::lab::dcc {

/// `dcc:administrativeData`: software, core data, item, laboratory, people, customer and
/// the statements (validity, copying, traceability, decision rule, interval, remarks).
void write_administrative_data(XmlBuilder& xml, const CertificateContent& content);

/// `dcc:measurementResults`: method, reference standards, environment and the results.
void write_measurement_results(XmlBuilder& xml, const CertificateContent& content);

/// Text without leading or trailing white space (the schema's notEmptyStringType).
std::string_view trimmed(std::string_view text);

/// A `dcc:contact`-shaped location: city, country and the address as bilingual text.
void write_location(XmlBuilder& xml, const std::string& city, const std::string& country_code,
                    const BilingualText& address);

} // namespace callab::lab::dcc
