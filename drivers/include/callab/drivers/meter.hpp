#pragma once

#include <callab/drivers/reading.hpp>

#include <boost/system/result.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace callab::drivers {

/// An instrument that can be read: a device under test or a reference meter.
class Meter {
public:
    virtual ~Meter() = default;

    /// Reads the instrument's primary quantity once. A fault is an error, never a number.
    virtual boost::system::result<Reading> read() = 0;

    /// Reads every quantity the instrument offers, in its documented order.
    virtual boost::system::result<std::vector<Reading>> read_all() {
        auto one = read();
        if (!one) {
            return one.error();
        }
        return std::vector<Reading>{*one};
    }

    /// The connection URI, for messages and records.
    virtual std::string device() const = 0;

    /// What exactly went wrong in the last failed call (which register, which status bit,
    /// what the device said), or empty when the error code says it all.
    virtual std::string last_fault() const { return {}; }
};

/// An instrument with settings that can be written: emissivity of a thermometer, set point
/// of a blackbody, voltage of a power source.
class Configurable {
public:
    virtual ~Configurable() = default;

    /// Writes `value` to the setting called `name`; an unknown name or a value outside the
    /// setting's range is errc::invalid_setting, checked before anything is sent.
    virtual boost::system::result<void> write_setting(std::string_view name, double value) = 0;

    /// The names of the settings write_setting() accepts.
    virtual std::vector<std::string> setting_names() const = 0;
};

/// An instrument that is read and configured: what `callab device` talks to.
class Instrument : public Meter, public Configurable {};

/// A reference source the run engine drives to a value and waits on: a blackbody, a power
/// source. Reading it gives what it reports about its own output.
class Source : public Instrument {
public:
    /// True when the output has settled at what was asked for.
    virtual boost::system::result<bool> is_stable() = 0;
};

} // namespace callab::drivers
