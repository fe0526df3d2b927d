#pragma once

#include <stdexcept>
#include <string>

namespace callab::app {

inline constexpr int exit_runtime_failure = 1;
inline constexpr int exit_usage = 2;

/// Ends a command with one line on stderr and an exit status.
class CommandFailure : public std::runtime_error {
public:
    CommandFailure(int exit_status, const std::string& message)
        : std::runtime_error(message), exit_status_(exit_status) {}

    int exit_status() const { return exit_status_; }

private:
    int exit_status_;
};

} // namespace callab::app
