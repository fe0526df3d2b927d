#pragma once

#include "authenticator.hpp"

#include <optional>
#include <string>
#include <variant>

namespace callab::web {

/// A client let in to `/api/live`: the job it follows and the job's state to send first.
struct LiveAdmission {
    lab::JobId job;
    std::string initial_state;
};

/// Decides a request for `GET /api/live?job=ID` (before any upgrade): 401 `unauthenticated`
/// without a session; 403 `origin_not_allowed` when an Origin header names another site
/// than the Host the request was sent to (`https://` under TLS, `http://` without); 400
/// `invalid_field` (`field: job`) without a positive job id; 404 for a job that does not
/// exist or, for an enterprise user, is another enterprise's; 503 on a server without runs.
std::variant<LiveAdmission, Response> admit_live(const Request& request,
                                                 const std::optional<SignedIn>& who,
                                                 ApiServices& services, bool secure);

/// Whether `origin` (an Origin header) is this server as the request's Host names it.
bool same_origin(std::string_view origin, std::string_view host, bool secure);

} // namespace callab::web
