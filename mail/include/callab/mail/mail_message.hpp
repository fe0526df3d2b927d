#pragma once
// A plain-text e-mail as RFC 5322 text, and the encodings SMTP needs: RFC 2047 encoded
// words for UTF-8 header text and the DATA section's dot-stuffing.

#include <chrono>
#include <string>
#include <string_view>

namespace callab::mail {

struct MailMessage {
    std::string from;    ///< address, e.g. callab@lab.example
    std::string to;      ///< address
    std::string subject; ///< UTF-8
    std::string body;    ///< UTF-8 text; line ends '\n' or "\r\n"
    std::chrono::system_clock::time_point date = std::chrono::system_clock::now();
    std::string message_id{}; ///< without angle brackets; made up when empty
};

/// `text` as is when it is printable ASCII without "=?", otherwise as RFC 2047 "B"
/// encoded words of UTF-8 (each at most 75 characters, never splitting a character),
/// separated by CRLF and a space (folding).
std::string encode_header_text(std::string_view text);

/// RFC 5322 date, e.g. "Fri, 27 Nov 2026 15:04:20 +0000".
std::string rfc5322_date(std::chrono::system_clock::time_point t);

/// Headers and body with CRLF line ends: Date, From, To, Subject, Message-ID,
/// MIME-Version, Content-Type text/plain; charset=UTF-8, and a 7bit body when it is ASCII
/// or base64 otherwise. The caller has checked the addresses (no line breaks).
std::string format_message(const MailMessage& message, std::string_view domain);

/// The DATA section for `message`: line ends made CRLF, a '.' doubled at the start of
/// every line (RFC 5321 §4.5.2), and the terminating "CRLF.CRLF".
std::string dot_stuff(std::string_view message);

} // namespace callab::mail
