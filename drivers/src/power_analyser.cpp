#include <callab/drivers/errc.hpp>
#include <callab/drivers/power_analyser.hpp>

#include <array>
#include <cmath>
#include <cstdio>

namespace callab::drivers {
namespace {

struct Item {
    const char* function;
    const char* quantity;
    const char* unit;
};

constexpr std::array items{
    Item{"U", "voltage", "V"},          Item{"I", "current", "A"},
    Item{"P", "active_power", "W"},     Item{"S", "apparent_power", "VA"},
    Item{"Q", "reactive_power", "var"}, Item{"LAMBDA", "power_factor", "one"},
    Item{"FU", "frequency", "Hz"}};

ScpiClient::Options wt300_options(ScpiClient::Options options) {
    options.line.write_terminator = "\n";
    options.line.read_terminators = "\r\n";
    options.error_query = ":STAT:ERR?";
    return options;
}

} // namespace

PowerAnalyser::PowerAnalyser(ConnectionUri uri, ScpiClient::Options options, int element)
    : client_(std::move(uri), wt300_options(std::move(options))), element_(element) {}

boost::system::result<void> PowerAnalyser::configure() {
    if (configured_) {
        return {};
    }
    std::vector<std::string> commands{"*CLS", ":COMM:HEAD OFF", ":NUM:FORM ASCII",
                                      ":NUM:NORM:NUM " + std::to_string(items.size())};
    for (std::size_t i = 0; i < items.size(); ++i) {
        commands.push_back(":NUM:NORM:ITEM" + std::to_string(i + 1) + " " + items[i].function +
                           "," + std::to_string(element_));
    }
    for (const auto& command : commands) {
        if (auto sent = client_.command(command); !sent) {
            last_fault_ = client_.last_error();
            return sent;
        }
    }
    auto errors = client_.drain_errors();
    if (!errors) {
        last_fault_ = client_.last_error();
        return errors.error();
    }
    if (!errors->empty()) {
        last_fault_ = "setting up the numeric items: " + std::to_string(errors->front().code) +
                      " " + errors->front().message;
        return errc::device_exception;
    }
    configured_ = true;
    return {};
}

boost::system::result<std::vector<Reading>> PowerAnalyser::read_all() {
    if (auto ready = configure(); !ready) {
        return ready.error();
    }
    auto line = client_.query(":NUM:NORM:VAL?");
    if (!line) {
        last_fault_ = client_.last_error();
        configured_ = false; // a new connection may be a restarted instrument
        return line.error();
    }
    const auto values = split_scpi_list(*line);
    if (values.size() != items.size()) {
        last_fault_ = ":NUM:NORM:VAL? answered " + std::to_string(values.size()) +
                      " items, expected " + std::to_string(items.size());
        return errc::protocol_error;
    }
    std::vector<Reading> readings;
    const auto now = std::chrono::system_clock::now();
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto value = parse_scpi_number(values[i]);
        if (!value) {
            const auto meaning = scpi_sentinel_meaning(values[i]);
            last_fault_ = "item " + std::to_string(i + 1) + " (" + items[i].function + "," +
                          std::to_string(element_) + ") is '" + std::string(values[i]) + "'" +
                          (meaning ? " (" + std::string(*meaning) + ")" : "");
            return value.error();
        }
        readings.push_back(Reading{items[i].quantity, *value, items[i].unit, now, device()});
    }
    return readings;
}

boost::system::result<Reading> PowerAnalyser::read() {
    auto all = read_all();
    if (!all) {
        return all.error();
    }
    return (*all)[2];
}

boost::system::result<void> PowerAnalyser::write_setting(std::string_view name, double value) {
    constexpr std::array rates{0.1, 0.25, 0.5, 1.0, 2.0, 5.0};
    if (name != "update_rate") {
        last_fault_ = "the power analyser has no setting '" + std::string(name) + "'";
        return errc::invalid_setting;
    }
    if (std::find(rates.begin(), rates.end(), value) == rates.end()) {
        last_fault_ =
            "update_rate = " + std::to_string(value) + " s is not one of 0.1, 0.25, 0.5, 1, 2, 5";
        return errc::invalid_setting;
    }
    char command[64];
    std::snprintf(command, sizeof command, ":RATE %g", value);
    auto done = client_.command_checked(command);
    if (!done) {
        last_fault_ = client_.last_error();
    }
    return done;
}

} // namespace callab::drivers
