#include "signing_config.hpp"

#include "command_failure.hpp"

#include <toml++/toml.h>

namespace callab::app {

std::optional<lab::DccSigningKey> signing_key_from_file(const std::filesystem::path& file) {
    const std::string name = file.string();
    toml::table table;
    try {
        table = toml::parse_file(name);
    } catch (const toml::parse_error& e) {
        throw CommandFailure(exit_usage, "config " + name + ": " + std::string(e.description()) +
                                             " at line " + std::to_string(e.source().begin.line));
    }
    const auto* section = table["certificates"].as_table();
    if (section == nullptr) {
        return std::nullopt;
    }
    std::optional<std::filesystem::path> key;
    std::optional<std::filesystem::path> certificate;
    for (const auto& [setting, value] : *section) {
        const std::string setting_name(setting.str());
        const auto bad = [&](const std::string& why) {
            return CommandFailure(exit_usage,
                                  "config " + name + ": certificates." + setting_name + " " + why);
        };
        if (setting_name != "signing_key" && setting_name != "signing_cert") {
            throw bad("is not a known setting (signing_key, signing_cert)");
        }
        if (!value.is_string()) {
            throw bad("must be a string");
        }
        const std::filesystem::path path = value.as_string()->get();
        if (!std::filesystem::is_regular_file(path)) {
            throw bad("names " + path.string() + ", which is not a file");
        }
        (setting_name == "signing_key" ? key : certificate) = path;
    }
    if (key.has_value() != certificate.has_value()) {
        throw CommandFailure(exit_usage, "config " + name + ": certificates." +
                                             (key ? "signing_cert" : "signing_key") +
                                             " is missing (signing_key and signing_cert go "
                                             "together)");
    }
    if (!key) {
        return std::nullopt;
    }
    return lab::DccSigningKey{*key, *certificate};
}

} // namespace callab::app
