#pragma once
// A progress line on standard output while it is a terminal, redrawn in place ("\r") when
// the shown percentage changes and ended with a newline; nothing at all otherwise, so
// output piped or redirected to a file holds only the command's result.

#include <cstddef>
#include <string>

namespace callab::app {

class TerminalProgress {
public:
    /// `enabled` defaults to whether standard output is a terminal.
    explicit TerminalProgress(std::string what);
    TerminalProgress(std::string what, bool enabled);
    void update(std::size_t done, std::size_t total);
    /// Ends the line if one was drawn.
    void finish();

private:
    std::string what_;
    bool enabled_;
    bool drawn_ = false;
    std::string last_;
};

} // namespace callab::app
