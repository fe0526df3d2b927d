#pragma once

#include "login_limiter.hpp"
#include "responses.hpp"

#include <callab/web/api_services.hpp>

#include <optional>

namespace callab::web {

/// The signed-in user of a request and the session it came with.
struct SignedIn {
    lab::User user;
    lab::WebSession session;
};

/// `/api/session`: signs users in with their argon2id password into a session stored in
/// the records (cookie `callab_session`: HttpOnly, SameSite=Strict, Secure under TLS),
/// tells who is signed in, signs out; and finds the signed-in user of any request.
class Authenticator {
public:
    explicit Authenticator(ApiServices& services);

    /// The user of the request's session cookie, unless absent, unknown or expired.
    std::optional<SignedIn> signed_in(const Request& request);

    /// Whether X-CSRF-Token carries the session's CSRF token.
    static bool csrf_ok(const Request& request, const SignedIn& who);

    Response login(const Request& request, const std::string& peer);
    Response status(const Request& request);
    Response logout(const Request& request);

private:
    Response refuse_login(const Request& request, const std::string& username,
                          const std::string& peer);

    ApiServices& services_;
    LoginLimiter limiter_;
};

/// A user as JSON: id, username, role, enterprise_id (null for lab staff), display_name.
nlohmann::json user_to_json(const lab::User& user);

} // namespace callab::web
