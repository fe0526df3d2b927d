#pragma once

#include <callab/drivers/modbus_profile.hpp>

#include <span>
#include <string_view>

namespace callab::drivers {

/// A Modbus profile that ships inside the callab binary (from drivers/profiles/*.json,
/// embedded at build time).
struct ShippedProfile {
    std::string_view name; ///< the file name without .json
    std::string_view json;
};

std::span<const ShippedProfile> shipped_profiles();

/// The parsed shipped profile called `name`, or nullopt. Shipped profiles always parse (a
/// unit test checks every one).
std::optional<ModbusProfile> find_shipped_profile(std::string_view name);

} // namespace callab::drivers
