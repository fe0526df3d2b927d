#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callab::mail {

/// A complete SMTP reply: its code and its lines' text (RFC 5321 §4.2).
struct SmtpReply {
    int code = 0;
    std::vector<std::string> lines; ///< text after "ddd-" or "ddd "

    bool positive() const { return code >= 200 && code < 400; }
    /// "250 first line / second line", as logged.
    std::string to_string() const;
    /// Whether an EHLO reply names the extension `keyword` (case-insensitive).
    bool has_extension(std::string_view keyword) const;
};

/// Collects reply lines (without CRLF) until the last one ("ddd " or "ddd").
class SmtpReplyParser {
public:
    /// The complete reply after its last line; nothing while lines continue ("ddd-").
    /// A line that is not "ddd", "ddd-text" or "ddd text", or whose code differs from the
    /// first line's, is a protocol violation: `malformed()` becomes true.
    std::optional<SmtpReply> feed(std::string_view line);
    bool malformed() const { return malformed_; }

private:
    SmtpReply partial_;
    bool malformed_ = false;
};

} // namespace callab::mail
