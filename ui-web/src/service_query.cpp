#include "service_query.hpp"

#include <algorithm>
#include <charconv>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem bad_parameter(const std::string& name, const std::string& why) {
    return {http::status::bad_request, "invalid_parameter", name + ": " + why, name};
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

BodyResult<std::string> decoded(std::string_view text, const std::string& name) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%') {
            const bool complete = i + 2 < text.size();
            const int high = complete ? hex_value(text[i + 1]) : -1;
            const int low = complete ? hex_value(text[i + 2]) : -1;
            if (high < 0 || low < 0) {
                return bad_parameter(name.empty() ? "query" : name, "malformed %-escape");
            }
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

BodyResult<int> bounded(const std::string& name, const std::string& text, int low, int high) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < low || value > high) {
        return bad_parameter(name, "must be an integer from " + std::to_string(low) + " to " +
                                       std::to_string(high));
    }
    return value;
}

} // namespace

BodyResult<ServiceQuery> parse_service_query(const Request& request,
                                             std::initializer_list<std::string_view> names) {
    ServiceQuery query;
    const std::string_view target = request.target();
    const auto mark = target.find('?');
    if (mark == std::string_view::npos) {
        return query;
    }
    std::map<std::string, std::string, std::less<>> given;
    std::string_view rest = target.substr(mark + 1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const auto eq = pair.find('=');
        auto name = decoded(pair.substr(0, eq), "");
        if (!name) {
            return name.error();
        }
        auto value = decoded(eq == std::string_view::npos ? "" : pair.substr(eq + 1), *name);
        if (!value) {
            return value.error();
        }
        const bool known = *name == "page" || *name == "per_page" ||
                           std::find(names.begin(), names.end(), *name) != names.end();
        if (!known) {
            return bad_parameter(*name, "is not a parameter of this resource");
        }
        if (!given.emplace(*name, *value).second) {
            return bad_parameter(*name, "is given twice");
        }
    }
    for (auto& [name, value] : given) {
        if (name == "page") {
            auto page = bounded(name, value, 1, 1'000'000);
            if (!page) {
                return page.error();
            }
            query.page = *page;
        } else if (name == "per_page") {
            auto per_page = bounded(name, value, 1, 500);
            if (!per_page) {
                return per_page.error();
            }
            query.per_page = *per_page;
        } else if (!value.empty()) {
            query.values.emplace(name, value);
        }
    }
    return query;
}

nlohmann::json page_body(nlohmann::json items, long long total, const ServiceQuery& query) {
    return {{"items", std::move(items)},
            {"total", total},
            {"page", query.page},
            {"per_page", query.per_page}};
}

} // namespace callab::web
