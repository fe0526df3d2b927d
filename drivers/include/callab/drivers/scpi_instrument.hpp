#pragma once

#include <callab/drivers/meter.hpp>
#include <callab/drivers/scpi_client.hpp>

#include <string>
#include <vector>

namespace callab::drivers {

/// A value an SCPI instrument reports on a query.
struct ScpiMeasurement {
    std::string quantity;
    std::string query; ///< e.g. "SOUR:SENS:DATA?"
    std::string unit;
};

/// A setting written with a command; the value is appended after a space.
struct ScpiSetting {
    std::string name;
    std::string command; ///< e.g. "SOUR:SPO"
    double minimum = 0.0;
    double maximum = 0.0;
    std::string unit;
};

/// The command set of an SCPI instrument family, as data.
struct ScpiDialect {
    std::string name;
    std::string write_terminator = "\n";
    std::string read_terminators = "\n";
    std::string error_query = "SYST:ERR?";
    std::vector<ScpiMeasurement> measurements; ///< the first is the primary quantity
    std::vector<ScpiSetting> settings;
    std::string stability_query; ///< answers 1 when the output has settled
};

/// The Fluke 4180/4181 precision IR calibrator (flat-plate blackbody): radiance temperature,
/// set point, stability test, emissivity. Commands end in CR; replies in CR (LF off).
ScpiDialect fluke_4180_dialect();

/// A programmable AC power source / calibrator (callab's documented SCPI set, see
/// docs/drivers.md): voltage, current, phase, frequency, output on/off, read-backs.
ScpiDialect power_source_dialect();

/// Any SCPI instrument described by a dialect: a source when it has a stability query.
class ScpiInstrument final : public Source {
public:
    ScpiInstrument(ScpiDialect dialect, ConnectionUri uri, ScpiClient::Options options);

    boost::system::result<Reading> read() override;
    boost::system::result<std::vector<Reading>> read_all() override;
    boost::system::result<void> write_setting(std::string_view name, double value) override;
    std::vector<std::string> setting_names() const override;
    boost::system::result<bool> is_stable() override;

    std::string device() const override { return client_.uri().to_string(); }
    std::string last_fault() const override { return last_fault_; }
    ScpiClient& client() { return client_; }

private:
    boost::system::result<Reading> measure(const ScpiMeasurement& measurement);

    ScpiDialect dialect_;
    ScpiClient client_;
    std::string last_fault_;
};

} // namespace callab::drivers
