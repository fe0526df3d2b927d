#pragma once

#include "embedded_files.hpp"
#include "live_admission.hpp"
#include "live_hub.hpp"
#include "responses.hpp"
#include "static_files.hpp"

#include <callab/lab/certificate_service.hpp>
#include <callab/lab/job_service.hpp>
#include <callab/web/api_services.hpp>

#include <memory>
#include <string>
#include <variant>

namespace callab::web {

class SignedApi;

/// Maps a request to a response. Pure apart from the lab calls it makes: no sockets, so it
/// is tested without a network. The one place where errors become HTTP statuses.
///
/// `/api/...` is the JSON API; `/jobs.html` the jobs as a page that needs no JavaScript;
/// every other path belongs to the browser app (`app_files`, by default the files embedded
/// at build time).
class Router {
public:
    Router(lab::JobService& jobs, std::string database,
           std::span<const EmbeddedFile> app_files = embedded_files());

    /// A router on the lab's records: the signed-in API (sessions, CSRF, roles) of
    /// SignedApi in front of the job reads.
    Router(ApiServices& services, std::string database,
           std::span<const EmbeddedFile> app_files = embedded_files());

    ~Router();
    Router(const Router&) = delete;
    Router& operator=(const Router&) = delete;

    /// `peer` is the client's address, for the login rate limit.
    Response handle(const Request& request, const std::string& peer = {}) const;
    /// The hub of `/api/live` (null on a server without sign-in).
    std::shared_ptr<LiveHub> live_hub() const { return live_; }
    /// Decides a WebSocket upgrade to `/api/live` (see admit_live() in live_admission.hpp);
    /// `secure`: the request came over TLS.
    std::variant<LiveAdmission, Response> admit_live(const Request& request, bool secure) const;

    /// Serves `/verify/NUMBER` and `/api/verify/NUMBER` from `certificates`.
    void verify_with(lab::CertificateService& certificates) { certificates_ = &certificates; }

private:
    Response route(const Request& request, const std::string& peer) const;
    Response route_api(const Request& request, std::string_view target,
                       const std::string& peer) const;

    lab::JobService& jobs_;
    std::string database_;
    StaticFiles app_files_;
    std::unique_ptr<SignedApi> api_; ///< null: the read-only demo API without sign-in
    lab::CertificateService* certificates_ = nullptr;
    ApiServices* services_ = nullptr;
    std::shared_ptr<LiveHub> live_;
};

/// How many `/api/live` messages may wait for one client before it is dropped as too slow.
inline constexpr std::size_t live_queue_limit = 256;

} // namespace callab::web
