#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

namespace callab::app {

/// Where and how the server runs. Flags win over the TOML file, which wins over defaults.
struct ServerConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::filesystem::path data = "var";
    unsigned threads = 2;
    std::filesystem::path config_file; ///< optional TOML file
    std::filesystem::path tls_cert;    ///< PEM certificate chain: serve HTTPS (with tls_key)
    std::filesystem::path tls_key;     ///< PEM private key of tls_cert
};

/// Adds --host, --port, --data, --threads and --config to a subcommand.
void add_server_options(CLI::App& command, ServerConfig& config);

/// Fills the settings not given as flags from `config.config_file`, if one was named.
/// Throws CommandFailure (usage) naming the file and key on a bad file.
void apply_config_file(const CLI::App& command, ServerConfig& config);

} // namespace callab::app
