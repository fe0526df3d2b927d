#pragma once

#include <chrono>
#include <string>

namespace callab::drivers {

/// One value read from an instrument, with what it is and where it came from.
struct Reading {
    std::string quantity; ///< e.g. "object_temperature"
    double value = 0.0;
    std::string unit; ///< D-SI style unit symbol, e.g. "degC", "V"
    std::chrono::system_clock::time_point timestamp;
    std::string device; ///< the connection URI of the instrument
};

} // namespace callab::drivers
