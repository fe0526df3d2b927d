#pragma once
// Runs a program as a child process with its output captured in files, for tests of the
// callab binary. The child is killed when the object goes.

#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace callab::test_support {

class ChildProcess {
public:
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& output_dir)
        : stdout_path_(output_dir / "stdout"), stderr_path_(output_dir / "stderr") {
        // Truncate in the parent, so that no output of an earlier child is read as this one's.
        const int out = open_truncated(stdout_path_);
        const int err = open_truncated(stderr_path_);
        pid_ = ::fork();
        if (pid_ == -1) {
            throw std::runtime_error("fork failed");
        }
        if (pid_ != 0) {
            ::close(out);
            ::close(err);
        } else {
            ::dup2(out, STDOUT_FILENO);
            ::dup2(err, STDERR_FILENO);
            std::vector<char*> args;
            for (const auto& a : argv) {
                args.push_back(const_cast<char*>(a.c_str()));
            }
            args.push_back(nullptr);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
    }

    ~ChildProcess() {
        if (running()) {
            ::kill(pid_, SIGKILL);
            wait();
        }
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    bool running() {
        if (exited_) {
            return false;
        }
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            record(status);
        }
        return !exited_;
    }

    /// Waits for the child to end and returns its exit status (128 + signal if killed).
    int wait() {
        if (!exited_) {
            int status = 0;
            ::waitpid(pid_, &status, 0);
            record(status);
        }
        return exit_status_;
    }

    void terminate() { ::kill(pid_, SIGTERM); }
    /// SIGKILL: the child ends at once, as in a crash.
    void kill_hard() { ::kill(pid_, SIGKILL); }

    std::string standard_output() const { return slurp(stdout_path_); }
    std::string standard_error() const { return slurp(stderr_path_); }

    /// Waits until standard output contains `text`, the child ends, or the timeout passes.
    bool wait_for_output(const std::string& text, std::chrono::seconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            if (standard_output().find(text) != std::string::npos) {
                return true;
            }
            if (!running()) {
                return standard_output().find(text) != std::string::npos;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    }

private:
    static int open_truncated(const std::filesystem::path& path) {
        return ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    }
    static std::string slurp(const std::filesystem::path& path) {
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }
    void record(int status) {
        exited_ = true;
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    std::filesystem::path stdout_path_;
    std::filesystem::path stderr_path_;
    pid_t pid_ = -1;
    bool exited_ = false;
    int exit_status_ = -1;
};

} // namespace callab::test_support
