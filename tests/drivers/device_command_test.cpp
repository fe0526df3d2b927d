// `callab device` and `callab sim` as a user meets them: readings, settings, exit status 1
// for a device failure and 2 for bad usage, one clear line on stderr.
#include "support/callab_run.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace callab::test_support {
namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// `callab sim KIND --listen URI ARGS...` running, and the URI it serves.
struct Sim {
    TemporaryDirectory dir;
    ChildProcess process;
    std::string uri;

    explicit Sim(std::vector<std::string> args)
        : process(with_binary(std::move(args)), dir.path()) {
        if (process.wait_for_output("\n", std::chrono::seconds(10))) {
            const auto out = process.standard_output();
            const auto on = out.find(" on ");
            uri = out.substr(on + 4, out.find('\n') - on - 4);
        }
    }
    static std::vector<std::string> with_binary(std::vector<std::string> args) {
        args.insert(args.begin(), {CALLAB_BINARY, "sim"});
        return args;
    }
};

TEST(DeviceCommand, ReadsCountReadingsAsText) {
    Sim sim({"ir-thermometer", "--listen", "modbus-tcp://127.0.0.1:0", "--target", "37.0"});
    ASSERT_FALSE(sim.uri.empty()) << sim.process.standard_error();
    auto run = run_callab({"device", "read", sim.uri, "--driver", "ir-thermometer", "--count", "2",
                           "--interval", "0.05"});
    ASSERT_EQ(run.status, 0) << run.error;
    EXPECT_EQ(std::count(run.output.begin(), run.output.end(), '\n'), 6);
    EXPECT_TRUE(contains(run.output, " object_temperature 37 degC\n")) << run.output;
    EXPECT_TRUE(contains(run.output, " emissivity 0.95 one\n")) << run.output;
}

TEST(DeviceCommand, WritesASettingAndRefusesOneOutOfRange) {
    Sim sim({"pyrometer", "--listen", "modbus-tcp://127.0.0.1:0"});
    ASSERT_FALSE(sim.uri.empty());
    auto ok =
        run_callab({"device", "write", sim.uri, "--driver", "calex-pyrousb", "emissivity", "0.93"});
    EXPECT_EQ(ok.status, 0) << ok.error;
    auto read = run_callab({"device", "read", sim.uri, "--driver", "calex-pyrousb"});
    EXPECT_TRUE(contains(read.output, " emissivity 0.93 one\n")) << read.output;

    auto bad =
        run_callab({"device", "write", sim.uri, "--driver", "calex-pyrousb", "emissivity", "0.05"});
    EXPECT_EQ(bad.status, 2);
    EXPECT_TRUE(contains(bad.error, "emissivity = 0.05 is outside its range 0.1 to 1"))
        << bad.error;
    auto unknown =
        run_callab({"device", "write", sim.uri, "--driver", "calex-pyrousb", "colour", "1"});
    EXPECT_EQ(unknown.status, 2);
    EXPECT_TRUE(contains(unknown.error, "has no setting 'colour'")) << unknown.error;
    auto nan =
        run_callab({"device", "write", sim.uri, "--driver", "calex-pyrousb", "emissivity", "0.9x"});
    EXPECT_EQ(nan.status, 2);
    EXPECT_TRUE(contains(nan.error, "'0.9x' is not a number")) << nan.error;
}

TEST(DeviceCommand, DeviceFaultsExitWithOneAndNameTheDevice) {
    for (const std::string fault : {"timeout", "crc", "disconnect", "garbage", "exception"}) {
        Sim sim({"ir-thermometer", "--listen", "modbus-tcp://127.0.0.1:0", "--fault", fault});
        ASSERT_FALSE(sim.uri.empty());
        auto run =
            run_callab({"device", "read", sim.uri + "&timeout=200", "--driver", "ir-thermometer"});
        EXPECT_EQ(run.status, 1) << fault;
        EXPECT_TRUE(run.output.empty()) << fault << ": " << run.output;
        EXPECT_TRUE(contains(run.error, "callab: device " + sim.uri.substr(0, sim.uri.find('?'))))
            << run.error;
        EXPECT_TRUE(contains(run.error, "object_temperature")) << run.error;
    }
}

TEST(DeviceCommand, StatusBitsAndNobodyListeningAreDeviceFailures) {
    Sim hot({"pyrometer", "--listen", "modbus-tcp://127.0.0.1:0", "--target", "1500"});
    auto run = run_callab({"device", "read", hot.uri, "--driver", "calex-pyrousb"});
    EXPECT_EQ(run.status, 1);
    EXPECT_TRUE(contains(run.error, "status bit 4 (object temperature high) is set")) << run.error;

    const auto port = std::to_string(free_tcp_port());
    auto nobody = run_callab(
        {"device", "read", "modbus-tcp://127.0.0.1:" + port, "--driver", "ir-thermometer"});
    EXPECT_EQ(nobody.status, 1);
    EXPECT_TRUE(contains(nobody.error, "cannot connect to the device")) << nobody.error;
}

TEST(DeviceCommand, BadUsageExitsWithTwo) {
    TemporaryDirectory dir;
    const auto profile = dir.path() / "bad.json";
    std::ofstream(profile) << R"({"name": "p", "quantities": [{"name": "t", "register": "input",
        "address": 0, "type": "float64", "unit": "V"}]})";
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"device", "read", "modbus-tcp://127.0.0.1", "--driver", "ir-thermometer"}, "HOST:PORT"},
        {{"device", "read", "modbus-tcp://127.0.0.1:1502", "--driver", "nope"}, "unknown driver"},
        {{"device", "read", "modbus-tcp://127.0.0.1:1502"}, "give --driver NAME or --profile"},
        {{"device", "read", "modbus-tcp://127.0.0.1:1502?baud=9600", "--driver", "env-sensor"},
         "unknown option 'baud'"},
        {{"device", "read", "modbus-rtu:/dev/null?parity=X", "--driver", "env-sensor"},
         "parity=X: expected N, E or O"},
        {{"device", "read", "modbus-tcp://127.0.0.1:1502", "--profile", profile.string()},
         "unknown type 'float64'"},
        {{"device", "read", "modbus-tcp://127.0.0.1:1502", "--profile", "/nonexistent.json"},
         "cannot be read"},
        {{"sim", "ir-thermometer", "--listen", "modbus-tcp:/x"}, "needs //HOST:PORT"},
        {{"sim", "ir-thermometer", "--listen", "modbus-tcp://127.0.0.1:0", "--fault", "fire"},
         "unknown fault"},
        {{"sim", "toaster", "--listen", "modbus-tcp://127.0.0.1:0"}, "toaster"},
    };
    for (const auto& [args, says] : cases) {
        auto run = run_callab(args);
        EXPECT_EQ(run.status, 2) << args[2] << ": " << run.error;
        EXPECT_TRUE(contains(run.error, says)) << run.error;
    }
}

TEST(DeviceCommand, BlackbodyOnAPtyWithAnIrThermometerLookingAtIt) {
    Sim sim({"blackbody", "--listen", "scpi-serial:pty", "--target", "36.0", "--with",
             "ir-thermometer=modbus-rtu:pty?baud=19200"});
    ASSERT_TRUE(sim.process.wait_for_output("ir-thermometer on", std::chrono::seconds(10)));
    const auto out = sim.process.standard_output();
    const auto second = out.find("ir-thermometer on ") + 18;
    const auto thermometer = out.substr(second, out.find('\n', second) - second);
    ASSERT_EQ(sim.uri.rfind("scpi-serial:/dev/pts/", 0), 0U) << sim.uri;

    auto blackbody = run_callab({"device", "read", sim.uri, "--driver", "fluke-4180"});
    ASSERT_EQ(blackbody.status, 0) << blackbody.error;
    EXPECT_TRUE(contains(blackbody.output, " radiance_temperature 36 degC\n")) << blackbody.output;
    EXPECT_TRUE(contains(blackbody.output, " stable 1 one\n")) << blackbody.output;
    auto ir = run_callab({"device", "read", thermometer, "--driver", "ir-thermometer"});
    ASSERT_EQ(ir.status, 0) << ir.error;
    EXPECT_TRUE(contains(ir.output, " object_temperature 36 degC\n")) << ir.output;

    auto refused =
        run_callab({"device", "write", sim.uri, "--driver", "fluke-4180", "emissivity", "0.5"});
    EXPECT_EQ(refused.status, 2);
    EXPECT_TRUE(contains(refused.error, "emissivity = 0.5 is outside its range 0.9 to 1"))
        << refused.error;
}

TEST(DeviceCommand, PowerSourceDrivesTheAnalyserAcrossProcesses) {
    Sim sim({"power-source", "--listen", "scpi-tcp://127.0.0.1:0", "--with",
             "power-analyser=scpi-tcp://127.0.0.1:0"});
    ASSERT_TRUE(sim.process.wait_for_output("power-analyser on", std::chrono::seconds(10)));
    const auto out = sim.process.standard_output();
    const auto second = out.find("power-analyser on ") + 18;
    const auto analyser = out.substr(second, out.find('\n', second) - second);

    auto off = run_callab({"device", "read", analyser, "--driver", "wt300"});
    EXPECT_EQ(off.status, 1);
    EXPECT_TRUE(contains(off.error, "item 6 (LAMBDA,1) is 'NAN' (no data)")) << off.error;
    for (const auto& [setting, value] : std::vector<std::pair<std::string, std::string>>{
             {"voltage", "120"}, {"current", "2"}, {"frequency", "60"}, {"output", "1"}}) {
        auto set =
            run_callab({"device", "write", sim.uri, "--driver", "power-source", setting, value});
        ASSERT_EQ(set.status, 0) << set.error;
    }
    auto on = run_callab({"device", "read", analyser, "--driver", "wt300", "--format", "json"});
    ASSERT_EQ(on.status, 0) << on.error;
    EXPECT_TRUE(contains(on.output, R"("quantity":"active_power","timestamp")")) << on.output;
    EXPECT_TRUE(contains(on.output, R"("unit":"W","value":240.0})")) << on.output;
    EXPECT_TRUE(contains(on.output, R"("unit":"Hz","value":60.0})")) << on.output;
}

TEST(DeviceCommand, ListShowsTheRegistryAndTheShippedProfiles) {
    auto run = run_callab({"device", "list"});
    ASSERT_EQ(run.status, 0);
    for (const std::string name :
         {"ir-thermometer", "calex-pyrousb", "eastron-sdm", "env-sensor"}) {
        EXPECT_TRUE(contains(run.output, "  " + name + " ")) << name;
    }
    EXPECT_TRUE(contains(run.output, "emissivity")) << run.output;
}

} // namespace
} // namespace callab::test_support
