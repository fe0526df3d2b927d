#include "tls_context.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <openssl/err.h>
#include <openssl/ssl.h>

namespace callab::web {
namespace ssl = boost::asio::ssl;
namespace {

// Empty when `file` can be opened for reading, else why not.
std::string unreadable(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (in) {
        return {};
    }
    return std::strerror(errno);
}

std::string openssl_reason(const boost::system::error_code& ec) {
    const auto* reason = ERR_reason_error_string(static_cast<unsigned long>(ec.value()));
    return reason != nullptr ? reason : ec.message();
}

} // namespace

TlsContextResult make_tls_context(const std::filesystem::path& certificate,
                                  const std::filesystem::path& key) {
    TlsContextResult result;
    if (auto why = unreadable(certificate); !why.empty()) {
        result.error = "TLS certificate " + certificate.string() + ": cannot read it (" + why + ")";
        return result;
    }
    if (auto why = unreadable(key); !why.empty()) {
        result.error = "TLS key " + key.string() + ": cannot read it (" + why + ")";
        return result;
    }
    ssl::context context(ssl::context::tls_server);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                        ssl::context::single_dh_use);
    boost::system::error_code ec;
    context.use_certificate_chain_file(certificate.string(), ec);
    if (ec) {
        result.error = "TLS certificate " + certificate.string() + ": not a PEM certificate (" +
                       openssl_reason(ec) + ")";
        return result;
    }
    context.use_private_key_file(key.string(), ssl::context::pem, ec);
    if (ec) {
        result.error = "TLS key " + key.string() +
                       ": not a usable PEM private key for certificate " + certificate.string() +
                       " (" + openssl_reason(ec) + ")";
        return result;
    }
    if (SSL_CTX_check_private_key(context.native_handle()) != 1) {
        result.error =
            "TLS key " + key.string() + " does not belong to certificate " + certificate.string();
        return result;
    }
    result.context.emplace(std::move(context));
    return result;
}

} // namespace callab::web
