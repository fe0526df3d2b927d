#include "authenticator.hpp"

#include "api_error.hpp"
#include "json_body.hpp"

#include <callab/lab/password_hash.hpp>

#include <algorithm>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

constexpr std::string_view cookie_name = "callab_session";
constexpr std::size_t max_username_length = 64;

// The limiter's key of a username: at most one character more than a real name (see
// lab::validate_user), so a megabyte-long name is not kept whole and never counts against a
// real user.
std::string user_key(const std::string& username) {
    return "user:" + username.substr(0, max_username_length + 1);
}

std::optional<std::string> session_cookie(const Request& request) {
    const std::string_view header = request[http::field::cookie];
    std::size_t start = 0;
    while (start < header.size()) {
        auto end = header.find(';', start);
        if (end == std::string_view::npos) {
            end = header.size();
        }
        auto pair = header.substr(start, end - start);
        while (!pair.empty() && pair.front() == ' ') {
            pair.remove_prefix(1);
        }
        if (pair.starts_with(cookie_name) && pair.size() > cookie_name.size() &&
            pair[cookie_name.size()] == '=') {
            return std::string(pair.substr(cookie_name.size() + 1));
        }
        start = end + 1;
    }
    return std::nullopt;
}

std::string cookie(std::string_view value, std::chrono::seconds max_age, bool secure) {
    std::string text =
        std::string(cookie_name) + "=" + std::string(value) +
        "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age.count());
    if (secure) {
        text += "; Secure";
    }
    return text;
}

// Checked against for unknown usernames, so that they take as long as a wrong password.
const std::string& unknown_user_hash() {
    static const std::string hash = lab::hash_password(lab::new_session_token());
    return hash;
}

} // namespace

nlohmann::json user_to_json(const lab::User& user) {
    return {{"id", user.id.value()},
            {"username", user.data.username},
            {"role", lab::enum_name(user.data.role, lab::role_names)},
            {"enterprise_id", user.data.enterprise ? nlohmann::json(user.data.enterprise->value())
                                                   : nlohmann::json(nullptr)},
            {"display_name", user.data.display_name}};
}

Authenticator::Authenticator(ApiServices& services)
    : services_(services), limiter_(services.login_attempts, services.login_window) {}

std::optional<SignedIn> Authenticator::signed_in(const Request& request) {
    const auto token = session_cookie(request);
    if (!token || token->empty()) {
        return std::nullopt;
    }
    auto session = services_.sessions.find_session(lab::session_token_digest(*token));
    if (!session || session->expires_at <= std::chrono::system_clock::now()) {
        return std::nullopt;
    }
    auto user = services_.users.find_user(session->user);
    if (!user || user->disabled) {
        return std::nullopt;
    }
    return SignedIn{std::move(*user), std::move(*session)};
}

bool Authenticator::csrf_ok(const Request& request, const SignedIn& who) {
    const std::string_view sent = request["X-CSRF-Token"];
    const std::string& expected = who.session.csrf_token;
    if (sent.size() != expected.size() || expected.empty()) {
        return false;
    }
    unsigned char differ = 0;
    for (std::size_t i = 0; i < sent.size(); ++i) {
        differ |= static_cast<unsigned char>(sent[i] ^ expected[i]);
    }
    return differ == 0;
}

Response Authenticator::refuse_login(const Request& request, const std::string& username,
                                     const std::string& peer) {
    const auto now = LoginLimiter::Clock::now();
    limiter_.record_failure(user_key(username), now);
    limiter_.record_failure("addr:" + peer, now);
    return api_error(request, http::status::unauthorized, "invalid_credentials",
                     "username or password is wrong");
}

Response Authenticator::login(const Request& request, const std::string& peer) {
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto username = string_field(*body, "username");
    if (!username) {
        return problem_response(request, username.error());
    }
    auto password = string_field(*body, "password");
    if (!password) {
        return problem_response(request, password.error());
    }
    const auto now = LoginLimiter::Clock::now();
    const auto wait = std::max(limiter_.wait_for(user_key(*username), now),
                               limiter_.wait_for("addr:" + peer, now));
    if (wait.count() > 0) {
        auto response = api_error(request, http::status::too_many_requests, "too_many_attempts",
                                  "too many failed logins for this user or address; try again in " +
                                      std::to_string(wait.count()) + " s");
        response.set(http::field::retry_after, std::to_string(wait.count()));
        return response;
    }
    // No user has a longer name (lab::validate_user); such a name is not looked up.
    const auto user = username->size() <= max_username_length
                          ? services_.users.find_user_by_name(*username)
                          : std::nullopt;
    if (!user) {
        lab::verify_password(unknown_user_hash(), *password);
        return refuse_login(request, *username, peer);
    }
    if (!lab::verify_password(user->password_hash, *password)) {
        return refuse_login(request, *username, peer);
    }
    limiter_.reset(user_key(*username));
    const auto token = lab::new_session_token();
    lab::WebSession session{lab::session_token_digest(token), user->id, lab::new_session_token(),
                            std::chrono::system_clock::now() + services_.session_lifetime};
    services_.sessions.create_session(session);
    auto response = json_response(request, http::status::ok,
                                  {{"csrf_token", session.csrf_token},
                                   {"user", user_to_json(*user)},
                                   {"expires_at", format_utc(session.expires_at)}});
    response.set(http::field::set_cookie,
                 cookie(token, services_.session_lifetime, services_.secure_cookie));
    return response;
}

Response Authenticator::status(const Request& request) {
    const auto who = signed_in(request);
    if (!who) {
        return unauthenticated(request);
    }
    return json_response(request, http::status::ok,
                         {{"csrf_token", who->session.csrf_token},
                          {"user", user_to_json(who->user)},
                          {"expires_at", format_utc(who->session.expires_at)}});
}

Response Authenticator::logout(const Request& request) {
    const auto who = signed_in(request);
    if (!who) {
        return unauthenticated(request);
    }
    if (!csrf_ok(request, *who)) {
        return api_error(request, http::status::forbidden, "csrf_token_invalid",
                         "X-CSRF-Token is missing or does not match the session");
    }
    services_.sessions.delete_session(who->session.token_digest);
    Response response(http::status::no_content, request.version());
    set_common_headers(response);
    response.set(http::field::cache_control, "no-store");
    response.keep_alive(request.keep_alive());
    response.set(http::field::set_cookie,
                 cookie("", std::chrono::seconds{0}, services_.secure_cookie));
    return response;
}

} // namespace callab::web
