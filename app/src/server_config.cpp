#include "server_config.hpp"

#include "command_failure.hpp"

#include <toml++/toml.h>

namespace callab::app {

void add_server_options(CLI::App& command, ServerConfig& config) {
    command.add_option("--host", config.host, "Address to listen on")->capture_default_str();
    command.add_option("--port", config.port, "TCP port to listen on (0 picks a free one)")
        ->capture_default_str();
    command.add_option("--data", config.data, "Directory for the database (callab.db)")
        ->capture_default_str();
    command.add_option("--threads", config.threads, "Server threads")
        ->check(CLI::Range(1U, 64U))
        ->capture_default_str();
    command.add_option("--config", config.config_file, "TOML file with [server] settings")
        ->check(CLI::ExistingFile);
}

void apply_config_file(const CLI::App& command, ServerConfig& config) {
    if (config.config_file.empty()) {
        return;
    }
    const std::string file = config.config_file.string();
    toml::table table;
    try {
        table = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
        throw CommandFailure(exit_usage, "config " + file + ": " + std::string(e.description()) +
                                             " at line " + std::to_string(e.source().begin.line));
    }
    const auto* server = table["server"].as_table();
    if (server == nullptr) {
        return;
    }
    for (const auto& [key, value] : *server) {
        const std::string name(key.str());
        const auto flag_given = [&](const char* flag) {
            const auto* option = command.get_option_no_throw(flag);
            return option != nullptr && option->count() > 0;
        };
        const auto bad = [&](const std::string& why) {
            return CommandFailure(exit_usage, "config " + file + ": server." + name + " " + why);
        };
        if (name == "host") {
            if (!value.is_string())
                throw bad("must be a string");
            if (!flag_given("--host"))
                config.host = value.as_string()->get();
        } else if (name == "port") {
            const auto port = value.value<std::int64_t>();
            if (!port || *port < 0 || *port > 65535)
                throw bad("must be an integer in 0-65535");
            if (!flag_given("--port"))
                config.port = static_cast<std::uint16_t>(*port);
        } else if (name == "data") {
            if (!value.is_string())
                throw bad("must be a string");
            if (!flag_given("--data"))
                config.data = value.as_string()->get();
        } else if (name == "threads") {
            const auto threads = value.value<std::int64_t>();
            if (!threads || *threads < 1 || *threads > 64)
                throw bad("must be an integer in 1-64");
            if (!flag_given("--threads"))
                config.threads = static_cast<unsigned>(*threads);
        } else if (name == "tls_cert" || name == "tls_key") {
            if (command.get_option_no_throw("--tls-cert") == nullptr)
                throw bad("applies to callab serve only");
            if (!value.is_string())
                throw bad("must be a string (a PEM file)");
            auto& path = name == "tls_cert" ? config.tls_cert : config.tls_key;
            if (!flag_given(name == "tls_cert" ? "--tls-cert" : "--tls-key"))
                path = value.as_string()->get();
        } else {
            throw bad("is not a known setting (host, port, data, threads, tls_cert, tls_key)");
        }
    }
}

} // namespace callab::app
