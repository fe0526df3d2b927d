#pragma once

#include <boost/asio/ssl/context.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace callab::web {

/// A TLS server context (TLS 1.2 and later) with the certificate chain and private key of
/// two PEM files, or why not, naming the file: missing or unreadable, not PEM, or a key that
/// does not belong to the certificate.
struct TlsContextResult {
    std::optional<boost::asio::ssl::context> context;
    std::string error;
};
TlsContextResult make_tls_context(const std::filesystem::path& certificate,
                                  const std::filesystem::path& key);

} // namespace callab::web
