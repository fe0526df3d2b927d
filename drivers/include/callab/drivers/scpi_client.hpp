#pragma once

#include <callab/drivers/line_transport.hpp>
#include <callab/drivers/scpi_parse.hpp>

#include <boost/system/result.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace callab::drivers {

/// SCPI command/response over a LineTransport: connects lazily, reconnects after a fault,
/// retries a query a bounded number of times, parses numbers and drains the error queue.
class ScpiClient {
public:
    struct Options {
        LineTransport::Options line;
        int attempts = 2; ///< tries per query, including the first
        std::chrono::milliseconds backoff{20};
        std::string error_query = "SYST:ERR?";
    };

    ScpiClient(ConnectionUri uri, Options options);
    ~ScpiClient();

    /// Sends a command that has no response.
    boost::system::result<void> command(std::string_view text);
    /// Sends a command, then drains the error queue: any entry is errc::device_exception
    /// with the device's message in last_error().
    boost::system::result<void> command_checked(std::string_view text);
    boost::system::result<std::string> query(std::string_view text);
    /// A query whose response is one number; a sentinel is errc::invalid_reading.
    boost::system::result<double> query_number(std::string_view text);
    /// Reads the error queue until it reports 0 (at most 32 entries).
    boost::system::result<std::vector<ScpiError>> drain_errors();
    boost::system::result<std::string> identify() { return query("*IDN?"); }
    /// *RST: the instrument's power-on settings.
    boost::system::result<void> reset() { return command("*RST"); }
    /// *CLS: clears the status registers and the error queue.
    boost::system::result<void> clear_status() { return command("*CLS"); }

    const ConnectionUri& uri() const { return uri_; }
    const std::string& last_error() const { return last_error_; }

private:
    boost::system::result<LineTransport*> transport();

    ConnectionUri uri_;
    Options options_;
    std::unique_ptr<LineTransport> transport_;
    std::string last_error_;
};

/// Options from an scpi-tcp or scpi-serial URI: timeout (ms), attempts, and for serial the
/// line settings (see serial_settings_from_uri()). `extra` names further keys the driver
/// itself understands (e.g. element); anything else is an error.
struct ParsedScpiOptions {
    ScpiClient::Options options;
    std::string error;
    explicit operator bool() const { return error.empty(); }
};
ParsedScpiOptions scpi_options_from_uri(const ConnectionUri& uri, ScpiClient::Options defaults,
                                        const std::vector<std::string>& extra = {});

} // namespace callab::drivers
