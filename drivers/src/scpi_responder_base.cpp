#include "scpi_responder_base.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace callab::drivers {
namespace {

std::string upper(std::string_view text) {
    std::string result(text);
    for (auto& c : result) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return result;
}

std::string short_form(std::string_view node) {
    std::string result;
    for (char c : node) {
        if (std::isupper(static_cast<unsigned char>(c)) != 0 ||
            std::isdigit(static_cast<unsigned char>(c)) != 0) {
            result += c;
        }
    }
    return result;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

} // namespace

ScpiMessage parse_scpi_message(std::string_view text) {
    ScpiMessage message;
    text = trim(text);
    const auto blank = text.find(' ');
    std::string_view header = text.substr(0, blank);
    if (blank != std::string_view::npos) {
        message.arguments = std::string(trim(text.substr(blank + 1)));
    }
    if (!header.empty() && header.back() == '?') {
        message.query = true;
        header.remove_suffix(1);
    }
    if (!header.empty() && header.front() == ':') {
        header.remove_prefix(1);
    }
    while (true) {
        const auto colon = header.find(':');
        message.nodes.push_back(upper(header.substr(0, colon)));
        if (colon == std::string_view::npos) {
            break;
        }
        header = header.substr(colon + 1);
    }
    auto& last = message.nodes.back();
    std::size_t digits = last.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(last[digits - 1])) != 0) {
        --digits;
    }
    if (digits > 0 && digits < last.size()) {
        message.suffix = std::stoi(last.substr(digits));
        last.resize(digits);
    }
    return message;
}

bool ScpiMessage::is(std::string_view pattern) const {
    std::vector<std::string_view> parts;
    while (true) {
        const auto colon = pattern.find(':');
        parts.push_back(pattern.substr(0, colon));
        if (colon == std::string_view::npos) {
            break;
        }
        pattern = pattern.substr(colon + 1);
    }
    if (parts.size() != nodes.size()) {
        return false;
    }
    const bool wants_suffix = !parts.back().empty() && parts.back().back() == '#';
    if (wants_suffix) {
        parts.back().remove_suffix(1);
    }
    if (suffix != 0 && !wants_suffix) {
        return false;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (nodes[i] != upper(parts[i]) && nodes[i] != short_form(parts[i])) {
            return false;
        }
    }
    return true;
}

std::optional<double> ScpiMessage::number() const {
    std::string_view text = arguments;
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> ScpiResponderBase::respond(std::string_view text) {
    const auto message = parse_scpi_message(text);
    if (message.is("*IDN") && message.query) {
        return identity_;
    }
    if (message.is("*CLS") || message.is("*RST")) {
        errors_.clear();
        return handle(message);
    }
    if (message.is("*OPC") && message.query) {
        return "1";
    }
    if (is_error_query(text)) {
        if (errors_.empty()) {
            return "0,\"No error\"";
        }
        auto [code, what] = errors_.front();
        errors_.pop_front();
        return std::to_string(code) + ",\"" + what + "\"";
    }
    return handle(message);
}

void ScpiResponderBase::push_error(int code, std::string message) {
    if (errors_.size() < 16) {
        errors_.emplace_back(code, std::move(message));
    }
}

bool ScpiResponderBase::is_error_query(std::string_view text) const {
    const auto message = parse_scpi_message(text);
    return message.query && message.is(error_query_);
}

std::string ScpiResponderBase::nr3(double value) {
    if (!std::isfinite(value)) {
        return "NAN";
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.4E", value);
    return text;
}

std::string ScpiResponderBase::nr2(double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

} // namespace callab::drivers
