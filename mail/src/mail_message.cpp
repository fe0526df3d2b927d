#include <callab/mail/mail_message.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>

namespace callab::mail {
namespace {

constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t chunk = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            chunk = (chunk << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0U);
        }
        for (std::size_t k = 0; k < 4; ++k) {
            out += k <= n ? base64_alphabet[(chunk >> (18 - 6 * k)) & 0x3F] : '=';
        }
    }
    return out;
}

bool plain_ascii(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7E) {
            return false;
        }
    }
    return true;
}

bool ascii_lines(std::string_view text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte > 0x7E || (byte < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            return false;
        }
    }
    return true;
}

bool continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string made_up_id(std::chrono::system_clock::time_point date, std::string_view domain) {
    std::random_device random;
    char id[64];
    std::snprintf(
        id, sizeof id, "%lld.%08x%08x",
        static_cast<long long>(
            std::chrono::duration_cast<std::chrono::seconds>(date.time_since_epoch()).count()),
        random(), random());
    return std::string(id) + "@" + std::string(domain);
}

} // namespace

std::string encode_header_text(std::string_view text) {
    if (plain_ascii(text) && text.find("=?") == std::string_view::npos) {
        return std::string(text);
    }
    // "=?UTF-8?B?" + 60 base64 characters + "?=" is 72 characters: 45 bytes per word.
    constexpr std::size_t max_bytes = 45;
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + max_bytes);
        while (end < text.size() && end > start && continuation_byte(text[end])) {
            --end;
        }
        if (!out.empty()) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=";
        start = end;
    }
    return out;
}

std::string rfc5322_date(std::chrono::system_clock::time_point t) {
    static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000",
                  days[static_cast<std::size_t>(utc.tm_wday)], utc.tm_mday,
                  months[static_cast<std::size_t>(utc.tm_mon)], utc.tm_year + 1900, utc.tm_hour,
                  utc.tm_min, utc.tm_sec);
    return text;
}

std::string format_message(const MailMessage& message, std::string_view domain) {
    const std::string id =
        message.message_id.empty() ? made_up_id(message.date, domain) : message.message_id;
    std::string text = "Date: " + rfc5322_date(message.date) + "\r\n";
    text += "From: " + message.from + "\r\n";
    text += "To: " + message.to + "\r\n";
    text += "Subject: " + encode_header_text(message.subject) + "\r\n";
    text += "Message-ID: <" + id + ">\r\n";
    text += "MIME-Version: 1.0\r\n";
    text += "Content-Type: text/plain; charset=UTF-8\r\n";
    if (ascii_lines(message.body)) {
        text += "Content-Transfer-Encoding: 7bit\r\n\r\n";
        text += message.body;
        return text;
    }
    text += "Content-Transfer-Encoding: base64\r\n\r\n";
    const std::string encoded = base64(message.body);
    for (std::size_t i = 0; i < encoded.size(); i += 76) {
        text += encoded.substr(i, 76) + "\r\n";
    }
    return text;
}

std::string dot_stuff(std::string_view message) {
    std::string out;
    out.reserve(message.size() + message.size() / 40 + 5);
    bool line_start = true;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (c == '\r' && i + 1 < message.size() && message[i + 1] == '\n') {
            continue; // the '\n' that follows writes the CRLF
        }
        if (c == '\n' || c == '\r') {
            out += "\r\n";
            line_start = true;
            continue;
        }
        if (line_start && c == '.') {
            out += '.';
        }
        out += c;
        line_start = false;
    }
    if (!line_start) {
        out += "\r\n";
    }
    out += ".\r\n";
    return out;
}

} // namespace callab::mail
