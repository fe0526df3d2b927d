#include <callab/drivers/errc.hpp>
#include <callab/drivers/scpi_instrument.hpp>

#include <cmath>
#include <cstdio>

namespace callab::drivers {

ScpiDialect fluke_4180_dialect() {
    ScpiDialect d;
    d.name = "fluke-4180";
    d.write_terminator = "\r";
    d.read_terminators = "\r\n";
    d.measurements = {{"radiance_temperature", "SOUR:SENS:DATA?", "degC"},
                      {"block_temperature", "SOUR:SENS:BLOC?", "degC"},
                      {"set_point", "SOUR:SPO?", "degC"},
                      {"stability", "SOUR:STAB:DAT?", "degC"},
                      {"stable", "SOUR:STAB:TEST?", "one"},
                      {"emissivity", "SOUR:EMIS?", "one"},
                      {"stability_limit", "SOUR:STAB:LIM?", "degC"}};
    d.settings = {{"set_point", "SOUR:SPO", -15.0, 500.0, "degC"},
                  {"emissivity", "SOUR:EMIS", 0.90, 1.00, "one"},
                  {"stability_limit", "SOUR:STAB:LIM", 0.01, 5.0, "degC"}};
    d.stability_query = "SOUR:STAB:TEST?";
    return d;
}

ScpiDialect power_source_dialect() {
    ScpiDialect d;
    d.name = "power-source";
    d.measurements = {{"voltage", "MEAS:VOLT?", "V"},     {"current", "MEAS:CURR?", "A"},
                      {"active_power", "MEAS:POW?", "W"}, {"phase", "SOUR:PHAS?", "deg"},
                      {"frequency", "SOUR:FREQ?", "Hz"},  {"output", "OUTP:STAT?", "one"},
                      {"settled", "OUTP:SETT?", "one"}};
    d.settings = {{"voltage", "SOUR:VOLT", 0.0, 1000.0, "V"},
                  {"current", "SOUR:CURR", 0.0, 100.0, "A"},
                  {"phase", "SOUR:PHAS", -180.0, 180.0, "deg"},
                  {"frequency", "SOUR:FREQ", 15.0, 1000.0, "Hz"},
                  {"output", "OUTP:STAT", 0.0, 1.0, "one"}};
    d.stability_query = "OUTP:SETT?";
    return d;
}

ScpiInstrument::ScpiInstrument(ScpiDialect dialect, ConnectionUri uri, ScpiClient::Options options)
    : dialect_(std::move(dialect)), client_(std::move(uri), [&] {
          options.line.write_terminator = dialect_.write_terminator;
          options.line.read_terminators = dialect_.read_terminators;
          options.error_query = dialect_.error_query;
          return options;
      }()) {}

boost::system::result<Reading> ScpiInstrument::measure(const ScpiMeasurement& measurement) {
    auto value = client_.query_number(measurement.query);
    if (!value) {
        last_fault_ = measurement.quantity + ": " + client_.last_error();
        return value.error();
    }
    return Reading{measurement.quantity, *value, measurement.unit, std::chrono::system_clock::now(),
                   device()};
}

boost::system::result<Reading> ScpiInstrument::read() {
    return measure(dialect_.measurements.front());
}

boost::system::result<std::vector<Reading>> ScpiInstrument::read_all() {
    std::vector<Reading> readings;
    for (const auto& measurement : dialect_.measurements) {
        auto reading = measure(measurement);
        if (!reading) {
            return reading.error();
        }
        readings.push_back(std::move(*reading));
    }
    return readings;
}

boost::system::result<void> ScpiInstrument::write_setting(std::string_view name, double value) {
    for (const auto& setting : dialect_.settings) {
        if (setting.name != name) {
            continue;
        }
        if (!std::isfinite(value) || value < setting.minimum || value > setting.maximum) {
            char text[160];
            std::snprintf(text, sizeof text, "%s = %g is outside its range %g to %g %s",
                          setting.name.c_str(), value, setting.minimum, setting.maximum,
                          setting.unit.c_str());
            last_fault_ = text;
            return errc::invalid_setting;
        }
        char command[128];
        std::snprintf(command, sizeof command, "%s %.10g", setting.command.c_str(), value);
        auto done = client_.command_checked(command);
        if (!done) {
            last_fault_ = client_.last_error();
        }
        return done;
    }
    last_fault_ = dialect_.name + " has no setting '" + std::string(name) + "'";
    return errc::invalid_setting;
}

std::vector<std::string> ScpiInstrument::setting_names() const {
    std::vector<std::string> names;
    for (const auto& setting : dialect_.settings) {
        names.push_back(setting.name);
    }
    return names;
}

boost::system::result<bool> ScpiInstrument::is_stable() {
    if (dialect_.stability_query.empty()) {
        return true;
    }
    auto flag = client_.query_number(dialect_.stability_query);
    if (!flag) {
        last_fault_ = "stability: " + client_.last_error();
        return boost::system::result<bool>(boost::system::in_place_error, flag.error());
    }
    return *flag == 1.0;
}

} // namespace callab::drivers
