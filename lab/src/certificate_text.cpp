#include "certificate_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace callab::lab::certificate_text {
namespace {

constexpr std::array units{
    UnitSymbol{R"(\degreecelsius)", "℃"}, UnitSymbol{R"(\kelvin)", "K"},
    UnitSymbol{R"(\percent)", "%"},       UnitSymbol{R"(\one)", ""},
    UnitSymbol{R"(\volt)", "V"},          UnitSymbol{R"(\milli\volt)", "mV"},
    UnitSymbol{R"(\ampere)", "A"},        UnitSymbol{R"(\milli\ampere)", "mA"},
    UnitSymbol{R"(\watt)", "W"},          UnitSymbol{R"(\kilo\watt)", "kW"},
    UnitSymbol{R"(\hertz)", "Hz"},        UnitSymbol{R"(\ohm)", "Ω"},
    UnitSymbol{R"(\metre)", "m"},         UnitSymbol{R"(\pascal)", "Pa"},
    UnitSymbol{R"(\kilo\pascal)", "kPa"}, UnitSymbol{R"(\kilogram)", "kg"},
};

} // namespace

std::optional<std::string_view> printed_unit(std::string_view dsi) {
    for (const auto& unit : units) {
        if (unit.dsi == dsi) {
            return unit.printed;
        }
    }
    return std::nullopt;
}

std::string fixed(double value, int decimals) {
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                         std::chars_format::fixed, decimals);
    std::string text(buffer.data(), ec == std::errc{} ? end : buffer.data());
    // "-0.00" reads as a negative error that is not there.
    if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos) {
        text.erase(0, 1);
    }
    return text;
}

std::string shortest(double value) {
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return {buffer.data(), ec == std::errc{} ? end : buffer.data()};
}

std::string iso_date(std::chrono::year_month_day date) {
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer.data();
}

std::string chinese_date(std::chrono::year_month_day date) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d年%02u月%02u日", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer.data();
}

BilingualText title(CertificateKind kind) {
    switch (kind) {
    case CertificateKind::calibration:
        return {"校准证书", "Calibration Certificate"};
    case CertificateKind::verification:
        return {"检定证书", "Verification Certificate"};
    case CertificateKind::non_conformity_notice:
        return {"检定结果通知书", "Notice of Non-conformity"};
    }
    return {};
}

BilingualText conformity_words(Conformity conformity) {
    switch (conformity) {
    case Conformity::not_stated:
        return {"—", "—"};
    case Conformity::pass:
        return {"符合", "pass"};
    case Conformity::fail:
        return {"不符合", "fail"};
    case Conformity::conditional_pass:
        return {"有条件符合", "conditional pass"};
    case Conformity::conditional_fail:
        return {"有条件不符合", "conditional fail"};
    }
    return {};
}

std::string_view conformity_dcc(Conformity conformity) {
    switch (conformity) {
    case Conformity::not_stated:
        return "";
    case Conformity::pass:
        return "pass";
    case Conformity::fail:
        return "fail";
    case Conformity::conditional_pass:
        return "conditionalPass";
    case Conformity::conditional_fail:
        return "conditionalFail";
    }
    return "";
}

std::string_view location_dcc(PerformanceLocation location) {
    switch (location) {
    case PerformanceLocation::laboratory:
        return "laboratory";
    case PerformanceLocation::customer:
        return "customer";
    case PerformanceLocation::laboratory_branch:
        return "laboratoryBranch";
    case PerformanceLocation::customer_branch:
        return "customerBranch";
    case PerformanceLocation::other:
        return "other";
    }
    return "other";
}

std::string_view issuer_dcc(IdentificationIssuer issuer) {
    switch (issuer) {
    case IdentificationIssuer::manufacturer:
        return "manufacturer";
    case IdentificationIssuer::calibration_laboratory:
        return "calibrationLaboratory";
    case IdentificationIssuer::customer:
        return "customer";
    case IdentificationIssuer::owner:
        return "owner";
    case IdentificationIssuer::other:
        return "other";
    }
    return "other";
}

std::string both(const BilingualText& text) {
    if (text.zh.empty()) {
        return text.en;
    }
    if (text.en.empty()) {
        return text.zh;
    }
    return text.zh + " / " + text.en;
}

} // namespace callab::lab::certificate_text
