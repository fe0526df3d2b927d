#include <callab/drivers/shipped_profiles.hpp>

namespace callab::drivers {

std::optional<ModbusProfile> find_shipped_profile(std::string_view name) {
    for (const auto& shipped : shipped_profiles()) {
        if (shipped.name == name) {
            auto parsed = parse_modbus_profile(shipped.json);
            if (parsed) {
                return std::move(parsed.profile);
            }
        }
    }
    return std::nullopt;
}

} // namespace callab::drivers
