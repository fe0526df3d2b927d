#include "resource_routes.hpp"

#include "api_error.hpp"

#include <charconv>

namespace callab::web {
namespace http = boost::beast::http;

bool path_is_under(std::string_view path, std::string_view base) {
    return path == base ||
           (path.starts_with(base) && path.size() > base.size() && path[base.size()] == '/');
}

std::vector<std::string_view> path_segments(std::string_view path, std::string_view base) {
    std::vector<std::string_view> segments;
    if (!path_is_under(path, base) || path.size() == base.size()) {
        return segments;
    }
    auto rest = path.substr(base.size() + 1);
    while (true) {
        const auto slash = rest.find('/');
        segments.push_back(rest.substr(0, slash));
        if (slash == std::string_view::npos) {
            return segments;
        }
        rest.remove_prefix(slash + 1);
    }
}

Response method_not_allowed(const Request& request, std::string_view path, std::string_view allow) {
    auto response =
        api_error(request, http::status::method_not_allowed, "method_not_allowed",
                  std::string(request.method_string()) + " is not allowed on " + std::string(path));
    response.set(http::field::allow, allow);
    return response;
}

bool is_read(const Request& request) {
    return request.method() == http::verb::get || request.method() == http::verb::head;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) {
        return std::nullopt;
    }
    return value;
}

bool is_manager_or_admin(const lab::User& user) {
    return user.data.role == lab::Role::manager || user.data.role == lab::Role::admin;
}

Response no_such_resource(const Request& request, std::string_view path) {
    return api_error(request, http::status::not_found, "not_found",
                     "no such resource: " + std::string(path));
}

Response read_only(const Request& request, std::string_view path,
                   const std::function<Response()>& read) {
    return is_read(request) ? read() : method_not_allowed(request, path, "GET, HEAD");
}

Response dispatch_resource(const Request& request, std::string_view path, std::string_view base,
                           const ResourceHandlers& handlers) {
    const auto segments = path_segments(path, base);
    if (segments.empty()) {
        if (is_read(request)) {
            return handlers.list();
        }
        if (!handlers.create) {
            return method_not_allowed(request, path, "GET, HEAD");
        }
        return request.method() == http::verb::post
                   ? handlers.create()
                   : method_not_allowed(request, path, "GET, HEAD, POST");
    }
    const auto id = parse_id(segments[0]);
    if (!id) {
        return api_error(request, http::status::not_found, "not_found",
                         std::string(handlers.noun) + " id '" + std::string(segments[0]) +
                             "' is not a positive integer");
    }
    return handlers.item(*id, std::span(segments).subspan(1));
}

} // namespace callab::web
