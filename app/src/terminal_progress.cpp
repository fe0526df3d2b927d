#include "terminal_progress.hpp"

#include <callab/lab/progress_line.hpp>

#include <iostream>
#include <unistd.h>

namespace callab::app {

TerminalProgress::TerminalProgress(std::string what)
    : TerminalProgress(std::move(what), ::isatty(STDOUT_FILENO) == 1) {}

TerminalProgress::TerminalProgress(std::string what, bool enabled)
    : what_(std::move(what)), enabled_(enabled) {}

void TerminalProgress::update(std::size_t done, std::size_t total) {
    if (!enabled_) {
        return;
    }
    auto line = lab::progress_line(what_, done, total);
    if (line == last_) {
        return;
    }
    std::cout << "\r" << line << std::flush;
    last_ = std::move(line);
    drawn_ = true;
}

void TerminalProgress::finish() {
    if (drawn_) {
        std::cout << "\n" << std::flush;
        drawn_ = false;
    }
}

} // namespace callab::app
