#include "content_checks.hpp"

#include "certificate_text.hpp"

#include <callab/lab/errc.hpp>

#include <cmath>

namespace callab::lab::content_checks {
namespace {

bool has_blank_only(std::string_view text) {
    return !text.empty() && text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

/// Length of the UTF-8 sequence starting with `lead`, 0 when it cannot start one.
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

} // namespace

CertificateError invalid(std::string field, std::string cause) {
    return {errc::invalid_field, std::move(field), std::move(cause)};
}

/// Text that can go into XML and a PDF: UTF-8, and no control character but tab and newline.
Check printable(const std::string& field, std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const auto length = sequence_length(lead);
        bool ok = length != 0 && i + length <= text.size();
        for (std::size_t k = 1; ok && k < length; ++k) {
            ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        }
        if (!ok) {
            return invalid(field, "is not UTF-8 text (byte " + std::to_string(i) + ")");
        }
        if ((lead < 0x20 && lead != '\t' && lead != '\n') || lead == 0x7F) {
            return invalid(field, "contains a control character (byte " + std::to_string(i) + ")");
        }
        i += length;
    }
    return {};
}

Check required(const std::string& field, std::string_view text) {
    if (text.empty() || has_blank_only(text)) {
        return invalid(field, "is missing");
    }
    return printable(field, text);
}

Check required(const std::string& field, const BilingualText& text) {
    if (auto zh = required(field + ".zh", text.zh); !zh) {
        return zh;
    }
    return required(field + ".en", text.en);
}

/// Optional text for people: absent, or present in both languages.
Check optional(const std::string& field, const BilingualText& text) {
    if (text.empty()) {
        return {};
    }
    return required(field, text);
}

Check finite(const std::string& field, double value) {
    if (!std::isfinite(value)) {
        return invalid(field, "is not a finite number (" + certificate_text::shortest(value) + ")");
    }
    return {};
}

Check valid_date(const std::string& field, std::chrono::year_month_day date) {
    if (!date.ok() || date.year() < std::chrono::year{1900}) {
        return invalid(field, "is missing or not a calendar date");
    }
    return {};
}

Check not_before(const std::string& field, std::chrono::year_month_day date,
                 const std::string& earlier_field, std::chrono::year_month_day earlier) {
    if (date < earlier) {
        return invalid(field, "is before " + earlier_field);
    }
    return {};
}

Check known_unit(const std::string& field, const std::string& unit) {
    if (!certificate_text::printed_unit(unit)) {
        return invalid(field, "is not a D-SI unit the certificate knows (" + unit + ")");
    }
    return {};
}

} // namespace callab::lab::content_checks
