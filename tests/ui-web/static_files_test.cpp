#include "static_files.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstring>

namespace callab::web {
namespace {
namespace http = boost::beast::http;

std::span<const unsigned char> bytes(const char* text) {
    return {reinterpret_cast<const unsigned char*>(text), std::strlen(text)};
}

const char* const index_html = "<!doctype html><div id=app></div>";
const char* const index_gzip = "gz(index)";
const char* const app_js = "console.log('app')";
const char* const app_js_gzip = "gz(app.js)";

const std::array<EmbeddedFile, 4> files{{
    {"/index.html", bytes(index_html), bytes(index_gzip)},
    {"/assets/index-Ab12.js", bytes(app_js), bytes(app_js_gzip)},
    {"/assets/index-Cd34.css", bytes("body{}"), {}},
    {"/favicon.svg", bytes("<svg/>"), {}},
}};

class StaticFilesTest : public ::testing::Test {
protected:
    Response get(std::string target, std::string accept_encoding = "",
                 http::verb verb = http::verb::get) {
        Request request{verb, target, 11};
        if (!accept_encoding.empty()) {
            request.set(http::field::accept_encoding, accept_encoding);
        }
        return static_files_.serve(request);
    }

    StaticFiles static_files_{files};
};

TEST_F(StaticFilesTest, ServesIndexAtTheRootWithoutCaching) {
    const auto response = get("/");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response.body(), index_html);
    EXPECT_EQ(response[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_EQ(response[http::field::cache_control], "no-cache");
    EXPECT_FALSE(response[http::field::etag].empty());
    EXPECT_EQ(response["X-Content-Type-Options"], "nosniff");
    EXPECT_EQ(response["Content-Security-Policy"], content_security_policy);
}

TEST_F(StaticFilesTest, HashedAssetsAreImmutableForAYear) {
    const auto response = get("/assets/index-Ab12.js");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response.body(), app_js);
    EXPECT_EQ(response[http::field::content_type], "text/javascript; charset=utf-8");
    EXPECT_EQ(response[http::field::cache_control], "public, max-age=31536000, immutable");
    EXPECT_EQ(get("/assets/index-Cd34.css")[http::field::content_type], "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, SendsTheGzipFormOnlyToClientsThatAcceptIt) {
    const auto gzip = get("/assets/index-Ab12.js", "br, gzip;q=0.8");
    EXPECT_EQ(gzip.body(), app_js_gzip);
    EXPECT_EQ(gzip[http::field::content_encoding], "gzip");
    EXPECT_EQ(gzip[http::field::vary], "Accept-Encoding");
    EXPECT_EQ(gzip[http::field::content_length], std::to_string(std::strlen(app_js_gzip)));

    for (const char* refused : {"", "br", "gzip;q=0", "identity", "x-gzip2"}) {
        const auto plain = get("/assets/index-Ab12.js", refused);
        EXPECT_EQ(plain.body(), app_js) << refused;
        EXPECT_EQ(plain[http::field::content_encoding], "") << refused;
    }
    // Without a gzip form the file goes out as it is, even to a client that accepts gzip.
    const auto css = get("/assets/index-Cd34.css", "gzip");
    EXPECT_EQ(css.body(), "body{}");
    EXPECT_EQ(css[http::field::content_encoding], "");
}

TEST_F(StaticFilesTest, AnswersNotModifiedToAMatchingETag) {
    const auto first = get("/");
    Request again{http::verb::get, "/", 11};
    again.set(http::field::if_none_match, first[http::field::etag]);
    const auto response = static_files_.serve(again);
    EXPECT_EQ(response.result(), http::status::not_modified);
    EXPECT_TRUE(response.body().empty());
}

TEST_F(StaticFilesTest, AppRoutesGetIndexSoTheAppCanShowThem) {
    for (const char* route : {"/jobs", "/jobs/1", "/jobs/1?tab=budget", "/some/deep/route"}) {
        const auto response = get(route);
        EXPECT_EQ(response.result(), http::status::ok) << route;
        EXPECT_EQ(response.body(), index_html) << route;
        EXPECT_EQ(response[http::field::cache_control], "no-cache") << route;
    }
}

TEST_F(StaticFilesTest, MissingFilesAreNotFoundNotTheApp) {
    for (const char* path : {"/assets/index-Old1.js", "/assets/", "/favicon.ico", "/robots.txt"}) {
        const auto response = get(path);
        EXPECT_EQ(response.result(), http::status::not_found) << path;
        EXPECT_EQ(nlohmann::json::parse(response.body())["error"], "not_found") << path;
    }
}

TEST_F(StaticFilesTest, RefusesPathTraversal) {
    for (const char* path :
         {"/../etc/passwd", "/assets/../index.html", "/assets/../../etc/passwd", "/./index.html",
          "/%2e%2e/etc/passwd", "/assets/..%2findex.html", "/assets\\..\\index.html",
          "//etc/passwd", "/jobs/../../etc/passwd", "/..", "/a/./b"}) {
        const auto response = get(path);
        EXPECT_EQ(response.result(), http::status::not_found) << path;
        EXPECT_EQ(response.body().find("<!doctype"), std::string::npos) << path;
    }
}

TEST_F(StaticFilesTest, WritesAreNotAllowed) {
    const auto response = get("/index.html", "", http::verb::post);
    EXPECT_EQ(response.result(), http::status::method_not_allowed);
    EXPECT_EQ(response[http::field::allow], "GET, HEAD");
}

TEST(ContentType, FollowsTheExtension) {
    EXPECT_EQ(content_type_for("/a.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("/a.woff2"), "font/woff2");
    EXPECT_EQ(content_type_for("/a.json"), "application/json");
    EXPECT_EQ(content_type_for("/a.mjs"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_for("/a.bin"), "application/octet-stream");
    EXPECT_EQ(content_type_for("/noextension"), "application/octet-stream");
}

TEST(AcceptsGzip, ReadsTheHeaderAsRfc9110Says) {
    EXPECT_TRUE(accepts_gzip("gzip"));
    EXPECT_TRUE(accepts_gzip("gzip, deflate, br, zstd"));
    EXPECT_TRUE(accepts_gzip("br;q=1.0, GZIP;q=0.5"));
    EXPECT_TRUE(accepts_gzip("*"));
    EXPECT_TRUE(accepts_gzip(" gzip ; q=0.001"));
    EXPECT_FALSE(accepts_gzip(""));
    EXPECT_FALSE(accepts_gzip("deflate, br"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0"));
    EXPECT_FALSE(accepts_gzip("gzip;q=0.000"));
    EXPECT_FALSE(accepts_gzip("*;q=0"));
    EXPECT_FALSE(accepts_gzip("gzipx"));
}

TEST(SafePath, AdmitsOnlyPlainFileNames) {
    EXPECT_TRUE(is_safe_path("/index.html"));
    EXPECT_TRUE(is_safe_path("/assets/index-Ab_12.js"));
    EXPECT_TRUE(is_safe_path("/jobs/12"));
    EXPECT_FALSE(is_safe_path(""));
    EXPECT_FALSE(is_safe_path("index.html"));
    EXPECT_FALSE(is_safe_path("/a//b"));
    EXPECT_FALSE(is_safe_path("/a/"));
    EXPECT_FALSE(is_safe_path("/a/../b"));
    EXPECT_FALSE(is_safe_path(std::string_view("/a\0b", 4)));
    EXPECT_FALSE(is_safe_path("/a b"));
    EXPECT_FALSE(is_safe_path("/a%20b"));
}

TEST(EmbeddedApp, HasIndexAndHashedAssetsWithGzip) {
    const auto app = embedded_files();
    const auto index = std::ranges::find(app, std::string_view("/index.html"), &EmbeddedFile::path);
    ASSERT_NE(index, app.end());
    EXPECT_FALSE(index->gzip.empty());
    const std::string html(reinterpret_cast<const char*>(index->data.data()), index->data.size());
    EXPECT_NE(html.find("<div id=\"app\">"), std::string::npos);
    std::size_t scripts = 0;
    for (const auto& file : app) {
        if (file.path.starts_with("/assets/") && file.path.ends_with(".js")) {
            ++scripts;
            // A chunk of a few dozen bytes does not shrink: it is served as it is.
            if (file.gzip.empty()) {
                EXPECT_LT(file.data.size(), 512U) << file.path;
                continue;
            }
            EXPECT_LT(file.gzip.size(), file.data.size()) << file.path;
            EXPECT_EQ(file.gzip[0], 0x1f) << file.path; // gzip magic number
            EXPECT_EQ(file.gzip[1], 0x8b) << file.path;
        }
    }
    EXPECT_GE(scripts, 1U);
    // The entry script index.html loads is among the embedded files.
    const auto src = html.find("src=\"/assets/");
    ASSERT_NE(src, std::string::npos);
    const auto path = html.substr(src + 5, html.find('"', src + 5) - (src + 5));
    EXPECT_NE(std::ranges::find(app, std::string_view(path), &EmbeddedFile::path), app.end())
        << path;
}

} // namespace
} // namespace callab::web
