// Any text given as a Modbus profile is either refused with a message naming the key or value,
// or read into a profile whose every register lies inside the 65536 of its table, whose
// scales are finite and non-zero and whose status register and bits are addressable.
#include <callab/drivers/modbus_profile.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

bool addressable(const callab::drivers::RegisterField& field) {
    const int last = field.address + callab::drivers::register_count(field.type) - 1;
    return field.address >= 0 && last <= 65535 && std::isfinite(field.scale) &&
           field.scale != 0.0 && std::isfinite(field.offset);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = callab::drivers::parse_modbus_profile(text);
    if (!parsed) {
        return 0;
    }
    const auto& profile = parsed.profile;
    for (const auto* fields : {&profile.quantities, &profile.settings}) {
        for (const auto& field : *fields) {
            if (!addressable(field)) {
                std::abort();
            }
        }
    }
    if (profile.status) {
        if (profile.status->address < 0 || profile.status->address > 65535) {
            std::abort();
        }
        for (const auto& bit : profile.status->bits) {
            if (bit.bit < 0 || bit.bit > 15) {
                std::abort();
            }
        }
    }
    return 0;
}
