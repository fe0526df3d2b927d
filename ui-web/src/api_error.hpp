#pragma once

#include "responses.hpp"

#include <callab/lab/rejection.hpp>

#include <optional>
#include <string>

namespace callab::web {

/// The one place where the lab's refusals become HTTP statuses: not_found → 404,
/// conflict → 409, not_permitted → 403, invalid_field → 422, invalid_transition and
/// standard_not_usable → 409, anything else → 422.
boost::beast::http::status status_for(lab::errc code);

/// The API's error form `{"error", "message", "field"?}`; `field` is omitted when empty.
Response api_error(const Request& request, boost::beast::http::status status, std::string_view code,
                   std::string message, std::string_view field = {});

/// A refusal as its status, with the errc's name as `error` and, when the message starts
/// with "name: ", that name as `field`.
Response rejection_response(const Request& request, const lab::Rejection& rejection);

/// 401: no session, or an expired one.
Response unauthenticated(const Request& request);

/// 403: the user's role does not allow this.
Response forbidden(const Request& request, std::string what);

} // namespace callab::web
