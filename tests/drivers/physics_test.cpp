#include <callab/drivers/blackbody_physics.hpp>
#include <callab/drivers/modbus_meter.hpp>
#include <callab/drivers/modbus_simulator.hpp>
#include <callab/drivers/shipped_profiles.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace callab::drivers {
namespace {

// A clock the test moves by hand.
struct ManualClock {
    std::shared_ptr<std::chrono::steady_clock::time_point> now =
        std::make_shared<std::chrono::steady_clock::time_point>();
    BlackbodyPhysics::Clock clock() const {
        return [now = now] { return *now; };
    }
    void advance(double seconds) {
        *now += std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(seconds));
    }
};

TEST(BlackbodyPhysics, SettlesWithItsTimeConstant) {
    ManualClock time;
    BlackbodyPhysics blackbody({23.0, 30.0, 0.1, 0.95, 0.95}, time.clock());
    blackbody.set_set_point(100.0);
    EXPECT_DOUBLE_EQ(blackbody.block_temperature(), 23.0);
    EXPECT_FALSE(blackbody.stable());
    time.advance(30.0); // one time constant: 1 - 1/e of the way
    EXPECT_NEAR(blackbody.block_temperature(), 100.0 - 77.0 * std::exp(-1.0), 1e-9);
    EXPECT_NEAR(blackbody.stability(), 77.0 * std::exp(-1.0) * 2.0, 1e-9);
    time.advance(300.0); // ten time constants
    EXPECT_NEAR(blackbody.block_temperature(), 100.0, 0.01);
    EXPECT_TRUE(blackbody.stable());
    // A new set point starts from where the plate is, not from the old set point.
    blackbody.set_set_point(50.0);
    EXPECT_NEAR(blackbody.block_temperature(), 100.0, 0.01);
}

TEST(BlackbodyPhysics, EmissivitySettingShiftsTheRadianceTemperature) {
    ManualClock time;
    BlackbodyPhysics blackbody({100.0, 30.0, 0.1, 0.95, 0.95}, time.clock());
    EXPECT_DOUBLE_EQ(blackbody.radiance_temperature(), 100.0);
    blackbody.set_emissivity(0.94); // 0.01 lower: 0.6 K higher at 100 °C
    EXPECT_NEAR(blackbody.radiance_temperature(), 100.6, 1e-9);
    blackbody.set_set_point(500.0);
    time.advance(1000.0);
    EXPECT_NEAR(blackbody.radiance_temperature(), 503.4, 1e-6); // 3.4 K at 500 °C
}

TEST(BlackbodyPhysics, IrThermometerPointedAtItReadsItsRadianceTemperature) {
    ManualClock time;
    auto blackbody = std::make_shared<BlackbodyPhysics>(
        BlackbodyPhysics::Parameters{23.0, 30.0, 0.1, 0.95, 0.95}, time.clock());
    const auto profile = find_shipped_profile("ir-thermometer").value();
    SimulatorOptions options;
    options.error = 0.2; // the thermometer reads 0.2 K high
    ModbusSimulator thermometer(
        profile,
        make_modbus_physics(profile.kind, options,
                            [blackbody] { return blackbody->radiance_temperature(); })
            .value(),
        options);
    const auto uri = thermometer.start({"modbus-tcp", "127.0.0.1", 0, {}, {}}).value();
    ModbusMeter meter(profile, uri, {});
    EXPECT_NEAR(meter.read().value().value, 23.2, 1e-9);
    blackbody->set_set_point(37.0);
    time.advance(600.0);
    EXPECT_NEAR(meter.read().value().value, 37.2, 1e-9);
}

} // namespace
} // namespace callab::drivers
