#pragma once

#include <callab/lab/certificate_service.hpp>
#include <callab/lab/job_service.hpp>
#include <callab/web/api_services.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace callab::web {

/// The lab's HTTP server. Construct, listen(), then run() on as many threads as wanted;
/// stop() from any thread ends run(). listen() comes before the lab services exist, so a
/// port in use is reported before anything is written.
class Server {
public:
    struct Options {
        std::string host = "127.0.0.1";
        std::uint16_t port = 8080; ///< 0 picks a free port
        std::size_t body_limit = 1024 * 1024;
        std::chrono::seconds idle_timeout{30};
        std::string database; ///< the backend's name, reported by /api/health
    };

    explicit Server(Options options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds the listening socket. Returns the port bound, or the error (e.g. address in use).
    boost::system::result<std::uint16_t> listen();

    /// Serves HTTPS and WSS only, with the PEM certificate chain and private key of these
    /// files; a plain HTTP request to the port gets a 400 naming https. Call before run().
    /// Returns why not, naming the file (missing, unreadable, not PEM, key of another
    /// certificate).
    std::optional<std::string> use_tls(const std::filesystem::path& certificate,
                                       const std::filesystem::path& key);
    /// Whether use_tls() succeeded.
    bool secure() const;

    /// Serves the lab's jobs until stop(); blocks. `threads` ≥ 1. Call after listen().
    /// With `certificates`, also the public verification pages (/verify/NUMBER).
    void run(lab::JobService& jobs, unsigned threads,
             lab::CertificateService* certificates = nullptr);

    /// Serves the signed-in API on the lab's records (sessions, CSRF, roles) until stop(),
    /// and the runs of `services.runs` live on `/api/live`. Under TLS it sets
    /// `services.secure_cookie`.
    void run(ApiServices& services, unsigned threads);

    /// Ends run() and closes the listening socket. Safe from any thread.
    void stop();

    /// Stops on SIGINT or SIGTERM.
    void stop_on_signals();

private:
    void serve(unsigned threads);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace callab::web
