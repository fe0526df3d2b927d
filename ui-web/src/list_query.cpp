#include "list_query.hpp"

#include <algorithm>
#include <charconv>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem bad_parameter(std::string name, std::string message) {
    return {http::status::bad_request, "invalid_parameter", name + ": " + message, name};
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Decodes one name or value; nullopt for a '%' not followed by two hex digits.
std::optional<std::string> percent_decoded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out.push_back(' ');
        } else if (text[i] != '%') {
            out.push_back(text[i]);
        } else {
            const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
            const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        }
    }
    return out;
}

BodyResult<std::int64_t> whole_number(const QueryParameters& parameters, std::string_view name,
                                      std::int64_t fallback, std::int64_t low, std::int64_t high) {
    const auto it = parameters.find(name);
    if (it == parameters.end()) {
        return fallback;
    }
    std::int64_t value = 0;
    const auto& text = it->second;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
        return bad_parameter(std::string(name), "must be a whole number from " +
                                                    std::to_string(low) + " to " +
                                                    std::to_string(high));
    }
    return value;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string as_text(const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

} // namespace

BodyResult<QueryParameters> query_parameters(std::string_view target) {
    QueryParameters parameters;
    const auto question = target.find('?');
    if (question == std::string_view::npos) {
        return parameters;
    }
    auto rest = target.substr(question + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const auto equals = pair.find('=');
        auto name = percent_decoded(pair.substr(0, equals));
        if (!name) {
            return bad_parameter(std::string(pair.substr(0, equals)), "malformed percent escape");
        }
        auto value = percent_decoded(equals == std::string_view::npos ? std::string_view{}
                                                                      : pair.substr(equals + 1));
        if (!value) {
            return bad_parameter(*name, "malformed percent escape");
        }
        if (!parameters.emplace(std::move(*name), std::move(*value)).second) {
            return bad_parameter(std::string(pair.substr(0, equals)), "given more than once");
        }
    }
    return parameters;
}

BodyResult<ListQuery> parse_list_query(const Request& request, const ListFields& fields) {
    auto parameters = query_parameters(request.target());
    if (!parameters) {
        return parameters.error();
    }
    ListQuery query;
    auto page = whole_number(*parameters, "page", 1, 1, 1'000'000'000);
    if (!page) {
        return page.error();
    }
    auto per_page = whole_number(*parameters, "per_page", ListQuery::default_per_page, 1,
                                 ListQuery::max_per_page);
    if (!per_page) {
        return per_page.error();
    }
    query.page = *page;
    query.per_page = *per_page;
    for (auto& [name, value] : *parameters) {
        if (name == "page" || name == "per_page") {
            continue;
        }
        if (name == "sort") {
            query.descending = value.starts_with('-');
            query.sort = query.descending ? value.substr(1) : value;
            if (!contains(fields.sortable, query.sort)) {
                return bad_parameter("sort", "cannot sort by '" + query.sort + "'");
            }
        } else if (contains(fields.filterable, name)) {
            query.filters.emplace(name, value);
        } else if (contains(fields.other, name)) {
            query.other.emplace(name, value);
        } else {
            return bad_parameter(name, "is not a parameter of this list");
        }
    }
    return query;
}

nlohmann::json list_body(nlohmann::json items, std::int64_t total, const ListQuery& query) {
    return {{"items", std::move(items)},
            {"total", total},
            {"page", query.page},
            {"per_page", query.per_page}};
}

nlohmann::json page_of(std::vector<nlohmann::json> items, const ListQuery& query) {
    std::erase_if(items, [&](const nlohmann::json& item) {
        return std::any_of(query.filters.begin(), query.filters.end(), [&](const auto& filter) {
            const auto it = item.find(filter.first);
            return it == item.end() || as_text(*it) != filter.second;
        });
    });
    if (!query.sort.empty()) {
        const auto& key = query.sort;
        std::stable_sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
            const auto& x = a.contains(key) ? a.at(key) : nlohmann::json();
            const auto& y = b.contains(key) ? b.at(key) : nlohmann::json();
            return query.descending ? y < x : x < y;
        });
    }
    const auto total = static_cast<std::int64_t>(items.size());
    nlohmann::json page = nlohmann::json::array();
    for (auto i = std::min(query.offset(), total);
         i < std::min(query.offset() + query.per_page, total); ++i) {
        page.push_back(std::move(items[static_cast<std::size_t>(i)]));
    }
    return list_body(std::move(page), total, query);
}

} // namespace callab::web
