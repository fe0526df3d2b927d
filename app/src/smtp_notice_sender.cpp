#include "smtp_notice_sender.hpp"

#include "command_failure.hpp"

#include <callab/lab/user.hpp>

#include <toml++/toml.h>

namespace callab::app {

lab::Outcome<std::string> SmtpNoticeSender::send(const lab::NoticeMail& mail) {
    const auto sent = client_.send({from_, mail.to, mail.subject, mail.body});
    if (!sent) {
        return lab::reject(lab::errc::delivery_failed, sent.error().detail);
    }
    return *sent;
}

std::optional<mail::SmtpSettings> smtp_settings_from_file(const std::filesystem::path& file) {
    const std::string name = file.string();
    toml::table table;
    try {
        table = toml::parse_file(name);
    } catch (const toml::parse_error& e) {
        throw CommandFailure(exit_usage, "config " + name + ": " + std::string(e.description()) +
                                             " at line " + std::to_string(e.source().begin.line));
    }
    const auto* smtp = table["smtp"].as_table();
    if (smtp == nullptr) {
        return std::nullopt;
    }
    mail::SmtpSettings settings;
    bool has_host = false;
    bool has_from = false;
    for (const auto& [key, value] : *smtp) {
        const std::string setting(key.str());
        const auto bad = [&](const std::string& why) {
            return CommandFailure(exit_usage, "config " + name + ": smtp." + setting + " " + why);
        };
        const auto text = [&]() -> std::string {
            if (!value.is_string()) {
                throw bad("must be a string");
            }
            return value.as_string()->get();
        };
        if (setting == "host") {
            settings.host = text();
            has_host = !settings.host.empty();
        } else if (setting == "port") {
            const auto port = value.value<std::int64_t>();
            if (!port || *port < 1 || *port > 65535) {
                throw bad("must be an integer in 1-65535");
            }
            settings.port = static_cast<std::uint16_t>(*port);
        } else if (setting == "from") {
            settings.from = text();
            has_from = lab::is_email_address(settings.from);
            if (!has_from) {
                throw bad("must be an address like callab@lab.example");
            }
        } else if (setting == "helo") {
            settings.helo_name = text();
        } else if (setting == "starttls") {
            if (!value.is_boolean()) {
                throw bad("must be true or false");
            }
            settings.starttls = value.as_boolean()->get();
        } else if (setting == "username") {
            settings.username = text();
        } else if (setting == "password") {
            settings.password = text();
        } else if (setting == "ca_file") {
            settings.ca_file = text();
        } else if (setting == "timeout_seconds") {
            const auto seconds = value.value<std::int64_t>();
            if (!seconds || *seconds < 1 || *seconds > 600) {
                throw bad("must be an integer in 1-600");
            }
            settings.timeout = std::chrono::seconds(*seconds);
        } else {
            throw bad("is not a known setting (host, port, from, helo, starttls, username, "
                      "password, ca_file, timeout_seconds)");
        }
    }
    if (!has_host || !has_from) {
        throw CommandFailure(exit_usage, "config " + name + ": [smtp] needs host and from");
    }
    return settings;
}

} // namespace callab::app
