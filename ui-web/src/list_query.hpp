#pragma once

#include "json_body.hpp"
#include "json_writer.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace callab::web {

using QueryParameters = std::map<std::string, std::string, std::less<>>;

/// What a list endpoint accepts besides `page`, `per_page` and `sort`.
struct ListFields {
    std::vector<std::string_view> sortable;   ///< fields `sort=` may name (`-field` descends)
    std::vector<std::string_view> filterable; ///< fields `field=value` keeps equal to value
    std::vector<std::string_view> other = {}; ///< further parameters the resource reads itself
};

/// `?page=&per_page=&sort=&<field>=`: pages count from 1.
struct ListQuery {
    static constexpr std::int64_t default_per_page = 50;
    static constexpr std::int64_t max_per_page = 500;

    std::int64_t page = 1;
    std::int64_t per_page = default_per_page;
    std::string sort;        ///< empty: the resource's own order
    bool descending = false; ///< `sort=-field`
    QueryParameters filters; ///< the filterable fields asked for
    QueryParameters other;   ///< the `other` parameters given

    [[nodiscard]] std::int64_t offset() const { return (page - 1) * per_page; }
};

/// The query of a request target, percent-decoded ('+' is a space). A malformed escape or a
/// repeated parameter is a 400 naming the parameter.
BodyResult<QueryParameters> query_parameters(std::string_view target);

/// The list parameters of the request's query. An unknown parameter, a page below 1, a
/// per_page outside 1…500 or a sort field not in `fields.sortable` is a 400 naming it.
BodyResult<ListQuery> parse_list_query(const Request& request, const ListFields& fields);

/// `{"items", "total", "page", "per_page"}` for a page cut elsewhere (e.g. in SQL).
nlohmann::json list_body(nlohmann::json items, std::int64_t total, const ListQuery& query);

/// list_body's text written directly, without a document: `write_items(writer)` writes the
/// items, each as one value of the open `items` array. The keys come in nlohmann's sorted
/// order, so the text equals `list_body(...).dump()` for the same items.
template <typename WriteItems>
std::string list_body_text(std::int64_t total, const ListQuery& query, WriteItems write_items,
                           std::size_t reserve = 0) {
    JsonWriter out(reserve);
    out.begin_object();
    out.key("items");
    out.begin_array();
    write_items(out);
    out.end_array();
    out.key("page");
    out.value(query.page);
    out.key("per_page");
    out.value(query.per_page);
    out.key("total");
    out.value(total);
    out.end_object();
    return out.take();
}

/// Pages a collection held in memory: keeps the items whose filter fields equal the wanted
/// text (strings as they are, other values as JSON text), sorts stably by `sort` and cuts the
/// page. For small collections; large ones page in the store.
nlohmann::json page_of(std::vector<nlohmann::json> items, const ListQuery& query);

} // namespace callab::web
