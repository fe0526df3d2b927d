#include <callab/drivers/connection_uri.hpp>

#include <gtest/gtest.h>

namespace callab::drivers {
namespace {

TEST(ConnectionUri, ParsesModbusTcpWithOptions) {
    const auto parsed = parse_connection_uri("modbus-tcp://127.0.0.1:1502?unit=7");
    ASSERT_TRUE(parsed) << parsed.error;
    EXPECT_EQ(parsed.uri.scheme, "modbus-tcp");
    EXPECT_EQ(parsed.uri.host, "127.0.0.1");
    EXPECT_EQ(parsed.uri.port, 1502);
    EXPECT_EQ(parsed.uri.options.at("unit"), "7");
    EXPECT_EQ(parsed.uri.to_string(), "modbus-tcp://127.0.0.1:1502?unit=7");
}

TEST(ConnectionUri, ParsesSerialPathAndSettings) {
    const auto parsed =
        parse_connection_uri("modbus-rtu:/dev/ttyUSB0?baud=9600&parity=N&data=8&stop=1&unit=1");
    ASSERT_TRUE(parsed) << parsed.error;
    EXPECT_EQ(parsed.uri.path, "/dev/ttyUSB0");
    EXPECT_FALSE(parsed.uri.is_network());
    EXPECT_EQ(parsed.uri.options.size(), 5U);
    EXPECT_EQ(parsed.uri.options.at("baud"), "9600");
}

TEST(ConnectionUri, PortZeroOnlyWhenListening) {
    EXPECT_FALSE(parse_connection_uri("modbus-tcp://127.0.0.1:0"));
    EXPECT_TRUE(parse_connection_uri("modbus-tcp://127.0.0.1:0", true));
}

struct BadUri {
    const char* text;
    const char* says;
};

class RejectsBadUri : public testing::TestWithParam<BadUri> {};

TEST_P(RejectsBadUri, WithAMessageNamingTheCause) {
    const auto parsed = parse_connection_uri(GetParam().text);
    EXPECT_FALSE(parsed);
    EXPECT_NE(parsed.error.find(GetParam().says), std::string::npos) << parsed.error;
}

INSTANTIATE_TEST_SUITE_P(ConnectionUri, RejectsBadUri,
                         testing::Values(BadUri{"", "no scheme"},
                                         BadUri{"127.0.0.1:502", "unknown scheme"},
                                         BadUri{"http://x:80", "unknown scheme"},
                                         BadUri{"modbus-tcp:127.0.0.1:502", "needs //HOST:PORT"},
                                         BadUri{"modbus-tcp://127.0.0.1", "HOST:PORT"},
                                         BadUri{"modbus-tcp://:502", "HOST:PORT"},
                                         BadUri{"modbus-tcp://h:99999", "port '99999'"},
                                         BadUri{"modbus-tcp://h:50x2", "port '50x2'"},
                                         BadUri{"modbus-tcp://h:502?unit", "key=value"},
                                         BadUri{"modbus-tcp://h:502?unit=1&unit=2", "given twice"},
                                         BadUri{"modbus-rtu:", "device path"},
                                         BadUri{"scpi-serial://host:1", "device path"}));

} // namespace
} // namespace callab::drivers
