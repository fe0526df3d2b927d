// Runs a command-line tool (found on PATH) in a private temporary folder, for the steps the
// lab hands to standard tools (signing with xmlsec1).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace callab::lab {

/// A temporary folder, removed with its contents.
class ScratchDirectory {
public:
    ScratchDirectory();
    ~ScratchDirectory();
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;

    bool ok() const { return !path_.empty(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct ProgramOutcome {
    bool started = false; ///< false when the program could not be run at all
    int exit_status = -1;
    std::string diagnostics; ///< standard output and error, trimmed
};

/// Runs `argv` (argv[0] looked up on PATH) with its output captured in `scratch`.
ProgramOutcome run_program(const std::vector<std::string>& argv, const ScratchDirectory& scratch);

bool write_whole_file(const std::filesystem::path& path, std::string_view bytes);
bool read_whole_file(const std::filesystem::path& path, std::string& bytes);

} // namespace callab::lab
