#include <callab/drivers/errc.hpp>
#include <callab/drivers/modbus_meter.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace callab::drivers {
namespace {

std::string describe(const RegisterField& field) {
    return std::string(to_string(field.kind)) + " register " + std::to_string(field.address) +
           " (" + field.name + ")";
}

std::string format_number(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

} // namespace

ModbusMeter::ModbusMeter(ModbusProfile profile, ConnectionUri uri, ModbusClient::Options options)
    : profile_(std::move(profile)), client_(std::move(uri), options) {}

boost::system::result<void> ModbusMeter::check_status() {
    if (!profile_.status) {
        return {};
    }
    const auto& status = *profile_.status;
    auto word = client_.read_registers(status.kind, status.address, 1);
    if (!word) {
        last_fault_ = "reading the status register: " + client_.last_error();
        return word.error();
    }
    for (const auto& bit : status.bits) {
        if (bit.fault && (word->front() >> bit.bit & 1U) != 0) {
            last_fault_ = "status bit " + std::to_string(bit.bit) + " (" + bit.name + ") is set";
            return errc::invalid_reading;
        }
    }
    return {};
}

boost::system::result<Reading> ModbusMeter::read_field(const RegisterField& field) {
    auto registers = client_.read_registers(field.kind, field.address, register_count(field.type));
    if (!registers) {
        last_fault_ = "reading " + describe(field) + ": " + client_.last_error();
        return registers.error();
    }
    const double raw = decode_registers(*registers, field.type, field.order);
    if (!std::isfinite(raw)) {
        last_fault_ = describe(field) + " holds " + format_number(raw);
        return errc::invalid_reading;
    }
    if (std::find(field.sentinels.begin(), field.sentinels.end(), raw) != field.sentinels.end()) {
        last_fault_ = describe(field) + " holds the no-reading sentinel " + format_number(raw);
        return errc::invalid_reading;
    }
    return Reading{field.name, field.to_physical(raw), field.unit, std::chrono::system_clock::now(),
                   device()};
}

boost::system::result<Reading> ModbusMeter::read() {
    if (auto ok = check_status(); !ok) {
        return ok.error();
    }
    return read_field(profile_.quantities.front());
}

boost::system::result<Reading> ModbusMeter::read_quantity(std::string_view name) {
    const auto* field = profile_.find_quantity(name);
    if (field == nullptr) {
        last_fault_ = "profile " + profile_.name + " has no quantity '" + std::string(name) + "'";
        return errc::invalid_setting;
    }
    if (auto ok = check_status(); !ok) {
        return ok.error();
    }
    return read_field(*field);
}

boost::system::result<std::vector<Reading>> ModbusMeter::read_all() {
    if (auto ok = check_status(); !ok) {
        return ok.error();
    }
    std::vector<Reading> readings;
    for (const auto* fields : {&profile_.quantities, &profile_.settings}) {
        for (const auto& field : *fields) {
            auto reading = read_field(field);
            if (!reading) {
                return reading.error();
            }
            readings.push_back(std::move(*reading));
        }
    }
    return readings;
}

boost::system::result<void> ModbusMeter::write_setting(std::string_view name, double value) {
    const auto* field = profile_.find_setting(name);
    if (field == nullptr) {
        last_fault_ = "profile " + profile_.name + " has no setting '" + std::string(name) + "'";
        return errc::invalid_setting;
    }
    const bool too_low = field->minimum && value < *field->minimum;
    const bool too_high = field->maximum && value > *field->maximum;
    const double raw = std::round(field->to_raw(value) * 1e6) / 1e6;
    const double stored = field->type == DataType::float32 ? raw : std::round(raw);
    if (!std::isfinite(value) || too_low || too_high) {
        last_fault_ = field->name + " = " + format_number(value) + " is outside its range " +
                      (field->minimum ? format_number(*field->minimum) : "-inf") + " to " +
                      (field->maximum ? format_number(*field->maximum) : "inf") + " " + field->unit;
        return errc::invalid_setting;
    }
    if (!fits(stored, field->type)) {
        last_fault_ = field->name + " = " + format_number(value) + " does not fit " +
                      std::string(to_string(field->type)) + " at scale " +
                      format_number(field->scale);
        return errc::invalid_setting;
    }
    const auto registers = encode_registers(stored, field->type, field->order);
    auto written = client_.write_registers(field->address, registers);
    if (!written) {
        last_fault_ = "writing " + describe(*field) + ": " + client_.last_error();
    }
    return written;
}

boost::system::result<double> ModbusMeter::read_setting(std::string_view name) {
    const auto* field = profile_.find_setting(name);
    if (field == nullptr) {
        last_fault_ = "profile " + profile_.name + " has no setting '" + std::string(name) + "'";
        return errc::invalid_setting;
    }
    auto reading = read_field(*field);
    if (!reading) {
        return reading.error();
    }
    return reading->value;
}

std::vector<std::string> ModbusMeter::setting_names() const {
    std::vector<std::string> names;
    for (const auto& field : profile_.settings) {
        names.push_back(field.name);
    }
    return names;
}

} // namespace callab::drivers
