#include "service_query.hpp"

#include "list_query.hpp"

#include <vector>

namespace callab::web {

BodyResult<ServiceQuery> parse_service_query(const Request& request,
                                             std::initializer_list<std::string_view> names) {
    const ListFields fields{{}, {}, std::vector<std::string_view>(names)};
    auto query = parse_list_query(request, fields);
    if (!query) {
        return query.error();
    }
    return ServiceQuery{static_cast<int>(query->page), static_cast<int>(query->per_page),
                        std::move(query->other)};
}

nlohmann::json page_body(nlohmann::json items, long long total, const ServiceQuery& query) {
    ListQuery paged;
    paged.page = query.page;
    paged.per_page = query.per_page;
    return list_body(std::move(items), total, paged);
}

} // namespace callab::web
