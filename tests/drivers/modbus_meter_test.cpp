#include <callab/drivers/errc.hpp>
#include <callab/drivers/modbus_meter.hpp>
#include <callab/drivers/modbus_simulator.hpp>
#include <callab/drivers/shipped_profiles.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>

namespace callab::drivers {
namespace {

const ConnectionUri any_loopback_port{"modbus-tcp", "127.0.0.1", 0, {}, {}};
const ConnectionUri new_pty{"modbus-rtu", "", 0, "pty", {{"baud", "115200"}}};

ModbusClient::Options quick() {
    ModbusClient::Options options;
    options.response_timeout = std::chrono::milliseconds(150);
    options.attempts = 2;
    options.backoff = std::chrono::milliseconds(1);
    return options;
}

// A simulator of a shipped profile and a meter connected to it.
struct Bench {
    std::unique_ptr<ModbusSimulator> simulator;
    std::unique_ptr<ModbusMeter> meter;

    Bench(const std::string& profile_name, SimulatorOptions options, const ConnectionUri& listen,
          ModbusClient::Options client = quick()) {
        const auto profile = find_shipped_profile(profile_name).value();
        simulator = std::make_unique<ModbusSimulator>(
            profile, make_modbus_physics(profile.kind, options).value(), options);
        const auto uri = simulator->start(listen).value();
        auto parsed = modbus_options_from_uri(uri, client);
        EXPECT_TRUE(parsed) << parsed.error;
        meter = std::make_unique<ModbusMeter>(profile, uri, parsed.options);
    }
};

class OverEveryTransport : public testing::TestWithParam<ConnectionUri> {};

TEST_P(OverEveryTransport, IrThermometerReadsItsTargetPlusError) {
    Bench bench("ir-thermometer", {.target = 37.0, .error = 0.12}, GetParam());
    for (int i = 0; i < 3; ++i) {
        const auto reading = bench.meter->read();
        ASSERT_TRUE(reading) << reading.error().message() << ": " << bench.meter->last_fault();
        EXPECT_NEAR(reading->value, 37.1, 1e-9); // 37.12 °C at a resolution of 0.1 °C
        EXPECT_EQ(reading->unit, "degC");
        EXPECT_EQ(reading->quantity, "object_temperature");
        EXPECT_EQ(reading->device, bench.meter->device());
    }
}

TEST_P(OverEveryTransport, EmissivityIsWrittenAndReadBack) {
    Bench bench("ir-thermometer", {}, GetParam());
    EXPECT_NEAR(bench.meter->read_setting("emissivity").value(), 0.95, 1e-9);
    ASSERT_TRUE(bench.meter->write_setting("emissivity", 0.97));
    EXPECT_NEAR(bench.meter->read_setting("emissivity").value(), 0.97, 1e-9);
}

TEST_P(OverEveryTransport, EnergyMeterFloatsDecode) {
    Bench bench("eastron-sdm", {.target = 230.2}, GetParam());
    const auto readings = bench.meter->read_all();
    ASSERT_TRUE(readings) << bench.meter->last_fault();
    ASSERT_EQ(readings->size(), 7U);
    EXPECT_EQ((*readings)[0].value, 230.2);
    EXPECT_EQ((*readings)[0].unit, "V");
    EXPECT_NEAR((*readings)[2].value, 230.2 * 5 * 0.98, 1e-2);
    EXPECT_NEAR((*readings)[6].value, 50.0, 1e-6);
}

TEST_P(OverEveryTransport, EnvironmentSensorAppliesItsOffset) {
    Bench bench("env-sensor", {.target = 21.5}, GetParam());
    EXPECT_NEAR(bench.meter->read().value().value, 21.5, 1e-9);
    ASSERT_TRUE(bench.meter->write_setting("temperature_offset", -0.5));
    EXPECT_NEAR(bench.meter->read().value().value, 21.0, 1e-9);
    const auto humidity = bench.meter->read_quantity("humidity");
    ASSERT_TRUE(humidity);
    EXPECT_NEAR(humidity->value, 45.0, 1e-9);
}

struct FaultCase {
    Fault fault;
    errc expected;
};

class FaultOverTransport : public testing::TestWithParam<std::tuple<ConnectionUri, FaultCase>> {};

TEST_P(FaultOverTransport, IsAnErrorNeverANumber) {
    const auto& [listen, fault] = GetParam();
    SimulatorOptions options;
    options.fault = fault.fault;
    Bench bench("ir-thermometer", options, listen);
    const auto reading = bench.meter->read();
    ASSERT_FALSE(reading) << "read " << reading->value << " through fault "
                          << to_string(fault.fault);
    if (fault.fault == Fault::garbage) {
        // Random bytes end as a bad frame or as silence, depending on what they look like.
        EXPECT_TRUE(reading.error() == errc::corrupt_frame || reading.error() == errc::timeout)
            << reading.error().message();
    } else if (fault.fault == Fault::disconnect && listen.scheme == "modbus-tcp") {
        EXPECT_TRUE(reading.error() == errc::disconnected || reading.error() == errc::timeout ||
                    reading.error() == errc::corrupt_frame)
            << reading.error().message();
    } else {
        EXPECT_EQ(reading.error(), fault.expected) << reading.error().message();
    }
    EXPECT_NE(bench.meter->last_fault().find("object_temperature"), std::string::npos);
}

TEST_P(FaultOverTransport, EveryShippedProfileReportsItAsAnError) {
    const auto& [listen, fault] = GetParam();
    SimulatorOptions options;
    options.fault = fault.fault;
    for (const auto& shipped : shipped_profiles()) {
        Bench bench(std::string(shipped.name), options, listen);
        const auto readings = bench.meter->read_all();
        ASSERT_FALSE(readings) << shipped.name << " read " << (*readings)[0].value;
        EXPECT_FALSE(bench.meter->last_fault().empty()) << shipped.name;
    }
}

TEST_P(FaultOverTransport, OccasionalFaultsAreRetriedAway) {
    const auto& [listen, fault] = GetParam();
    auto client = quick();
    client.attempts = 10;
    Bench bench("ir-thermometer",
                {.target = 20.0, .seed = 3, .fault = fault.fault, .fault_rate = 0.3}, listen,
                client);
    if (fault.fault == Fault::exception) {
        // The device understood and said no: that answer is final, it is not retried.
        std::size_t failures = 0;
        for (int i = 0; i < 10; ++i) {
            failures += bench.meter->read() ? 0 : 1;
        }
        EXPECT_GT(failures, 0U);
        EXPECT_EQ(bench.simulator->statistics().requests, 10U);
        return;
    }
    for (int i = 0; i < 5; ++i) {
        const auto reading = bench.meter->read();
        ASSERT_TRUE(reading) << reading.error().message();
        EXPECT_NEAR(reading->value, 20.0, 1e-9);
    }
}

const auto transports = testing::Values(any_loopback_port, new_pty);
const auto faults = testing::Values(
    FaultCase{Fault::timeout, errc::timeout}, FaultCase{Fault::crc, errc::corrupt_frame},
    FaultCase{Fault::disconnect, errc::timeout}, FaultCase{Fault::garbage, errc::corrupt_frame},
    FaultCase{Fault::exception, errc::device_exception});

std::string transport_name(const ConnectionUri& uri) {
    return uri.scheme == "modbus-tcp" ? "Tcp" : "RtuPty";
}

INSTANTIATE_TEST_SUITE_P(ModbusMeter, OverEveryTransport, transports,
                         [](const auto& p) { return transport_name(p.param); });
INSTANTIATE_TEST_SUITE_P(ModbusMeter, FaultOverTransport, testing::Combine(transports, faults),
                         [](const auto& p) {
                             return transport_name(std::get<0>(p.param)) + "_" +
                                    std::string(to_string(std::get<1>(p.param).fault));
                         });

TEST(ModbusMeter, OutOfRangeSettingIsRefusedBeforeAnythingIsSent) {
    Bench bench("ir-thermometer", {}, any_loopback_port);
    const auto written = bench.meter->write_setting("emissivity", 1.2);
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error(), errc::invalid_setting);
    EXPECT_NE(bench.meter->last_fault().find("emissivity = 1.2 is outside its range 0.1 to 1 one"),
              std::string::npos)
        << bench.meter->last_fault();
    EXPECT_EQ(bench.simulator->statistics().requests, 0U);
    EXPECT_EQ(bench.meter->write_setting("colour", 1).error(), errc::invalid_setting);
}

TEST(ModbusMeter, OverRangeSentinelIsAnInvalidReading) {
    // 5000 °C does not fit int16 tenths: the thermometer shows its over-range sentinel.
    Bench bench("ir-thermometer", {.target = 5000.0}, any_loopback_port);
    const auto reading = bench.meter->read();
    ASSERT_FALSE(reading) << reading->value;
    EXPECT_EQ(reading.error(), errc::invalid_reading);
    EXPECT_EQ(bench.meter->last_fault(),
              "holding register 0 (object_temperature) holds the no-reading sentinel 32767");
}

TEST(ModbusMeter, StatusBitFaultIsReportedByName) {
    Bench bench("calex-pyrousb", {.target = 1200.0}, any_loopback_port);
    const auto reading = bench.meter->read();
    ASSERT_FALSE(reading);
    EXPECT_EQ(reading.error(), errc::invalid_reading);
    EXPECT_EQ(bench.meter->last_fault(), "status bit 4 (object temperature high) is set");
}

TEST(ModbusMeter, PyrometerReadsFilteredTemperature) {
    Bench bench("calex-pyrousb", {.target = 450.0, .error = -0.3}, new_pty);
    const auto reading = bench.meter->read();
    ASSERT_TRUE(reading) << bench.meter->last_fault();
    EXPECT_EQ(reading->quantity, "filtered_temperature");
    EXPECT_NEAR(reading->value, 449.7, 1e-9);
    ASSERT_TRUE(bench.meter->write_setting("emissivity", 0.9));
    EXPECT_NEAR(bench.meter->read_setting("emissivity").value(), 0.9, 1e-9);
}

TEST(ModbusMeter, NoiseIsReproducibleFromTheSeed) {
    auto series = [](std::uint64_t seed) {
        SimulatorOptions options;
        options.noise = 0.2;
        options.seed = seed;
        Bench bench("ir-thermometer", options, any_loopback_port);
        std::vector<double> values;
        for (int i = 0; i < 5; ++i) {
            values.push_back(bench.meter->read().value().value);
        }
        return values;
    };
    EXPECT_EQ(series(7), series(7));
    EXPECT_NE(series(7), series(8));
}

TEST(ModbusMeter, AStoppedDeviceIsAnErrorAndAReconnectRecovers) {
    Bench bench("ir-thermometer", {.target = 30.0}, any_loopback_port);
    ASSERT_TRUE(bench.meter->read());
    bench.simulator->stop();
    const auto reading = bench.meter->read();
    ASSERT_FALSE(reading);
    EXPECT_TRUE(reading.error() == errc::disconnected || reading.error() == errc::connection_failed)
        << reading.error().message();

    // The device comes back on the same port: the next read reconnects by itself.
    const auto profile = find_shipped_profile("ir-thermometer").value();
    SimulatorOptions options;
    options.target = 31.0;
    ModbusSimulator again(profile, make_modbus_physics(profile.kind, options).value(), options);
    ASSERT_TRUE(again.start(parse_connection_uri(bench.meter->device()).uri));
    const auto recovered = bench.meter->read();
    ASSERT_TRUE(recovered) << recovered.error().message();
    EXPECT_NEAR(recovered->value, 31.0, 1e-9);
}

TEST(ModbusMeter, AnotherUnitOnTheLineStaysSilent) {
    const auto profile = find_shipped_profile("ir-thermometer").value();
    SimulatorOptions options;
    options.unit = 5;
    ModbusSimulator simulator(profile, make_modbus_physics(profile.kind, options).value(), options);
    auto uri = simulator.start(new_pty).value();
    uri.options["unit"] = "6";
    ModbusMeter meter(profile, uri, modbus_options_from_uri(uri, quick()).options);
    EXPECT_EQ(meter.read().error(), errc::timeout);
    EXPECT_GE(simulator.statistics().rejected, 1U);
}

TEST(ModbusMeter, DevicesOnOneLineTakeTurns) {
    // Two meters in two threads share one RTU line: the bus lock keeps their frames apart.
    const auto profile = find_shipped_profile("env-sensor").value();
    SimulatorOptions options;
    ModbusSimulator simulator(profile, make_modbus_physics(profile.kind, options).value(), options);
    const auto uri = simulator.start(new_pty).value();
    const auto client = modbus_options_from_uri(uri, quick()).options;
    std::atomic<int> good{0};
    auto poll = [&] {
        ModbusMeter meter(profile, uri, client);
        for (int i = 0; i < 20; ++i) {
            good += meter.read_all() ? 1 : 0;
        }
    };
    std::thread first(poll);
    std::thread second(poll);
    first.join();
    second.join();
    EXPECT_EQ(good.load(), 40);
    EXPECT_EQ(simulator.statistics().rejected, 0U);
}

TEST(ModbusMeter, RtuKeepsTheSilentInterval) {
    const auto profile = find_shipped_profile("ir-thermometer").value();
    SimulatorOptions options;
    ModbusSimulator simulator(profile, make_modbus_physics(profile.kind, options).value(), options);
    const auto uri = simulator.start({"modbus-rtu", "", 0, "pty", {{"baud", "9600"}}}).value();
    auto client_options = modbus_options_from_uri(uri, quick()).options;
    ModbusMeter meter(profile, uri, client_options);
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(meter.read()) << meter.last_fault();
    }
    ModbusClient client(uri, client_options);
    // 3.5 characters of 10 bits at 9600 baud: 3646 µs.
    EXPECT_EQ(client.silent_interval(), std::chrono::microseconds(3646));
    const auto statistics = simulator.statistics();
    // The simulator stamps its reply as sent when write() returns, which may be a few
    // microseconds after the client has read it and started counting the silence.
    constexpr auto stamp_lag = std::chrono::microseconds(100);
    EXPECT_GE(statistics.shortest_gap_before_request + stamp_lag, client.silent_interval());
    EXPECT_GE(statistics.shortest_reply_delay, client.silent_interval());
}

} // namespace
} // namespace callab::drivers
