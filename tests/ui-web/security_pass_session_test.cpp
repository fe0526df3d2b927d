// The security pass's checks that do not depend on the routes: path traversal on the static
// files, session fixation, sign-out, and what the refusal log lines leave out.
#include "security_pass_fixture.hpp"

#include <callab/lab/web_session.hpp>

namespace callab::web {
namespace {
namespace http = boost::beast::http;

TEST_F(SecurityPassTest, StaticFilePathTraversalNeverReadsOutside) {
    const std::vector<std::string> targets{
        "/../../../../etc/passwd",
        "/assets/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/assets/..%2f..%2fetc%2fpasswd",
        "/.%2e/.%2e/etc/passwd",
        "/%252e%252e/etc/passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/..\\..\\etc\\passwd",
        "//etc/passwd",
        "/assets//etc/passwd",
        "/assets/%2Fetc%2Fpasswd",
        "file:///etc/passwd",
        "etc/passwd",
        "/etc/passwd%00.js",
        std::string("/index.html\0.js", 15),
        std::string("/assets/\0/etc/passwd", 20),
        "/./index.html",
        "/jobs.html/../../etc/passwd",
    };
    for (const auto& target : targets) {
        for (const auto verb : {http::verb::get, http::verb::head}) {
            const auto reply = send(verb, target);
            EXPECT_TRUE(reply.status == 404 || reply.status == 400)
                << target << ": " << reply.status;
            EXPECT_EQ(reply.body.find("root:"), std::string::npos) << target;
        }
    }
    // An absolute path that looks like a page of the app is the app, never the file.
    const auto page = send(http::verb::get, "/etc/passwd");
    EXPECT_EQ(page.body.find("root:"), std::string::npos);
    EXPECT_EQ(send(http::verb::get, "/etc/passwd").body, send(http::verb::get, "/").body);
}

TEST_F(SecurityPassTest, ASessionIdChosenByTheClientIsNeverAdopted) {
    const std::string chosen(64, 'f');
    const Credentials planted{"callab_session=" + chosen, ""};
    EXPECT_EQ(send(http::verb::get, "/api/session", {}, planted).status, 401);
    const auto reply =
        send(http::verb::post, "/api/session",
             nlohmann::json{{"username", "manager"}, {"password", pass_password}}.dump(), planted);
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto issued = reply.set_cookie.substr(0, reply.set_cookie.find(';'));
    EXPECT_NE(issued, planted.cookie);
    EXPECT_EQ(send(http::verb::get, "/api/session", {}, planted).status, 401);
    EXPECT_FALSE(sessions_->find_session(lab::session_token_digest(chosen)));
    EXPECT_EQ(send(http::verb::get, "/api/session", {}, {issued, ""}).status, 200);
}

TEST_F(SecurityPassTest, EverySignInIssuesANewSessionId) {
    const auto first = login("technician");
    const auto reply =
        send(http::verb::post, "/api/session",
             nlohmann::json{{"username", "technician"}, {"password", pass_password}}.dump(), first);
    ASSERT_EQ(reply.status, 200);
    EXPECT_NE(reply.set_cookie.substr(0, reply.set_cookie.find(';')), first.cookie);
    EXPECT_NE(reply.json["csrf_token"], first.csrf);
}

TEST_F(SecurityPassTest, SignOutEndsTheSessionOnTheServer) {
    const auto as = login("reviewer");
    const auto token = as.cookie.substr(as.cookie.find('=') + 1);
    ASSERT_TRUE(sessions_->find_session(lab::session_token_digest(token)));
    const auto out = send(http::verb::delete_, "/api/session", {}, as);
    EXPECT_EQ(out.status, 204);
    EXPECT_NE(out.set_cookie.find("Max-Age=0"), std::string::npos);
    EXPECT_FALSE(sessions_->find_session(lab::session_token_digest(token)));
    // A client that keeps the cookie anyway gets nowhere with it.
    EXPECT_EQ(send(http::verb::get, "/api/session", {}, as).status, 401);
    EXPECT_EQ(send(http::verb::get, "/api/jobs", {}, as).status, 401);
    EXPECT_EQ(send(http::verb::delete_, "/api/session", {}, as).status, 401);
}

TEST_F(SecurityPassTest, NoSecretIsEverLogged) {
    send(http::verb::post, "/api/session",
         nlohmann::json{{"username", "admin"}, {"password", "wrong " + std::string(pass_password)}}
             .dump(),
         {}, "203.0.113.9");
    send(http::verb::get, "/api/activities?token=secret-in-query", {}, as_["enterprise_user"]);
    const auto text = log();
    EXPECT_NE(text.find("refused GET /api/activities -> 403"), std::string::npos) << text;
    EXPECT_NE(text.find("refused POST /api/session -> 401"), std::string::npos) << text;
    EXPECT_EQ(text.find(pass_password), std::string::npos);
    EXPECT_EQ(text.find("secret-in-query"), std::string::npos);
    for (const auto& [name, as] : as_) {
        EXPECT_EQ(text.find(as.cookie.substr(as.cookie.find('=') + 1)), std::string::npos) << name;
        EXPECT_EQ(text.find(as.csrf), std::string::npos) << name;
    }
}

} // namespace
} // namespace callab::web
