#include "signed_api.hpp"

#include "api_error.hpp"
#include "audit_routes.hpp"
#include "booking_routes.hpp"
#include "enterprise_routes.hpp"
#include "equipment_routes.hpp"
#include "instrument_routes.hpp"
#include "openapi.hpp"

namespace callab::web {
namespace http = boost::beast::http;
namespace {

bool is_job_route(std::string_view target) {
    return path_is_under(target, "/api/jobs");
}

} // namespace

SignedApi::SignedApi(ApiServices& services) : auth_(services) {
    resources_.push_back(std::make_unique<EquipmentRoutes>(services));
    resources_.push_back(std::make_unique<BookingRoutes>(services));
    if (services.enterprises != nullptr) {
        resources_.push_back(std::make_unique<EnterpriseRoutes>(*services.enterprises));
        resources_.push_back(std::make_unique<InstrumentRoutes>(*services.enterprises));
    }
    if (services.audit != nullptr) {
        resources_.push_back(std::make_unique<AuditRoutes>(*services.audit));
    }
}

bool SignedApi::may_read_jobs(const Request& request) {
    const auto who = auth_.signed_in(request);
    return who && who->user.data.role != lab::Role::enterprise_user;
}

std::optional<Response> SignedApi::route(const Request& request, std::string_view target,
                                         const std::string& peer) {
    if (target == "/api/session") {
        switch (request.method()) {
        case http::verb::post:
            return auth_.login(request, peer);
        case http::verb::get:
        case http::verb::head:
            return auth_.status(request);
        case http::verb::delete_:
            return auth_.logout(request);
        default:
            return method_not_allowed(request, target, "GET, HEAD, POST, DELETE");
        }
    }
    if (target == "/api/openapi.json") {
        return is_read(request) ? json_response(request, http::status::ok, openapi_document())
                                : method_not_allowed(request, target, "GET, HEAD");
    }
    ResourceRoutes* resource = nullptr;
    for (const auto& candidate : resources_) {
        if (path_is_under(target, candidate->base())) {
            resource = candidate.get();
        }
    }
    if (resource == nullptr && !is_job_route(target)) {
        return std::nullopt;
    }
    const auto who = auth_.signed_in(request);
    if (!who) {
        return unauthenticated(request);
    }
    if (!is_read(request) && !Authenticator::csrf_ok(request, *who)) {
        return api_error(request, http::status::forbidden, "csrf_token_invalid",
                         "X-CSRF-Token is missing or does not match the session");
    }
    if (resource != nullptr) {
        return resource->handle(request, target, *who);
    }
    // The jobs: the router reads them; enterprise users are not shown the lab's work list.
    if (who->user.data.role == lab::Role::enterprise_user) {
        return forbidden(request, "enterprise users cannot list the lab's jobs");
    }
    return std::nullopt;
}

} // namespace callab::web
