#pragma once

#include <callab/drivers/reading.hpp>

#include <boost/system/result.hpp>

#include <string>

namespace callab::drivers {

/// An instrument that can be read: a device under test or a reference meter.
class Meter {
public:
    virtual ~Meter() = default;

    /// Reads the instrument's primary quantity once. A fault is an error, never a number.
    virtual boost::system::result<Reading> read() = 0;

    /// The connection URI, for messages and records.
    virtual std::string device() const = 0;
};

} // namespace callab::drivers
