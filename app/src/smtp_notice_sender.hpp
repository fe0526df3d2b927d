#pragma once
// The lab's NoticeSender as e-mail through callab::mail's SMTP client, and the [smtp]
// section of the server configuration.

#include <callab/lab/notice_sender.hpp>
#include <callab/mail/smtp_client.hpp>

#include <filesystem>
#include <optional>

namespace callab::app {

class SmtpNoticeSender final : public lab::NoticeSender {
public:
    explicit SmtpNoticeSender(const mail::SmtpSettings& settings)
        : client_(settings), from_(settings.from) {}
    lab::Outcome<std::string> send(const lab::NoticeMail& mail) override;

private:
    mail::SmtpClient client_;
    std::string from_;
};

/// The [smtp] section of a TOML file, if it has one: host and from required; port
/// (default 25), helo, starttls (bool), username, password, ca_file, timeout_seconds.
/// Throws CommandFailure (usage) naming the file and key on a bad value.
std::optional<mail::SmtpSettings> smtp_settings_from_file(const std::filesystem::path& file);

} // namespace callab::app
