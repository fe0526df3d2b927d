#include "json_body.hpp"

#include <gtest/gtest.h>

namespace callab::web {
namespace {
namespace http = boost::beast::http;

Request json_request(std::string body, std::string type = "application/json") {
    Request request{http::verb::post, "/api/bookings", 11};
    request.set(http::field::content_type, type);
    request.body() = std::move(body);
    return request;
}

TEST(JsonBody, MalformedJsonIs400AndANonObjectToo) {
    EXPECT_EQ(parse_json_object(json_request("{\"a\":")).error().status, http::status::bad_request);
    EXPECT_EQ(parse_json_object(json_request("[1]")).error().code, "malformed_json");
    EXPECT_EQ(parse_json_object(json_request("{}", "text/plain")).error().status,
              http::status::unsupported_media_type);
}

TEST(JsonBody, FieldProblemsNameTheField) {
    const auto body = nlohmann::json::parse(R"({"id": "7", "when": "2031-13-01T00:00:00Z"})");
    const auto id = id_field(body, "id");
    EXPECT_EQ(id.error().field, "id");
    EXPECT_EQ(id.error().message, "id: must be a positive integer, got string");
    EXPECT_EQ(string_field(body, "name").error().code, "missing_field");
    EXPECT_EQ(time_field(body, "when").error().field, "when");
}

TEST(JsonBody, TimesRoundTrip) {
    const auto body = nlohmann::json::parse(R"({"start": "2031-03-02T09:05:07Z"})");
    const auto start = time_field(body, "start");
    ASSERT_TRUE(start);
    EXPECT_EQ(format_utc(*start), "2031-03-02T09:05:07Z");
    EXPECT_EQ(std::chrono::system_clock::to_time_t(*start), 1930208707);
}

// Found by fuzz_json_body: sscanf's %d took blanks, signs and short fields, so these were
// accepted and read back as another text than the one sent.
TEST(JsonBody, TimesAreReadOnlyInTheDocumentedForm) {
    for (const char* text : {" 2031-03-02T09:05:07Z", "2031-3-2T9:5:7Z", "+031-03-02T09:05:07Z",
                             "2031-03-02T09:05:-7Z", "2031-03-02T09:05:07z", "2031-03-02 09:05:07Z",
                             "2031-03-02T09:05:07Z ", "20310-03-02T09:05:07Z"}) {
        const auto body = nlohmann::json{{"start", text}};
        const auto start = time_field(body, "start");
        EXPECT_FALSE(start) << text;
        if (!start) {
            EXPECT_EQ(start.error().code, "invalid_field") << text;
            EXPECT_EQ(start.error().field, "start") << text;
        }
    }
}

// Found by fuzz_json_body: the year 4062 overflowed the clock's 64-bit nanoseconds and read
// back as a time in 1477.
TEST(JsonBody, TimesOutsideTheClocksRangeAreRefusedNotWrapped) {
    for (const char* text : {"4062-01-06T09:00:00Z", "2262-04-12T00:00:00Z", "1677-09-21T00:00:00Z",
                             "0000-01-01T00:00:00Z"}) {
        const auto start = time_field(nlohmann::json{{"start", text}}, "start");
        ASSERT_FALSE(start) << text;
        EXPECT_EQ(start.error().field, "start");
        EXPECT_NE(start.error().message.find("1900 to 2199"), std::string::npos)
            << start.error().message;
    }
    for (const char* text : {"1900-01-01T00:00:00Z", "2199-12-31T23:59:59Z"}) {
        const auto start = time_field(nlohmann::json{{"start", text}}, "start");
        ASSERT_TRUE(start) << text;
        EXPECT_EQ(format_utc(*start), text);
    }
}

} // namespace
} // namespace callab::web
