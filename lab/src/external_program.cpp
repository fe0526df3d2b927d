#include "external_program.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace callab::lab {

ScratchDirectory::ScratchDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "callab-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) {
        path_ = pattern;
    }
}

ScratchDirectory::~ScratchDirectory() {
    if (ok()) {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
}

bool write_whole_file(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out.flush());
}

bool read_whole_file(const std::filesystem::path& path, std::string& bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return false;
    }
    std::ostringstream text;
    text << in.rdbuf();
    bytes = text.str();
    return true;
}

ProgramOutcome run_program(const std::vector<std::string>& argv, const ScratchDirectory& scratch) {
    ProgramOutcome outcome;
    const auto output = scratch.path() / "program-output";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        outcome.diagnostics = argv[0] + ": cannot be run";
        return outcome;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    // posix_spawnp reports a missing program as exit status 127 of the child.
    outcome.started = !(WIFEXITED(status) && WEXITSTATUS(status) == 127);
    outcome.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    read_whole_file(output, outcome.diagnostics);
    while (!outcome.diagnostics.empty() &&
           (outcome.diagnostics.back() == '\n' || outcome.diagnostics.back() == ' ')) {
        outcome.diagnostics.pop_back();
    }
    return outcome;
}

} // namespace callab::lab
