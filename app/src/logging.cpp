#include "logging.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace callab::app {

void add_log_level_option(CLI::App& app, std::string& level) {
    app.add_option("--log-level", level, "Log detail: trace, debug, info, warn, error, off")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
        ->capture_default_str();
}

void configure_logging(const std::string& level) {
    auto logger = spdlog::stderr_color_mt("callab");
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    logger->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(std::move(logger));
}

} // namespace callab::app
