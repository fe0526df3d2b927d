#include "json_writer.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

namespace callab::web {
namespace {

// Printable ASCII other than `"` and `\` is written as it is; anything else (control
// characters, UTF-8 sequences, which need checking) goes through nlohmann's serializer.
bool plain(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') {
            return false;
        }
    }
    return true;
}

} // namespace

void JsonWriter::separate() {
    if (needs_comma_) {
        text_ += ',';
    }
}

void JsonWriter::begin_object() {
    separate();
    text_ += '{';
    needs_comma_ = false;
}

void JsonWriter::end_object() {
    text_ += '}';
    needs_comma_ = true;
}

void JsonWriter::begin_array() {
    separate();
    text_ += '[';
    needs_comma_ = false;
}

void JsonWriter::end_array() {
    text_ += ']';
    needs_comma_ = true;
}

void JsonWriter::key(std::string_view name) {
    separate();
    append_string(name);
    text_ += ':';
    needs_comma_ = false;
}

void JsonWriter::value(std::string_view text) {
    separate();
    append_string(text);
    needs_comma_ = true;
}

void JsonWriter::value(std::int64_t number) {
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    text_.append(digits, end);
    needs_comma_ = true;
}

void JsonWriter::value(double number) {
    separate();
    if (!std::isfinite(number)) {
        text_ += "null";
    } else {
        // nlohmann's shortest round-trip form (grisu2, "1.0" for whole numbers, its own
        // switch to exponents), so that both writers agree on every double.
        text_ += nlohmann::json(number).dump();
    }
    needs_comma_ = true;
}

void JsonWriter::value(bool flag) {
    separate();
    text_ += flag ? "true" : "false";
    needs_comma_ = true;
}

void JsonWriter::null() {
    separate();
    text_ += "null";
    needs_comma_ = true;
}

void JsonWriter::append_string(std::string_view text) {
    if (plain(text)) {
        text_ += '"';
        text_ += text;
        text_ += '"';
        return;
    }
    text_ += nlohmann::json(std::string(text))
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace callab::web
