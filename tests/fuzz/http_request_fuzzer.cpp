// Arbitrary bytes as an HTTP request: Beast's parser (with the server's limits) either
// rejects them or yields a request the router answers with a well-formed response.
#include "router.hpp"
#include "support/in_memory_job_store.hpp"

#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <cstdint>
#include <cstdlib>

namespace {

struct Fixture {
    Fixture() {
        spdlog::set_level(spdlog::level::off); // the router logs every 500; keep runs quiet
        const auto job = store.create_job({"IR at 37", "FT-1", "object_temperature", "degC", 0.1});
        for (double v : {37.0, 37.2, 37.1}) {
            store.append_reading({callab::lab::ReadingId{}, job.id, v, "degC", "sim", {}, "f"});
        }
    }
    callab::test_support::InMemoryJobStore store;
    callab::lab::JobService jobs{store};
    callab::web::Router router{jobs, "sqlite"};
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Fixture fixture;
    namespace http = boost::beast::http;
    http::request_parser<http::string_body> parser;
    parser.body_limit(1024 * 1024);
    parser.header_limit(16 * 1024);
    parser.eager(true);
    boost::beast::error_code ec;
    parser.put(boost::asio::buffer(data, size), ec);
    if (ec || !parser.is_done()) {
        return 0;
    }
    const auto response = fixture.router.handle(parser.get());
    const auto status = response.result_int();
    // Nothing a client sends may make the server fail: every answer is a client error at
    // worst. 503 is the one server status allowed: this router has no certificate records,
    // so it declines /verify by design.
    const bool declined = status == 503;
    if (status < 200 || (status > 499 && !declined) || !response.has_content_length()) {
        std::abort();
    }
    return 0;
}
