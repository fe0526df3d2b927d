#pragma once
// The query of the service-request, activity and statistics routes:
// `?page=&per_page=&<filter>=` through ListQuery, every parameter known to the route.

#include "json_body.hpp"

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace callab::web {

struct ServiceQuery {
    int page = 1;
    int per_page = 50;
    std::map<std::string, std::string, std::less<>> values; ///< the other parameters given
};

/// Reads the request's query. `page` (from 1) and `per_page` (1…500) are always allowed;
/// `names` are the route's own parameters. An unknown or repeated parameter, a bad escape
/// or a bad page is a 400 naming the parameter.
BodyResult<ServiceQuery> parse_service_query(const Request& request,
                                             std::initializer_list<std::string_view> names);

/// The problem of the first of `results` that failed, if any (fields are checked in order).
template <typename... Results> std::optional<BodyProblem> first_problem(const Results&... results) {
    std::optional<BodyProblem> found;
    ((found || results ? void() : void(found = results.error())), ...);
    return found;
}

/// `{"items", "total", "page", "per_page"}`.
nlohmann::json page_body(nlohmann::json items, long long total, const ServiceQuery& query);

} // namespace callab::web
