#include <callab/drivers/errc.hpp>
#include <callab/drivers/power_analyser.hpp>
#include <callab/drivers/scpi_instrument.hpp>
#include <callab/drivers/scpi_simulator.hpp>

#include <gtest/gtest.h>

#include <cmath>

namespace callab::drivers {
namespace {

const ConnectionUri over_tcp{"scpi-tcp", "127.0.0.1", 0, {}, {}};
const ConnectionUri over_pty{"scpi-serial", "", 0, "pty", {}};

ScpiClient::Options quick() {
    ScpiClient::Options options;
    options.line.timeout = std::chrono::milliseconds(150);
    options.backoff = std::chrono::milliseconds(1);
    return options;
}

std::string transport_name(const ConnectionUri& uri) {
    return uri.scheme == "scpi-tcp" ? "Tcp" : "Pty";
}

struct BlackbodyBench {
    std::shared_ptr<BlackbodyPhysics> physics =
        std::make_shared<BlackbodyPhysics>(BlackbodyPhysics::Parameters{});
    ScpiSimulator simulator;
    ScpiInstrument blackbody;

    BlackbodyBench(const ConnectionUri& listen, SimulatorOptions options = {})
        : simulator(make_blackbody_responder(physics, options), options),
          blackbody(fluke_4180_dialect(), simulator.start(listen).value(), quick()) {}
};

struct PowerBench {
    std::shared_ptr<PowerOutput> output = std::make_shared<PowerOutput>();
    ScpiSimulator source_simulator;
    ScpiSimulator analyser_simulator;
    ScpiInstrument source;
    PowerAnalyser analyser;

    PowerBench(const ConnectionUri& listen, SimulatorOptions analyser_options = {})
        : source_simulator(make_power_source_responder(output), {}),
          analyser_simulator(make_power_analyser_responder(output, analyser_options),
                             analyser_options),
          source(power_source_dialect(), source_simulator.start(listen).value(), quick()),
          analyser(analyser_simulator.start(listen).value(), quick()) {}
};

class ScpiOverEveryTransport : public testing::TestWithParam<ConnectionUri> {};

TEST_P(ScpiOverEveryTransport, BlackbodyTakesItsSetPointAndReportsStability) {
    BlackbodyBench bench(GetParam());
    EXPECT_EQ(bench.blackbody.client().identify().value(), "FLUKE,4180,SIM0001,1.00");
    EXPECT_TRUE(bench.blackbody.is_stable().value()); // at rest at 23 °C
    ASSERT_TRUE(bench.blackbody.write_setting("set_point", 35.0)) << bench.blackbody.last_fault();
    EXPECT_EQ(bench.physics->set_point(), 35.0);
    EXPECT_FALSE(bench.blackbody.is_stable().value()); // 12 K to go
    const auto readings = bench.blackbody.read_all();
    ASSERT_TRUE(readings) << bench.blackbody.last_fault();
    EXPECT_EQ((*readings)[0].quantity, "radiance_temperature");
    EXPECT_NEAR((*readings)[0].value, 23.0, 0.1);
    EXPECT_EQ((*readings)[2].value, 35.0);
    ASSERT_TRUE(bench.blackbody.write_setting("emissivity", 0.97));
    EXPECT_EQ(bench.physics->emissivity(), 0.97);
}

TEST_P(ScpiOverEveryTransport, RefusedAndOutOfRangeSettingsAreErrors) {
    BlackbodyBench bench(GetParam());
    EXPECT_EQ(bench.blackbody.write_setting("set_point", 600).error(), errc::invalid_setting);
    EXPECT_EQ(bench.blackbody.last_fault(), "set_point = 600 is outside its range -15 to 500 degC");
    // The driver's range check passed, the instrument refused: its error queue says why.
    ASSERT_TRUE(bench.blackbody.client().command("SOUR:SPOX 5"));
    const auto errors = bench.blackbody.client().drain_errors().value();
    ASSERT_EQ(errors.size(), 1U);
    EXPECT_EQ(errors[0].code, -113);
    EXPECT_EQ(errors[0].message, "Undefined header");
    EXPECT_TRUE(bench.blackbody.client().drain_errors().value().empty());

    // *CLS empties the queue without reading it.
    ASSERT_TRUE(bench.blackbody.client().command("SOUR:SPOX 5"));
    ASSERT_TRUE(bench.blackbody.client().clear_status());
    EXPECT_TRUE(bench.blackbody.client().drain_errors().value().empty());
}

TEST_P(ScpiOverEveryTransport, ResetTurnsThePowerSourceOutputOff) {
    PowerBench bench(GetParam());
    ASSERT_TRUE(bench.source.write_setting("voltage", 100.0));
    ASSERT_TRUE(bench.source.write_setting("output", 1));
    EXPECT_TRUE(bench.output->state().on);
    ASSERT_TRUE(bench.source.client().reset());
    ASSERT_TRUE(bench.source.client().drain_errors()); // a query: *RST has been acted on
    EXPECT_FALSE(bench.output->state().on);
    EXPECT_EQ(bench.output->state().voltage, 0.0);
}

TEST_P(ScpiOverEveryTransport, PowerSourceDrivesTheAnalyser) {
    PowerBench bench(GetParam());
    // Output off: the analyser has no frequency to show, and says so with NAN.
    const auto off = bench.analyser.read_all();
    ASSERT_FALSE(off);
    EXPECT_EQ(off.error(), errc::invalid_reading);
    EXPECT_EQ(bench.analyser.last_fault(), "item 6 (LAMBDA,1) is 'NAN' (no data)");

    ASSERT_TRUE(bench.source.write_setting("voltage", 230.0));
    ASSERT_TRUE(bench.source.write_setting("current", 5.0));
    ASSERT_TRUE(bench.source.write_setting("phase", 60.0));
    ASSERT_TRUE(bench.source.write_setting("frequency", 50.0));
    ASSERT_TRUE(bench.source.write_setting("output", 1));
    const auto readings = bench.analyser.read_all();
    ASSERT_TRUE(readings) << bench.analyser.last_fault();
    ASSERT_EQ(readings->size(), 7U);
    EXPECT_EQ((*readings)[0].value, 230.0);         // U
    EXPECT_EQ((*readings)[1].value, 5.0);           // I
    EXPECT_EQ((*readings)[2].value, 575.0);         // P = U I cos 60°
    EXPECT_EQ((*readings)[3].value, 1150.0);        // S
    EXPECT_NEAR((*readings)[4].value, 995.9, 0.05); // Q = U I sin 60°
    EXPECT_EQ((*readings)[5].value, 0.5);           // λ
    EXPECT_EQ((*readings)[6].value, 50.0);          // f
    EXPECT_EQ(bench.analyser.read().value().quantity, "active_power");
    const auto source = bench.source.read_all();
    ASSERT_TRUE(source) << bench.source.last_fault();
    EXPECT_EQ((*source)[0].value, 230.0);
    EXPECT_EQ((*source)[2].quantity, "active_power"); // what it outputs: U I cos 60°
    EXPECT_NEAR((*source)[2].value, 575.0, 1e-9);
    EXPECT_EQ((*source)[5].value, 1.0);
}

INSTANTIATE_TEST_SUITE_P(Scpi, ScpiOverEveryTransport, testing::Values(over_tcp, over_pty),
                         [](const auto& p) { return transport_name(p.param); });

struct FaultCase {
    Fault fault;
    errc expected;
};

class ScpiFault : public testing::TestWithParam<std::tuple<ConnectionUri, FaultCase>> {};

TEST_P(ScpiFault, IsAnErrorNeverANumber) {
    const auto& [listen, fault] = GetParam();
    SimulatorOptions options;
    options.fault = fault.fault;
    BlackbodyBench bench(listen, options);
    const auto reading = bench.blackbody.read();
    ASSERT_FALSE(reading) << reading->value;
    if (fault.fault == Fault::garbage) {
        EXPECT_TRUE(reading.error() == errc::protocol_error || reading.error() == errc::timeout)
            << reading.error().message();
    } else if (fault.fault == Fault::disconnect && listen.scheme == "scpi-tcp") {
        EXPECT_TRUE(reading.error() == errc::disconnected || reading.error() == errc::timeout)
            << reading.error().message();
    } else {
        EXPECT_EQ(reading.error(), fault.expected) << reading.error().message();
    }
    EXPECT_NE(bench.blackbody.last_fault().find("radiance_temperature"), std::string::npos);
    if (fault.fault == Fault::exception) {
        const auto errors = bench.blackbody.client().drain_errors().value();
        ASSERT_FALSE(errors.empty());
        EXPECT_EQ(errors[0].code, -230);
    }
}

TEST_P(ScpiFault, OccasionalFaultsAreRetriedAway) {
    const auto& [listen, fault] = GetParam();
    SimulatorOptions options;
    options.fault = fault.fault;
    options.fault_rate = 0.3;
    options.seed = 5;
    BlackbodyBench bench(listen, options);
    auto client = quick();
    client.attempts = 10;
    ScpiInstrument patient(fluke_4180_dialect(), parse_connection_uri(bench.blackbody.device()).uri,
                           client);
    if (fault.fault == Fault::exception) {
        // A sentinel with a queued error is the instrument's answer, not a glitch: it is
        // reported, and every number that does come is the true one.
        int failures = 0;
        for (int i = 0; i < 20; ++i) {
            const auto reading = patient.read();
            failures += reading ? 0 : 1;
            if (reading) {
                EXPECT_NEAR(reading->value, 23.0, 1e-9);
            } else {
                EXPECT_EQ(reading.error(), errc::invalid_reading);
            }
        }
        EXPECT_GT(failures, 0);
        return;
    }
    for (int i = 0; i < 5; ++i) {
        const auto reading = patient.read();
        ASSERT_TRUE(reading) << patient.last_fault();
        EXPECT_NEAR(reading->value, 23.0, 1e-9);
    }
}

INSTANTIATE_TEST_SUITE_P(
    Scpi, ScpiFault,
    testing::Combine(testing::Values(over_tcp, over_pty),
                     testing::Values(FaultCase{Fault::timeout, errc::timeout},
                                     FaultCase{Fault::crc, errc::protocol_error},
                                     FaultCase{Fault::disconnect, errc::timeout},
                                     FaultCase{Fault::garbage, errc::protocol_error},
                                     FaultCase{Fault::exception, errc::invalid_reading})),
    [](const auto& p) {
        return transport_name(std::get<0>(p.param)) + "_" +
               std::string(to_string(std::get<1>(p.param).fault));
    });

class AnalyserFault : public testing::TestWithParam<std::tuple<ConnectionUri, Fault>> {};

TEST_P(AnalyserFault, IsAnErrorNeverANumber) {
    const auto& [listen, fault] = GetParam();
    SimulatorOptions options;
    options.fault = fault;
    auto output = std::make_shared<PowerOutput>();
    output->change([](PowerOutput::State& s) { s = {230.0, 5.0, 0.0, 50.0, true}; });
    ScpiSimulator simulator(make_power_analyser_responder(output, options), options);
    PowerAnalyser analyser(simulator.start(listen).value(), quick());
    const auto readings = analyser.read_all();
    ASSERT_FALSE(readings) << (*readings)[0].value;
    EXPECT_FALSE(analyser.last_fault().empty());
}

// The power source reads back through the same faults: an error, never a number.
TEST_P(AnalyserFault, PowerSourceReadBackIsAnErrorNeverANumber) {
    const auto& [listen, fault] = GetParam();
    SimulatorOptions options;
    options.fault = fault;
    auto output = std::make_shared<PowerOutput>();
    ScpiSimulator simulator(make_power_source_responder(output), options);
    ScpiInstrument source(power_source_dialect(), simulator.start(listen).value(), quick());
    const auto reading = source.read();
    ASSERT_FALSE(reading) << reading->value;
    EXPECT_NE(source.last_fault().find("voltage"), std::string::npos) << source.last_fault();
}

INSTANTIATE_TEST_SUITE_P(Scpi, AnalyserFault,
                         testing::Combine(testing::Values(over_tcp, over_pty),
                                          testing::Values(Fault::timeout, Fault::crc,
                                                          Fault::disconnect, Fault::garbage,
                                                          Fault::exception)),
                         [](const auto& p) {
                             return transport_name(std::get<0>(p.param)) + "_" +
                                    std::string(to_string(std::get<1>(p.param)));
                         });

TEST(ScpiOptions, UriOptionsAreCheckedByName) {
    auto parsed =
        parse_connection_uri("scpi-serial:/dev/ttyS0?baud=19200&parity=E&stop=2&flow=hardware");
    const auto options = scpi_options_from_uri(parsed.uri, {});
    ASSERT_TRUE(options) << options.error;
    EXPECT_EQ(options.options.line.serial.baud, 19200U);
    EXPECT_EQ(options.options.line.serial.parity, 'E');
    EXPECT_EQ(options.options.line.serial.stop_bits, 2U);
    EXPECT_EQ(options.options.line.serial.flow_control, 'H');
    EXPECT_EQ(scpi_options_from_uri(parse_connection_uri("scpi-tcp://h:1?baud=9600").uri, {}).error,
              "unknown option 'baud' for scpi-tcp");
    EXPECT_EQ(scpi_options_from_uri(parse_connection_uri("scpi-serial:/x?flow=yes").uri, {}).error,
              "option flow=yes: expected none, software or hardware");
}

} // namespace
} // namespace callab::drivers
