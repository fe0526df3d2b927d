#include "smtp_connection.hpp"

#include <callab/mail/smtp_client.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

namespace callab::mail {
namespace {

using boost::system::error_code;
using Result = boost::system::result<std::string, SendFailure>;

bool has_line_break(std::string_view text) {
    return text.find_first_of("\r\n") != std::string_view::npos;
}

std::string base64(std::string_view bytes) {
    static constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t chunk = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            chunk = (chunk << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0U);
        }
        for (std::size_t k = 0; k < 4; ++k) {
            out += k <= n ? alphabet[(chunk >> (18 - 6 * k)) & 0x3F] : '=';
        }
    }
    return out;
}

/// One conversation: each step sends a command and expects a reply of the given class.
class Conversation {
public:
    Conversation(const SmtpSettings& settings) : settings_(settings), wire_(settings.timeout) {}

    Result deliver(const MailMessage& message) {
        if (auto failed = open()) {
            return *failed;
        }
        if (auto failed = greet()) {
            return quit(*failed);
        }
        if (auto failed = secure_and_authenticate()) {
            return quit(*failed);
        }
        if (auto failed = command("MAIL FROM:<" + settings_.from + ">", 250)) {
            return quit(*failed);
        }
        if (auto failed = command("RCPT TO:<" + message.to + ">", 250, 251)) {
            return quit(*failed);
        }
        if (auto failed = command("DATA", 354)) {
            return quit(*failed);
        }
        if (auto failed = send_text(dot_stuff(format_message(message, settings_.helo_name)), 250)) {
            return quit(*failed);
        }
        const std::string accepted = last_.to_string();
        quit(std::nullopt);
        return accepted;
    }

private:
    using Failure = std::optional<SendFailure>;

    Failure open() {
        if (const auto ec = wire_.connect(settings_.host, settings_.port)) {
            return SendFailure{
                ec == errc::timed_out ? ec : make_error_code(errc::connection_failed),
                settings_.host + ":" + std::to_string(settings_.port) + ": " + ec.message()};
        }
        return expect(220);
    }

    Failure greet() {
        if (auto failed = command("EHLO " + settings_.helo_name, 250)) {
            if (last_.code != 500 && last_.code != 502) {
                return failed;
            }
            return command("HELO " + settings_.helo_name, 250);
        }
        return std::nullopt;
    }

    Failure secure_and_authenticate() {
        const bool credentials = !settings_.username.empty();
        if (!settings_.starttls) {
            if (credentials) {
                return SendFailure{make_error_code(errc::tls_required),
                                   "credentials are sent only after STARTTLS"};
            }
            return std::nullopt;
        }
        if (!last_.has_extension("STARTTLS")) {
            return SendFailure{make_error_code(errc::tls_required),
                               settings_.host + " does not offer STARTTLS: " + last_.to_string()};
        }
        if (auto failed = command("STARTTLS", 220)) {
            return failed;
        }
        if (const auto ec = wire_.start_tls(settings_.host, settings_.ca_file)) {
            return SendFailure{ec, settings_.host + ": " + ec.message()};
        }
        if (auto failed = command("EHLO " + settings_.helo_name, 250)) {
            return failed;
        }
        if (!credentials) {
            return std::nullopt;
        }
        const std::string token =
            base64(std::string(1, '\0') + settings_.username + '\0' + settings_.password);
        return command("AUTH PLAIN " + token, 235, 235, "AUTH PLAIN (credentials)");
    }

    Failure command(const std::string& line, int expected, int also = 0,
                    std::string_view shown = {}) {
        if (const auto ec = wire_.write(line + "\r\n")) {
            return SendFailure{ec, std::string(shown.empty() ? line : shown) + ": " + ec.message()};
        }
        return expect(expected, also);
    }

    Failure send_text(const std::string& text, int expected) {
        if (const auto ec = wire_.write(text)) {
            return SendFailure{ec, "message text: " + ec.message()};
        }
        return expect(expected);
    }

    Failure expect(int expected, int also = 0) {
        if (const auto ec = wire_.read_reply(last_)) {
            return SendFailure{ec, ec.message()};
        }
        if (last_.code != expected && (also == 0 || last_.code != also)) {
            return SendFailure{make_error_code(errc::refused), last_.to_string()};
        }
        return std::nullopt;
    }

    SendFailure quit(Failure failure) {
        if (!failure || failure->code == errc::refused) {
            // A polite end; its own failure changes nothing.
            if (!wire_.write("QUIT\r\n")) {
                SmtpReply ignored;
                (void)wire_.read_reply(ignored);
            }
        }
        return failure.value_or(SendFailure{});
    }

    const SmtpSettings& settings_;
    SmtpConnection wire_;
    SmtpReply last_;
};

} // namespace

SmtpClient::SmtpClient(SmtpSettings settings) : settings_(std::move(settings)) {}

boost::system::result<std::string, SendFailure> SmtpClient::send(const MailMessage& message) {
    if (has_line_break(message.to) || has_line_break(message.from) ||
        has_line_break(settings_.from) || has_line_break(message.subject)) {
        return SendFailure{make_error_code(errc::invalid_message),
                           "an address or the subject holds a line break"};
    }
    Conversation conversation(settings_);
    return conversation.deliver(message);
}

} // namespace callab::mail
