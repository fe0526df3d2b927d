#pragma once

#include <callab/drivers/meter.hpp>
#include <callab/drivers/modbus_client.hpp>
#include <callab/drivers/modbus_profile.hpp>

namespace callab::drivers {

/// Any Modbus meter described by a profile: reads and decodes its quantities, checks its
/// status bits and sentinels, and writes its settings within their ranges. A new Modbus
/// instrument is a new profile, not a new class.
class ModbusMeter final : public Instrument {
public:
    ModbusMeter(ModbusProfile profile, ConnectionUri uri, ModbusClient::Options options);

    /// The profile's first quantity.
    boost::system::result<Reading> read() override;
    /// Every quantity, then every setting's present value.
    boost::system::result<std::vector<Reading>> read_all() override;
    boost::system::result<Reading> read_quantity(std::string_view name);

    boost::system::result<void> write_setting(std::string_view name, double value) override;
    boost::system::result<double> read_setting(std::string_view name);
    std::vector<std::string> setting_names() const override;

    std::string device() const override { return client_.uri().to_string(); }
    std::string last_fault() const override { return last_fault_; }
    const ModbusProfile& profile() const { return profile_; }

private:
    boost::system::result<Reading> read_field(const RegisterField& field);
    boost::system::result<void> check_status();

    ModbusProfile profile_;
    ModbusClient client_;
    std::string last_fault_;
};

} // namespace callab::drivers
