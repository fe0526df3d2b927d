#include <callab/drivers/errc.hpp>
#include <callab/drivers/ir_thermometer.hpp>
#include <callab/drivers/ir_thermometer_simulator.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace callab::drivers {
namespace {

ConnectionUri loopback(std::uint16_t port) {
    return {"modbus-tcp", "127.0.0.1", port, {}, {}};
}

TEST(IrThermometer, ReadsTheSimulatorOverLoopbackModbusTcp) {
    IrThermometerSimulator simulator({37.0, 0.12, 0.0, 1});
    const auto port = simulator.start(loopback(0));
    ASSERT_TRUE(port) << port.error().message();

    IrThermometer thermometer(loopback(*port), {});
    for (int i = 0; i < 3; ++i) {
        const auto reading = thermometer.read();
        ASSERT_TRUE(reading) << reading.error().message();
        // 37.12 °C indicated with a resolution of 0.1 °C.
        EXPECT_NEAR(reading->value, 37.1, 1e-9);
        EXPECT_EQ(reading->unit, "degC");
        EXPECT_EQ(reading->quantity, "object_temperature");
        EXPECT_EQ(reading->device, loopback(*port).to_string());
    }
}

TEST(IrThermometer, NegativeTemperaturesKeepTheirSign) {
    IrThermometerSimulator simulator({-18.4, 0.0, 0.0, 1});
    const auto port = simulator.start(loopback(0));
    ASSERT_TRUE(port);
    IrThermometer thermometer(loopback(*port), {});
    const auto reading = thermometer.read();
    ASSERT_TRUE(reading) << reading.error().message();
    EXPECT_NEAR(reading->value, -18.4, 1e-9);
}

TEST(IrThermometer, NoiseIsReproducibleFromTheSeed) {
    auto read_series = [](std::uint64_t seed) {
        IrThermometerSimulator simulator({37.0, 0.0, 0.2, seed});
        const auto port = simulator.start(loopback(0)).value();
        IrThermometer thermometer(loopback(port), {});
        std::vector<double> values;
        for (int i = 0; i < 5; ++i) {
            values.push_back(thermometer.read().value().value);
        }
        return values;
    };
    EXPECT_EQ(read_series(7), read_series(7));
    EXPECT_NE(read_series(7), read_series(8));
}

TEST(IrThermometer, AStoppedDeviceIsAnErrorNotANumber) {
    IrThermometerSimulator simulator({37.0, 0.0, 0.0, 1});
    const auto port = simulator.start(loopback(0)).value();
    IrThermometer thermometer(loopback(port), {1, std::chrono::milliseconds(200), 2});
    ASSERT_TRUE(thermometer.read());
    simulator.stop();
    const auto reading = thermometer.read();
    ASSERT_FALSE(reading);
    EXPECT_TRUE(reading.error() == errc::disconnected || reading.error() == errc::connection_failed)
        << reading.error().message();
}

TEST(IrThermometer, NobodyListeningIsAConnectionFailure) {
    // Bind a simulator to learn a free port, then stop it so that nothing listens there.
    std::uint16_t port = 0;
    {
        IrThermometerSimulator simulator({37.0, 0.0, 0.0, 1});
        port = simulator.start(loopback(0)).value();
    }
    IrThermometer thermometer(loopback(port), {1, std::chrono::milliseconds(200), 2});
    const auto reading = thermometer.read();
    ASSERT_FALSE(reading);
    EXPECT_EQ(reading.error(), errc::connection_failed) << reading.error().message();
}

} // namespace
} // namespace callab::drivers
