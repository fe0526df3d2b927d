#pragma once
// The lab's DCC signing key from the `[certificates]` section of the config file.

#include <callab/lab/certificate_signature.hpp>

#include <filesystem>
#include <optional>

namespace callab::app {

/// `signing_key` and `signing_cert` (PEM files, both or neither) of `[certificates]` in the
/// TOML `file`; none without the section. Throws CommandFailure (usage) naming the file and
/// key when a setting is malformed or a named file does not exist.
std::optional<lab::DccSigningKey> signing_key_from_file(const std::filesystem::path& file);

} // namespace callab::app
