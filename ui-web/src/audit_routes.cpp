#include "audit_routes.hpp"

#include "api_error.hpp"

namespace callab::web {
namespace http = boost::beast::http;

Response AuditRoutes::handle(const Request& request, std::string_view path, const SignedIn& who) {
    const auto segments = path_segments(path, base());
    if (segments.size() != 1 || segments[0] != "verify") {
        return api_error(request, http::status::not_found, "not_found",
                         "no such resource: " + std::string(path));
    }
    if (!is_read(request)) {
        return method_not_allowed(request, path, "GET, HEAD");
    }
    const auto role = who.user.data.role;
    if (role != lab::Role::manager && role != lab::Role::admin) {
        return forbidden(request, "only managers and administrators verify the audit trail");
    }
    const auto entries = log_.entries();
    const auto broken = lab::verify_audit_chain(entries);
    nlohmann::json body{{"intact", !broken.has_value()},
                        {"entries", entries.size()},
                        {"last_hash", entries.empty() ? lab::genesis_hash : entries.back().hash}};
    if (broken) {
        body["broken_at"] = broken->sequence;
        body["reason"] = broken->reason;
    }
    return json_response(request, http::status::ok, body);
}

} // namespace callab::web
