// Words and number formats shared by the certificate's PDF and DCC, so both say the same.
#pragma once

#include <callab/lab/certificate_content.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace callab::lab::certificate_text {

/// A unit the certificate can print: its D-SI form and how people write it.
struct UnitSymbol {
    std::string_view dsi;     ///< e.g. `\degreecelsius`
    std::string_view printed; ///< e.g. `℃`
};

/// The printed symbol of a D-SI unit, or nothing for a unit the certificate does not know.
std::optional<std::string_view> printed_unit(std::string_view dsi);

/// `value` with exactly `decimals` digits after the point, '.' as the point, no "-0".
std::string fixed(double value, int decimals);

/// The shortest text that reads back as `value` (for k, p and limits).
std::string shortest(double value);

/// ISO 8601 date, `2026-03-07`.
std::string iso_date(std::chrono::year_month_day date);

/// Chinese date, `2026年03月07日`.
std::string chinese_date(std::chrono::year_month_day date);

BilingualText title(CertificateKind kind);
BilingualText conformity_words(Conformity conformity);
/// The DCC enumeration value (`pass`, `conditionalPass`, …); empty for not_stated.
std::string_view conformity_dcc(Conformity conformity);
std::string_view location_dcc(PerformanceLocation location);
std::string_view issuer_dcc(IdentificationIssuer issuer);

/// "zh / en", or whichever is present.
std::string both(const BilingualText& text);

} // namespace callab::lab::certificate_text
