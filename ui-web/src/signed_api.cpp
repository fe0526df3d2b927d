#include "signed_api.hpp"

#include "activity_routes.hpp"
#include "api_error.hpp"
#include "audit_routes.hpp"
#include "booking_routes.hpp"
#include "certificate_routes.hpp"
#include "enterprise_routes.hpp"
#include "equipment_routes.hpp"
#include "instrument_routes.hpp"
#include "job_choice_routes.hpp"
#include "job_routes.hpp"
#include "openapi.hpp"
#include "procedure_routes.hpp"
#include "programme_routes.hpp"
#include "recall_routes.hpp"
#include "service_request_routes.hpp"
#include "standard_routes.hpp"
#include "statistics_routes.hpp"
#include "user_routes.hpp"

namespace callab::web {
namespace http = boost::beast::http;
SignedApi::SignedApi(ApiServices& services) : auth_(services) {
    resources_.push_back(std::make_unique<EquipmentRoutes>(services));
    resources_.push_back(std::make_unique<BookingRoutes>(services));
    resources_.push_back(std::make_unique<ServiceRequestRoutes>(services));
    resources_.push_back(std::make_unique<ActivityRoutes>(services));
    resources_.push_back(std::make_unique<StatisticsRoutes>(services));
    resources_.push_back(std::make_unique<RecallRoutes>(services));
    resources_.push_back(std::make_unique<MyCalendarRoutes>(services));
    resources_.push_back(std::make_unique<JobRoutes>(services));
    resources_.push_back(std::make_unique<CertificateRoutes>(services));
    resources_.push_back(std::make_unique<JobChoiceRoutes>(services));
    resources_.push_back(std::make_unique<StandardRoutes>(services.standards));
    resources_.push_back(std::make_unique<ProcedureRoutes>(services.standards));
    resources_.push_back(std::make_unique<ProgrammeRoutes>(services));
    resources_.push_back(std::make_unique<UserRoutes>(services));
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
        // The longest base wins: "/api/users/me/calendar.ics" over "/api/users".
        if (path_is_under(target, candidate->base()) &&
            (resource == nullptr || candidate->base().size() > resource->base().size())) {
            resource = candidate.get();
        }
    }
    if (resource == nullptr) {
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
    return resource->handle(request, target, *who);
}

} // namespace callab::web
