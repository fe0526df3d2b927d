#pragma once

#include "embedded_files.hpp"
#include "responses.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

namespace callab::web {

/// Serves the browser app's files from memory (the files embedded at build time, or any set
/// given). Hashed assets under /assets/ are cached for a year as immutable; everything else
/// (index.html) is revalidated on every use through its ETag. Text files go out
/// gzip-compressed to clients that accept it. A path that names no file and looks like one of
/// the app's routes (no dot in its last segment, not under /assets/) gets index.html, so the
/// app's own router shows the page. Paths with `..`, `%`, `\` or other characters outside
/// the app's file names are refused: nothing outside the embedded set is ever reachable.
class StaticFiles {
public:
    explicit StaticFiles(std::span<const EmbeddedFile> files);

    /// Answers GET and HEAD on any path outside /api/.
    Response serve(const Request& request) const;

private:
    struct File {
        const EmbeddedFile* file;
        std::string_view content_type;
        std::string etag;
    };

    const File* find(std::string_view path) const;
    Response file_response(const Request& request, const File& file, bool fallback) const;

    std::unordered_map<std::string_view, File> files_;
};

/// The Content-Type for a file name, by its extension ("application/octet-stream" if unknown).
std::string_view content_type_for(std::string_view path);

/// Whether an Accept-Encoding header value admits gzip (listed, or `*`, with q > 0).
bool accepts_gzip(std::string_view accept_encoding);

/// Whether `path` may name one of the app's files or routes: starts with '/', only letters,
/// digits and `-._~/`, no empty segment and no `.` or `..` segment.
bool is_safe_path(std::string_view path);

} // namespace callab::web
