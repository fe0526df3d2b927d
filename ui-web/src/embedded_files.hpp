#pragma once

#include <span>
#include <string_view>

namespace callab::web {

/// One file of the built browser app, compiled into the binary.
struct EmbeddedFile {
    std::string_view path;               ///< URL path, e.g. "/assets/index-Ab12Cd34.js"
    std::span<const unsigned char> data; ///< the file as built
    std::span<const unsigned char> gzip; ///< gzip form; empty when not smaller
};

/// The built app (ui-web/frontend, `vite build`), embedded at build time by
/// ui-web/frontend/scripts/embed.mjs into a generated source file.
std::span<const EmbeddedFile> embedded_files();

} // namespace callab::web
