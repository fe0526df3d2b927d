#include <callab/drivers/errc.hpp>
#include <callab/drivers/scpi_client.hpp>

#include <algorithm>
#include <charconv>
#include <thread>

namespace callab::drivers {

ScpiClient::ScpiClient(ConnectionUri uri, Options options)
    : uri_(std::move(uri)), options_(std::move(options)) {}

ScpiClient::~ScpiClient() = default;

boost::system::result<LineTransport*> ScpiClient::transport() {
    if (!transport_) {
        auto opened = LineTransport::open(uri_, options_.line);
        if (!opened) {
            last_error_ = "cannot open " + uri_.to_string();
            return opened.error();
        }
        transport_ = std::move(*opened);
    }
    return transport_.get();
}

boost::system::result<void> ScpiClient::command(std::string_view text) {
    boost::system::error_code last = errc::connection_failed;
    for (int attempt = 0; attempt < options_.attempts; ++attempt) {
        if (attempt > 0) {
            std::this_thread::sleep_for(options_.backoff * attempt);
        }
        auto link = transport();
        if (!link) {
            last = link.error();
            continue;
        }
        auto written = (*link)->write_line(text);
        if (written) {
            return {};
        }
        last = written.error();
        last_error_ = "sending '" + std::string(text) + "': " + last.message();
        transport_.reset();
    }
    return last;
}

boost::system::result<std::string> ScpiClient::query(std::string_view text) {
    boost::system::error_code last = errc::connection_failed;
    for (int attempt = 0; attempt < options_.attempts; ++attempt) {
        if (attempt > 0) {
            std::this_thread::sleep_for(options_.backoff * attempt);
        }
        auto link = transport();
        if (!link) {
            last = link.error();
            continue;
        }
        auto written = (*link)->write_line(text);
        auto line =
            written ? (*link)->read_line() : boost::system::result<std::string>(written.error());
        if (line) {
            return line;
        }
        last = line.error();
        last_error_ = "'" + std::string(text) + "': " + last.message();
        // Whatever arrives late belongs to this query: start the next on a new connection.
        transport_.reset();
    }
    return last;
}

boost::system::result<double> ScpiClient::query_number(std::string_view text) {
    boost::system::error_code last = errc::protocol_error;
    for (int attempt = 0; attempt < options_.attempts; ++attempt) {
        auto line = query(text);
        if (!line) {
            return line.error();
        }
        auto number = parse_scpi_number(*line);
        if (number) {
            return number;
        }
        if (auto meaning = scpi_sentinel_meaning(*line)) {
            last_error_ = "'" + std::string(text) + "' answered " + *line + " (" +
                          std::string(*meaning) + ")";
            return number.error();
        }
        last = number.error();
        last_error_ = "'" + std::string(text) + "' answered '" + *line + "', not a number";
        transport_.reset();
    }
    return last;
}

boost::system::result<std::vector<ScpiError>> ScpiClient::drain_errors() {
    std::vector<ScpiError> errors;
    for (int i = 0; i < 32; ++i) {
        auto line = query(options_.error_query);
        if (!line) {
            return line.error();
        }
        auto entry = parse_scpi_error(*line);
        if (!entry) {
            last_error_ = "'" + options_.error_query + "' answered '" + *line + "'";
            return entry.error();
        }
        if (entry->code == 0) {
            return errors;
        }
        errors.push_back(std::move(*entry));
    }
    return errors;
}

boost::system::result<void> ScpiClient::command_checked(std::string_view text) {
    if (auto sent = command(text); !sent) {
        return sent;
    }
    auto errors = drain_errors();
    if (!errors) {
        return errors.error();
    }
    if (!errors->empty()) {
        last_error_ = "'" + std::string(text) +
                      "' was refused: " + std::to_string(errors->front().code) + " " +
                      errors->front().message;
        return errc::device_exception;
    }
    return {};
}

ParsedScpiOptions scpi_options_from_uri(const ConnectionUri& uri, ScpiClient::Options defaults,
                                        const std::vector<std::string>& extra) {
    ParsedScpiOptions parsed{std::move(defaults), {}};
    const bool serial = uri.scheme == "scpi-serial";
    if (uri.scheme != "scpi-tcp" && !serial) {
        parsed.error = "scheme " + uri.scheme + " is not SCPI (scpi-tcp or scpi-serial)";
        return parsed;
    }
    for (const auto& [key, value] : uri.options) {
        int number = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        const bool numeric = ec == std::errc{} && end == value.data() + value.size();
        if (key == "timeout") {
            if (!numeric || number < 1 || number > 60000) {
                parsed.error = "option timeout=" + value + ": expected 1-60000 ms";
                return parsed;
            }
            parsed.options.line.timeout = std::chrono::milliseconds(number);
        } else if (key == "attempts") {
            if (!numeric || number < 1 || number > 10) {
                parsed.error = "option attempts=" + value + ": expected 1-10";
                return parsed;
            }
            parsed.options.attempts = number;
        } else if (serial && (key == "baud" || key == "parity" || key == "data" || key == "stop" ||
                              key == "flow")) {
            continue;
        } else if (std::find(extra.begin(), extra.end(), key) == extra.end()) {
            parsed.error = "unknown option '" + key + "' for " + uri.scheme;
            return parsed;
        }
    }
    if (serial) {
        auto settings = serial_settings_from_uri(uri, parsed.options.line.serial);
        if (!settings) {
            parsed.error = settings.error;
            return parsed;
        }
        parsed.options.line.serial = settings.settings;
    }
    return parsed;
}

} // namespace callab::drivers
