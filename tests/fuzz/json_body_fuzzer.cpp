// Any bytes as the JSON body of an API request: the body is refused with 400 (not JSON, not
// an object), or each field read from it gives either a value or a 422 naming that field; a
// time that is read prints back as the very text that was sent.
#include "json_body.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

namespace web = callab::web;
namespace http = boost::beast::http;

template <typename T> void check_field(const web::BodyResult<T>& result, const std::string& name) {
    if (!result && (result.error().field != name || result.error().message.empty() ||
                    result.error().status != http::status::unprocessable_entity)) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    web::Request request{http::verb::post, "/api/bookings", 11};
    request.set(http::field::content_type, "application/json");
    request.body().assign(reinterpret_cast<const char*>(data), size);
    const auto body = web::parse_json_object(request);
    if (!body) {
        if (body.error().status != http::status::bad_request || body.error().message.empty()) {
            std::abort();
        }
        return 0;
    }
    check_field(web::string_field(*body, "name"), "name");
    check_field(web::optional_string_field(*body, "purpose"), "purpose");
    check_field(web::id_field(*body, "equipment_id"), "equipment_id");
    for (const std::string name : {"start", "end"}) {
        const auto time = web::time_field(*body, name);
        check_field(time, name);
        if (time && web::format_utc(*time) != body->at(name).get<std::string>()) {
            std::abort(); // accepted only in the one documented form
        }
    }
    return 0;
}
