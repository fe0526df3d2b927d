// callab device read|write|list: talk to an instrument through its driver or a profile.
#include "command_failure.hpp"
#include "commands.hpp"

#include <callab/drivers/driver_registry.hpp>
#include <callab/drivers/errc.hpp>
#include <callab/drivers/shipped_profiles.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace callab::app {
namespace {

struct DeviceOptions {
    std::string uri;
    std::string driver;
    std::string profile_file;
    std::size_t count = 1;
    double interval = 1.0;
    std::string format = "text";
    std::string setting;
    std::string value;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw CommandFailure(exit_usage, "--profile " + path + ": cannot be read");
    }
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::unique_ptr<drivers::Instrument> open_instrument(const DeviceOptions& options) {
    if (options.driver.empty() && options.profile_file.empty()) {
        throw CommandFailure(exit_usage, "give --driver NAME or --profile FILE");
    }
    const auto parsed = drivers::parse_connection_uri(options.uri);
    if (!parsed) {
        throw CommandFailure(exit_usage, options.uri + ": " + parsed.error);
    }
    drivers::OpenedInstrument opened;
    if (!options.profile_file.empty()) {
        const auto profile = drivers::parse_modbus_profile(read_file(options.profile_file));
        if (!profile) {
            throw CommandFailure(exit_usage,
                                 "--profile " + options.profile_file + ": " + profile.error);
        }
        opened = drivers::open_profile(profile.profile, parsed.uri);
    } else {
        const auto* entry = drivers::find_driver(options.driver);
        if (entry == nullptr) {
            throw CommandFailure(exit_usage, "--driver " + options.driver +
                                                 ": unknown driver (see callab device list)");
        }
        opened = drivers::open_driver(*entry, parsed.uri);
    }
    if (!opened) {
        throw CommandFailure(exit_usage, options.uri + ": " + opened.error);
    }
    return std::move(opened.instrument);
}

[[noreturn]] void device_failure(const drivers::Instrument& instrument,
                                 const boost::system::error_code& error) {
    const bool usage = error == drivers::errc::invalid_setting;
    std::string message = "device " + instrument.device() + ": " + error.message();
    if (const auto detail = instrument.last_fault(); !detail.empty()) {
        message += ": " + detail;
    }
    throw CommandFailure(usage ? exit_usage : exit_runtime_failure, message);
}

std::string format_value(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", value);
    return text;
}

std::string format_time(std::chrono::system_clock::time_point t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch());
    const std::time_t seconds = ms.count() / 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[80];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(ms.count() % 1000));
    return text;
}

void print(const drivers::Reading& reading, const std::string& format) {
    if (format == "json") {
        const nlohmann::json line{{"timestamp", format_time(reading.timestamp)},
                                  {"device", reading.device},
                                  {"quantity", reading.quantity},
                                  {"value", reading.value},
                                  {"unit", reading.unit}};
        std::cout << line.dump() << '\n';
        return;
    }
    std::cout << format_time(reading.timestamp) << ' ' << reading.quantity << ' '
              << format_value(reading.value) << ' ' << reading.unit << '\n';
}

void run_read(const DeviceOptions& options) {
    auto instrument = open_instrument(options);
    for (std::size_t i = 0; i < options.count; ++i) {
        if (i > 0) {
            std::this_thread::sleep_for(std::chrono::duration<double>(options.interval));
        }
        auto readings = instrument->read_all();
        if (!readings) {
            device_failure(*instrument, readings.error());
        }
        for (const auto& reading : *readings) {
            print(reading, options.format);
        }
        std::cout << std::flush;
    }
}

void run_write(const DeviceOptions& options) {
    auto instrument = open_instrument(options);
    double value = 0.0;
    std::size_t used = 0;
    try {
        value = std::stod(options.value, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != options.value.size() || !std::isfinite(value)) {
        throw CommandFailure(exit_usage, "value '" + options.value + "' is not a number");
    }
    if (auto written = instrument->write_setting(options.setting, value); !written) {
        device_failure(*instrument, written.error());
    }
    std::cout << options.setting << " = " << format_value(value) << " written to "
              << instrument->device() << '\n';
}

void run_list() {
    std::cout << "drivers:\n";
    for (const auto& entry : drivers::driver_registry()) {
        std::printf("  %-16s %-15s %-24s %s\n", std::string(entry.name).c_str(),
                    std::string(entry.kind).c_str(), std::string(entry.schemes).c_str(),
                    std::string(entry.description).c_str());
    }
    std::cout << "shipped profiles:\n";
    for (const auto& shipped : drivers::shipped_profiles()) {
        const auto profile = drivers::parse_modbus_profile(shipped.json).profile;
        std::printf("  %-16s %s\n", std::string(shipped.name).c_str(), profile.description.c_str());
        for (const auto& field : profile.quantities) {
            std::printf("      read  %-24s %-7s %5d %-7s %s %s\n", field.name.c_str(),
                        std::string(to_string(field.kind)).c_str(), field.address,
                        std::string(to_string(field.type)).c_str(),
                        std::string(to_string(field.order)).c_str(), field.unit.c_str());
        }
        for (const auto& field : profile.settings) {
            std::printf("      write %-24s %-7s %5d %-7s %s %s\n", field.name.c_str(),
                        std::string(to_string(field.kind)).c_str(), field.address,
                        std::string(to_string(field.type)).c_str(),
                        std::string(to_string(field.order)).c_str(), field.unit.c_str());
        }
    }
}

void add_target_options(CLI::App& command, DeviceOptions& options) {
    command.add_option("uri", options.uri, "Connection URI, e.g. modbus-tcp://127.0.0.1:1502")
        ->required();
    auto* driver =
        command.add_option("--driver", options.driver, "Driver name (callab device list)");
    auto* profile =
        command.add_option("--profile", options.profile_file, "JSON Modbus profile file");
    driver->excludes(profile);
    profile->excludes(driver);
}

} // namespace

void add_device_command(CLI::App& app) {
    auto options = std::make_shared<DeviceOptions>();
    auto* device = app.add_subcommand("device", "Read, configure and list instruments");
    device->require_subcommand(1);

    auto* read = device->add_subcommand("read", "Print readings of an instrument");
    add_target_options(*read, *options);
    read->add_option("--count", options->count, "Number of readings")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
        ->capture_default_str();
    read->add_option("--interval", options->interval, "Seconds between readings")
        ->check(CLI::Range(0.0, 86400.0))
        ->capture_default_str();
    read->add_option("--format", options->format, "text or json (one object per line)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    read->final_callback([options] { run_read(*options); });

    auto* write = device->add_subcommand("write", "Write a setting of an instrument");
    add_target_options(*write, *options);
    write->add_option("setting", options->setting, "Setting name, e.g. emissivity")->required();
    write->add_option("value", options->value, "New value")->required();
    write->final_callback([options] { run_write(*options); });

    device->add_subcommand("list", "Print the drivers and the shipped profiles")->callback([] {
        run_list();
    });
}

} // namespace callab::app
