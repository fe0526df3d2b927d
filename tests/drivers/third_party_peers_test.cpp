// callab against Modbus implementations it did not write: `callab device read` against a
// pymodbus server (TCP, and RTU over a socat pty pair), and mbpoll against `callab sim`.
#include "support/callab_run.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

namespace callab::test_support {
namespace {

const std::string python = "/usr/bin/python3";
const std::string pymodbus_server = std::string(CALLAB_TEST_DIR) + "/peers/pymodbus_server.py";

// Every reading of `callab device read --format json`, by quantity.
std::map<std::string, double> values_of(const std::string& json_lines) {
    std::map<std::string, double> values;
    std::istringstream in(json_lines);
    for (std::string line; std::getline(in, line);) {
        const auto reading = nlohmann::json::parse(line);
        values[reading.at("quantity").get<std::string>()] = reading.at("value").get<double>();
    }
    return values;
}

const char* word_order_profile = R"({
  "name": "word-orders", "description": "float32, int32, uint32 in every word order",
  "quantities": [
    {"name": "float_abcd", "register": "input", "address": 100, "type": "float32", "word_order": "ABCD", "unit": "degC"},
    {"name": "float_cdab", "register": "input", "address": 102, "type": "float32", "word_order": "CDAB", "unit": "degC"},
    {"name": "float_badc", "register": "input", "address": 104, "type": "float32", "word_order": "BADC", "unit": "degC"},
    {"name": "float_dcba", "register": "input", "address": 106, "type": "float32", "word_order": "DCBA", "unit": "degC"},
    {"name": "int_abcd", "register": "input", "address": 120, "type": "int32", "word_order": "ABCD", "unit": "one"},
    {"name": "int_cdab", "register": "input", "address": 122, "type": "int32", "word_order": "CDAB", "unit": "one"},
    {"name": "int_badc", "register": "input", "address": 124, "type": "int32", "word_order": "BADC", "unit": "one"},
    {"name": "int_dcba", "register": "input", "address": 126, "type": "int32", "word_order": "DCBA", "unit": "one"},
    {"name": "uint_abcd", "register": "input", "address": 140, "type": "uint32", "word_order": "ABCD", "unit": "one"},
    {"name": "uint_cdab", "register": "input", "address": 142, "type": "uint32", "word_order": "CDAB", "unit": "one"},
    {"name": "uint_badc", "register": "input", "address": 144, "type": "uint32", "word_order": "BADC", "unit": "one"},
    {"name": "uint_dcba", "register": "input", "address": 146, "type": "uint32", "word_order": "DCBA", "unit": "one"}
  ]})";

// Reads every documented map from a pymodbus server reached at `base` (a URI without options
// or with serial options ending in '&').
void expect_documented_maps(const std::string& base, const std::string& separator,
                            const TemporaryDirectory& dir) {
    auto ir = run_callab({"device", "read", base + separator + "unit=1", "--driver",
                          "ir-thermometer", "--format", "json"});
    ASSERT_EQ(ir.status, 0) << ir.error;
    auto values = values_of(ir.output);
    EXPECT_EQ(values.at("object_temperature"), 37.1);
    EXPECT_EQ(values.at("ambient_temperature"), 23.0);
    EXPECT_EQ(values.at("emissivity"), 0.95);

    auto env = run_callab({"device", "read", base + separator + "unit=2", "--driver", "env-sensor",
                           "--format", "json"});
    ASSERT_EQ(env.status, 0) << env.error;
    values = values_of(env.output);
    EXPECT_EQ(values.at("temperature"), -20.5);
    EXPECT_EQ(values.at("humidity"), 54.6);

    auto meter = run_callab({"device", "read", base + separator + "unit=1", "--driver",
                             "eastron-sdm", "--format", "json"});
    ASSERT_EQ(meter.status, 0) << meter.error;
    values = values_of(meter.output);
    EXPECT_EQ(values.at("voltage"), 230.2);
    EXPECT_EQ(values.at("current"), 5.0);
    EXPECT_EQ(values.at("active_power"), 1127.98);
    EXPECT_EQ(values.at("power_factor"), 0.98);
    EXPECT_EQ(values.at("frequency"), 50.0);

    const auto profile = dir.path() / "word-orders.json";
    std::ofstream(profile) << word_order_profile;
    auto orders = run_callab({"device", "read", base + separator + "unit=1", "--profile",
                              profile.string(), "--format", "json"});
    ASSERT_EQ(orders.status, 0) << orders.error;
    values = values_of(orders.output);
    for (const std::string order : {"abcd", "cdab", "badc", "dcba"}) {
        EXPECT_EQ(values.at("float_" + order), 36.55) << order;
        EXPECT_EQ(values.at("int_" + order), -123456789) << order;
        EXPECT_EQ(values.at("uint_" + order), 4000000000.0) << order;
    }
}

TEST(PymodbusPeer, TcpServerIsReadCorrectlyByCallabDeviceRead) {
    TemporaryDirectory dir;
    const auto port = free_tcp_port();
    ChildProcess server({python, pymodbus_server, "tcp", std::to_string(port)}, dir.path());
    ASSERT_TRUE(wait_for_tcp_port(port, std::chrono::seconds(20))) << server.standard_error();
    expect_documented_maps("modbus-tcp://127.0.0.1:" + std::to_string(port), "?", dir);
}

TEST(PymodbusPeer, RtuServerOnAPtyPairIsReadCorrectlyByCallabDeviceRead) {
    TemporaryDirectory dir;
    PtyPair pair(dir.path());
    ASSERT_TRUE(pair.ready()) << "socat did not create the pty pair";
    TemporaryDirectory server_dir;
    ChildProcess server({python, pymodbus_server, "rtu", pair.first().string(), "9600"},
                        server_dir.path());
    ASSERT_TRUE(server.wait_for_output("ready", std::chrono::seconds(20)))
        << server.standard_error();
    // The serial port opens a moment after "ready": wait until the server answers.
    const std::string base = "modbus-rtu:" + pair.second().string() + "?baud=9600";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (run_callab({"device", "read", base, "--driver", "ir-thermometer"}).status != 0 &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    expect_documented_maps(
        "modbus-rtu:" + pair.second().string() + "?baud=9600&parity=N&data=8&stop=1", "&", dir);
}

// Starts `callab sim ARGS...` and returns the URI it prints.
std::string start_sim(ChildProcess& sim) {
    EXPECT_TRUE(sim.wait_for_output("\n", std::chrono::seconds(10))) << sim.standard_error();
    const auto out = sim.standard_output();
    const auto on = out.find(" on ");
    return out.substr(on + 4, out.find('\n') - on - 4);
}

TEST(MbpollPeer, ReadsTheIrThermometerSimulatorAndWritesEmissivityOverTcp) {
    TemporaryDirectory dir;
    ChildProcess sim({CALLAB_BINARY, "sim", "ir-thermometer", "--listen",
                      "modbus-tcp://127.0.0.1:0", "--target", "36.6"},
                     dir.path());
    const auto uri = start_sim(sim);
    const auto port = uri.substr(uri.rfind(':') + 1, uri.find('?') - uri.rfind(':') - 1);

    auto read = run_program({"/usr/bin/mbpoll", "-m", "tcp", "-p", port, "-a", "1", "-t", "4", "-0",
                             "-r", "0", "-c", "3", "-1", "127.0.0.1"});
    ASSERT_EQ(read.status, 0) << read.output << read.error;
    EXPECT_NE(read.output.find("[0]: \t366"), std::string::npos) << read.output;
    EXPECT_NE(read.output.find("[1]: \t230"), std::string::npos) << read.output;
    EXPECT_NE(read.output.find("[2]: \t950"), std::string::npos) << read.output;

    auto write = run_program({"/usr/bin/mbpoll", "-m", "tcp", "-p", port, "-a", "1", "-t", "4",
                              "-0", "-r", "2", "-1", "127.0.0.1", "980"});
    ASSERT_EQ(write.status, 0) << write.output << write.error;
    auto check =
        run_callab({"device", "read", uri, "--driver", "ir-thermometer", "--format", "json"});
    ASSERT_EQ(check.status, 0) << check.error;
    EXPECT_EQ(values_of(check.output).at("emissivity"), 0.98);
}

TEST(MbpollPeer, ReadsSimulatorsOverRtuOnTheirPty) {
    TemporaryDirectory dir;
    ChildProcess sensor({CALLAB_BINARY, "sim", "env-sensor", "--listen", "modbus-rtu:pty?baud=9600",
                         "--target", "-20.5"},
                        dir.path());
    const auto sensor_uri = start_sim(sensor);
    const auto sensor_path = sensor_uri.substr(11, sensor_uri.find('?') - 11);
    auto read = run_program({"/usr/bin/mbpoll", "-m", "rtu", "-a", "1", "-b", "9600", "-P", "none",
                             "-t", "3", "-0", "-r", "1", "-c", "2", "-1", sensor_path});
    ASSERT_EQ(read.status, 0) << read.output << read.error;
    EXPECT_NE(read.output.find("[1]: \t65331 (-205)"), std::string::npos) << read.output;
    EXPECT_NE(read.output.find("[2]: \t450"), std::string::npos) << read.output;

    TemporaryDirectory meter_dir;
    ChildProcess meter({CALLAB_BINARY, "sim", "energy-meter", "--listen",
                        "modbus-rtu:pty?baud=9600", "--target", "230.2"},
                       meter_dir.path());
    const auto meter_uri = start_sim(meter);
    const auto meter_path = meter_uri.substr(11, meter_uri.find('?') - 11);
    auto floats =
        run_program({"/usr/bin/mbpoll", "-m", "rtu", "-a", "1", "-b", "9600", "-P", "none", "-t",
                     "3:float", "-B", "-0", "-r", "0", "-c", "1", "-1", meter_path});
    ASSERT_EQ(floats.status, 0) << floats.output << floats.error;
    EXPECT_NE(floats.output.find("[0]: \t230.2"), std::string::npos) << floats.output;

    // Emissivity of the pyrometer, written by mbpoll over RTU and read back by callab.
    TemporaryDirectory pyrometer_dir;
    ChildProcess pyrometer(
        {CALLAB_BINARY, "sim", "pyrometer", "--listen", "modbus-rtu:pty?baud=9600"},
        pyrometer_dir.path());
    const auto pyrometer_uri = start_sim(pyrometer);
    const auto pyrometer_path = pyrometer_uri.substr(11, pyrometer_uri.find('?') - 11);
    auto write = run_program({"/usr/bin/mbpoll", "-m", "rtu", "-a", "1", "-b", "9600", "-P", "none",
                              "-t", "4", "-0", "-r", "8", "-1", pyrometer_path, "9100"});
    ASSERT_EQ(write.status, 0) << write.output << write.error;
    auto check = run_callab(
        {"device", "read", pyrometer_uri, "--driver", "calex-pyrousb", "--format", "json"});
    ASSERT_EQ(check.status, 0) << check.error;
    EXPECT_EQ(values_of(check.output).at("emissivity"), 0.91);
}

} // namespace
} // namespace callab::test_support
