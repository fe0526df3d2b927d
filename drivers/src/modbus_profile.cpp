#include <callab/drivers/modbus_profile.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <stdexcept>
#include <type_traits>

namespace callab::drivers {
namespace {

using nlohmann::json;

// Thrown inside the parser only, and turned into ParsedModbusProfile::error.
struct ProfileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void check_keys(const json& object, const std::string& where,
                std::initializer_list<std::string_view> known) {
    if (!object.is_object()) {
        throw ProfileError(where + ": expected an object");
    }
    for (const auto& [key, value] : object.items()) {
        bool found = false;
        for (auto k : known) {
            found = found || k == key;
        }
        if (!found) {
            std::string message = where;
            message += ": unknown key '";
            message += key;
            message += "'";
            throw ProfileError(message);
        }
    }
}

template <typename T> T required(const json& object, const std::string& where, const char* key) {
    if (!object.contains(key)) {
        throw ProfileError(where + ": missing '" + key + "'");
    }
    if constexpr (std::is_same_v<T, int>) {
        // get<int>() would take 3.7 as 3, wrap 4294967296 to 0 and overflow on 1e20.
        const auto& value = object.at(key);
        const bool fits = value.is_number_unsigned()
                              ? value.get<std::uint64_t>() <= std::numeric_limits<int>::max()
                              : value.is_number_integer() &&
                                    value.get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                                    value.get<std::int64_t>() <= std::numeric_limits<int>::max();
        if (!fits) {
            throw ProfileError(where + "." + key + ": expected an integer, got " + value.dump());
        }
    }
    try {
        return object.at(key).get<T>();
    } catch (const json::exception&) {
        throw ProfileError(where + "." + key + ": wrong type");
    }
}

template <typename T>
T optional_value(const json& object, const std::string& where, const char* key, T fallback) {
    return object.contains(key) ? required<T>(object, where, key) : fallback;
}

RegisterKind parse_kind(const std::string& text, const std::string& where) {
    if (text == "holding") {
        return RegisterKind::holding;
    }
    if (text == "input") {
        return RegisterKind::input;
    }
    throw ProfileError(where + ": register '" + text + "' is neither holding nor input");
}

RegisterField parse_field(const json& object, const std::string& where, bool setting) {
    if (setting) {
        check_keys(object, where,
                   {"name", "register", "address", "type", "word_order", "scale", "offset", "unit",
                    "min", "max"});
    } else {
        check_keys(object, where,
                   {"name", "register", "address", "type", "word_order", "scale", "offset", "unit",
                    "sentinels"});
    }
    RegisterField field;
    field.name = required<std::string>(object, where, "name");
    field.kind = parse_kind(required<std::string>(object, where, "register"), where);
    field.address = required<int>(object, where, "address");
    if (field.address < 0 || field.address > 65535) {
        throw ProfileError(where + ": address " + std::to_string(field.address) +
                           " is outside 0-65535");
    }
    const auto type_text = required<std::string>(object, where, "type");
    const auto type = data_type_from_string(type_text);
    if (!type) {
        throw ProfileError(where + ": unknown type '" + type_text +
                           "' (known: int16, uint16, int32, uint32, float32)");
    }
    field.type = *type;
    if (field.address + register_count(field.type) - 1 > 65535) {
        throw ProfileError(where + ": a " + type_text + " at address " +
                           std::to_string(field.address) + " runs past register 65535");
    }
    const auto order_text = optional_value<std::string>(object, where, "word_order", "ABCD");
    const auto order = word_order_from_string(order_text);
    if (!order) {
        throw ProfileError(where + ": unknown word order '" + order_text +
                           "' (known: ABCD, CDAB, BADC, DCBA)");
    }
    field.order = *order;
    field.scale = optional_value<double>(object, where, "scale", 1.0);
    if (field.scale == 0.0) {
        throw ProfileError(where + ": scale may not be 0");
    }
    field.offset = optional_value<double>(object, where, "offset", 0.0);
    field.unit = required<std::string>(object, where, "unit");
    if (object.contains("sentinels")) {
        field.sentinels = required<std::vector<double>>(object, where, "sentinels");
    }
    if (object.contains("min")) {
        field.minimum = required<double>(object, where, "min");
    }
    if (object.contains("max")) {
        field.maximum = required<double>(object, where, "max");
    }
    if (setting && field.kind == RegisterKind::input) {
        throw ProfileError(where + ": a setting must be a holding register");
    }
    return field;
}

// Registers used by each table, to reject two fields sharing a register by mistake.
void claim(std::set<std::pair<RegisterKind, int>>& used, const RegisterField& field,
           const std::string& where) {
    for (int i = 0; i < register_count(field.type); ++i) {
        if (!used.emplace(field.kind, field.address + i).second) {
            throw ProfileError(where + ": " + std::string(to_string(field.kind)) + " register " +
                               std::to_string(field.address + i) + " is used twice");
        }
    }
}

ModbusProfile parse(const json& root) {
    check_keys(
        root, "profile",
        {"name", "description", "kind", "unit", "serial", "quantities", "settings", "status"});
    ModbusProfile profile;
    profile.name = required<std::string>(root, "profile", "name");
    const std::string top = "profile " + profile.name;
    profile.description = optional_value<std::string>(root, top, "description", "");
    profile.kind = optional_value<std::string>(root, top, "kind", profile.name);
    profile.unit = optional_value<int>(root, top, "unit", 1);
    if (profile.unit < 0 || profile.unit > 247) {
        throw ProfileError(top + ": unit " + std::to_string(profile.unit) + " is outside 0-247");
    }
    if (root.contains("serial")) {
        const auto& serial = root.at("serial");
        check_keys(serial, top + ".serial", {"baud", "parity", "data", "stop"});
        profile.serial.baud = optional_value<int>(serial, top + ".serial", "baud", 9600);
        const auto parity = optional_value<std::string>(serial, top + ".serial", "parity", "N");
        if (parity != "N" && parity != "E" && parity != "O") {
            throw ProfileError(top + ".serial.parity: '" + parity + "' is not N, E or O");
        }
        profile.serial.parity = parity[0];
        profile.serial.data_bits = optional_value<int>(serial, top + ".serial", "data", 8);
        profile.serial.stop_bits = optional_value<int>(serial, top + ".serial", "stop", 1);
    }
    std::set<std::pair<RegisterKind, int>> used;
    const auto quantities = required<json>(root, top, "quantities");
    if (!quantities.is_array() || quantities.empty()) {
        throw ProfileError(top + ".quantities: expected a non-empty list");
    }
    for (std::size_t i = 0; i < quantities.size(); ++i) {
        const auto where = top + ".quantities[" + std::to_string(i) + "]";
        profile.quantities.push_back(parse_field(quantities[i], where, false));
        claim(used, profile.quantities.back(), where);
    }
    if (root.contains("settings")) {
        const auto& settings = root.at("settings");
        if (!settings.is_array()) {
            throw ProfileError(top + ".settings: expected a list");
        }
        for (std::size_t i = 0; i < settings.size(); ++i) {
            const auto where = top + ".settings[" + std::to_string(i) + "]";
            profile.settings.push_back(parse_field(settings[i], where, true));
            claim(used, profile.settings.back(), where);
        }
    }
    if (root.contains("status")) {
        const auto& status = root.at("status");
        const auto where = top + ".status";
        check_keys(status, where, {"register", "address", "bits"});
        StatusRegister reg;
        reg.kind = parse_kind(required<std::string>(status, where, "register"), where);
        reg.address = required<int>(status, where, "address");
        if (reg.address < 0 || reg.address > 65535) {
            throw ProfileError(where + ": address " + std::to_string(reg.address) +
                               " is outside 0-65535");
        }
        const auto bits = required<json>(status, where, "bits");
        if (!bits.is_array()) {
            throw ProfileError(where + ".bits: expected a list");
        }
        for (const auto& bit : bits) {
            check_keys(bit, where + ".bits", {"bit", "name", "fault"});
            StatusBit b{required<int>(bit, where, "bit"), required<std::string>(bit, where, "name"),
                        optional_value<bool>(bit, where, "fault", false)};
            if (b.bit < 0 || b.bit > 15) {
                throw ProfileError(where + ": bit " + std::to_string(b.bit) + " is outside 0-15");
            }
            reg.bits.push_back(std::move(b));
        }
        profile.status = std::move(reg);
    }
    return profile;
}

} // namespace

namespace {

// The number of decimals of `x` (at most 12): 0.1 → 1, 0.25 → 2, 10 → 0.
int decimals_of(double x) {
    double power = 1.0;
    for (int d = 0; d < 12; ++d, power *= 10.0) {
        const double shifted = x * power;
        if (std::abs(shifted - std::round(shifted)) < 1e-9 * std::max(1.0, std::abs(shifted))) {
            return d;
        }
    }
    return 12;
}

} // namespace

double RegisterField::to_physical(double raw) const {
    const double value = raw * scale + offset;
    if (type == DataType::float32) {
        return value;
    }
    const double power = std::pow(10.0, std::max(decimals_of(scale), decimals_of(offset)));
    return std::round(value * power) / power;
}

std::string_view to_string(RegisterKind kind) {
    return kind == RegisterKind::holding ? "holding" : "input";
}

const RegisterField* ModbusProfile::find_quantity(std::string_view wanted) const {
    for (const auto& field : quantities) {
        if (field.name == wanted) {
            return &field;
        }
    }
    return nullptr;
}

const RegisterField* ModbusProfile::find_setting(std::string_view wanted) const {
    for (const auto& field : settings) {
        if (field.name == wanted) {
            return &field;
        }
    }
    return nullptr;
}

ParsedModbusProfile parse_modbus_profile(std::string_view text) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {
        // parse_error, and out_of_range for a number beyond double's range (1E400).
        return {{}, std::string("not valid JSON: ") + e.what()};
    }
    try {
        return {parse(root), {}};
    } catch (const ProfileError& e) {
        return {{}, e.what()};
    }
}

} // namespace callab::drivers
