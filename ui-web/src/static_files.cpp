#include "static_files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <utility>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

constexpr std::string_view index_path = "/index.html";
constexpr std::string_view assets_prefix = "/assets/";

constexpr std::array<std::pair<std::string_view, std::string_view>, 14> content_types{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".webp", "image/webp"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
}};

// FNV-1a over the content: stable across builds of the same bytes, enough for an ETag.
std::string etag_of(std::span<const unsigned char> data) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char byte : data) {
        hash = (hash ^ byte) * 0x100000001b3ULL;
    }
    char text[24];
    std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
    return text;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

bool iequals(std::string_view a, std::string_view b) {
    return std::ranges::equal(a, b, [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// "q=0", "q=0.0", "q=0.000": the coding is refused.
bool refuses(std::string_view parameters) {
    while (!parameters.empty()) {
        const auto semicolon = parameters.find(';');
        const auto parameter = trim(parameters.substr(0, semicolon));
        parameters = semicolon == std::string_view::npos ? "" : parameters.substr(semicolon + 1);
        if (parameter.size() < 2 || !iequals(parameter.substr(0, 2), "q=")) {
            continue;
        }
        const auto value = parameter.substr(2);
        double q = 1.0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
        return ec == std::errc{} && end == value.data() + value.size() && q <= 0.0;
    }
    return false;
}

bool is_file_name_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_' ||
           c == '~' || c == '/';
}

std::string_view last_segment(std::string_view path) {
    return path.substr(path.rfind('/') + 1);
}

} // namespace

std::string_view content_type_for(std::string_view path) {
    for (const auto& [extension, type] : content_types) {
        if (path.ends_with(extension)) {
            return type;
        }
    }
    return "application/octet-stream";
}

bool accepts_gzip(std::string_view accept_encoding) {
    while (!accept_encoding.empty()) {
        const auto comma = accept_encoding.find(',');
        const auto item = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? "" : accept_encoding.substr(comma + 1);
        const auto semicolon = item.find(';');
        const auto coding = trim(item.substr(0, semicolon));
        if (iequals(coding, "gzip") || coding == "*") {
            return semicolon == std::string_view::npos || !refuses(item.substr(semicolon + 1));
        }
    }
    return false;
}

bool is_safe_path(std::string_view path) {
    if (!path.starts_with('/') || !std::ranges::all_of(path, is_file_name_character)) {
        return false;
    }
    // Every segment between slashes, the last one included, is a plain name.
    std::size_t start = 1;
    while (true) {
        const auto slash = path.find('/', start);
        const auto segment = path.substr(start, slash - start);
        if (segment.empty() || segment == "." || segment == "..") {
            return false;
        }
        if (slash == std::string_view::npos) {
            return true;
        }
        start = slash + 1;
    }
}

StaticFiles::StaticFiles(std::span<const EmbeddedFile> files) {
    for (const auto& file : files) {
        files_.emplace(file.path, File{&file, content_type_for(file.path), etag_of(file.data)});
    }
}

const StaticFiles::File* StaticFiles::find(std::string_view path) const {
    const auto found = files_.find(path == "/" ? index_path : path);
    return found == files_.end() ? nullptr : &found->second;
}

Response StaticFiles::serve(const Request& request) const {
    std::string_view target = request.target();
    const auto path = target.substr(0, target.find('?'));
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        return read_only_response(request, path);
    }
    if (!is_safe_path(path) && path != "/") {
        return error_response(request, http::status::not_found, "not_found",
                              "no such file: " + std::string(path));
    }
    if (const auto* file = find(path)) {
        return file_response(request, *file, false);
    }
    const bool looks_like_a_file =
        path.starts_with(assets_prefix) || last_segment(path).find('.') != std::string_view::npos;
    const auto* index = find(index_path);
    if (looks_like_a_file || index == nullptr) {
        return error_response(request, http::status::not_found, "not_found",
                              "no such file: " + std::string(path));
    }
    return file_response(request, *index, true);
}

Response StaticFiles::file_response(const Request& request, const File& file, bool fallback) const {
    Response response{http::status::ok, request.version()};
    set_common_headers(response);
    response.keep_alive(request.keep_alive());
    response.set(http::field::content_type, file.content_type);
    const bool immutable = !fallback && file.file->path.starts_with(assets_prefix);
    response.set(http::field::cache_control,
                 immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.set(http::field::etag, file.etag);
    const bool has_gzip = !file.file->gzip.empty();
    if (has_gzip) {
        response.set(http::field::vary, "Accept-Encoding");
    }
    if (request[http::field::if_none_match] == file.etag) {
        response.result(http::status::not_modified);
        response.prepare_payload();
        return response;
    }
    auto bytes = file.file->data;
    if (has_gzip && accepts_gzip(request[http::field::accept_encoding])) {
        bytes = file.file->gzip;
        response.set(http::field::content_encoding, "gzip");
    }
    response.body().assign(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    response.prepare_payload();
    return response;
}

} // namespace callab::web
