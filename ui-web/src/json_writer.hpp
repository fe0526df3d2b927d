#pragma once
// JSON text written straight into a string, for answers too large to build as a document
// first (pages of records).

#include <cstdint>
#include <string>
#include <string_view>

namespace callab::web {

/// Appends JSON tokens to a string. The text is byte for byte what nlohmann::json's
/// `dump(-1, ' ', false, error_handler_t::replace)` gives for the same values written in the
/// same order (json_response's form): strings keep valid UTF-8 as it is, escape `"`, `\` and
/// control characters the same way and replace invalid UTF-8 by U+FFFD; numbers are
/// formatted alike (a non-finite double is `null`). nlohmann's objects keep their keys
/// sorted, so a caller matching a document writes the keys in sorted order. Commas are
/// placed by the writer; the caller keeps the nesting balanced.
class JsonWriter {
public:
    explicit JsonWriter(std::size_t reserve = 0) { text_.reserve(reserve); }

    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    /// An object member's name; its value follows.
    void key(std::string_view name);

    void value(std::string_view text);
    void value(const char* text) { value(std::string_view(text)); }
    void value(std::int64_t number);
    void value(double number);
    void value(bool flag);
    void null();

    [[nodiscard]] const std::string& text() const { return text_; }
    [[nodiscard]] std::string take() { return std::move(text_); }

private:
    void separate();
    void append_string(std::string_view text);

    std::string text_;
    bool needs_comma_ = false;
};

} // namespace callab::web
