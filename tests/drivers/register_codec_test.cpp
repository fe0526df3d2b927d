#include <callab/drivers/register_codec.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace callab::drivers {
namespace {

using Words = std::vector<std::uint16_t>;

// 36.55 as float32 is 0x42123333 (bytes A=42 B=12 C=33 D=33).
struct Layout {
    WordOrder order;
    Words registers;
};

class Float32Layout : public testing::TestWithParam<Layout> {};

TEST_P(Float32Layout, DecodesAndEncodesTheSameWireBytes) {
    const auto& [order, registers] = GetParam();
    EXPECT_FLOAT_EQ(static_cast<float>(decode_registers(registers, DataType::float32, order)),
                    36.55F);
    EXPECT_EQ(encode_registers(36.55, DataType::float32, order), registers);
}

INSTANTIATE_TEST_SUITE_P(RegisterCodec, Float32Layout,
                         testing::Values(Layout{WordOrder::abcd, {0x4212, 0x3333}},
                                         Layout{WordOrder::cdab, {0x3333, 0x4212}},
                                         Layout{WordOrder::badc, {0x1242, 0x3333}},
                                         Layout{WordOrder::dcba, {0x3333, 0x1242}}));

TEST(RegisterCodec, EastronVoltageFromTheManualFrame) {
    // Reply 01 04 04 43 66 33 34 1B 38 carries 230.2 V in ABCD order; 0x43663334 is one
    // float step above 230.2f, whose shortest decimal is 230.20001.
    EXPECT_EQ(decode_registers(Words{0x4366, 0x3334}, DataType::float32, WordOrder::abcd),
              230.20001);
    EXPECT_EQ(decode_registers(Words{0x4366, 0x3333}, DataType::float32, WordOrder::abcd), 230.2);
}

TEST(RegisterCodec, SignedSixteenBitIsTwosComplement) {
    // SHT20 example: 0xFF33 is -20.5 °C in tenths.
    EXPECT_EQ(decode_registers(Words{0xFF33}, DataType::int16, WordOrder::abcd), -205.0);
    EXPECT_EQ(decode_registers(Words{0xFF33}, DataType::uint16, WordOrder::abcd), 65331.0);
    EXPECT_EQ(encode_registers(-205, DataType::int16, WordOrder::abcd), Words{0xFF33});
}

TEST(RegisterCodec, SixteenBitValuesIgnoreTheWordOrder) {
    for (auto order : {WordOrder::abcd, WordOrder::cdab, WordOrder::badc, WordOrder::dcba}) {
        EXPECT_EQ(decode_registers(Words{0x0131}, DataType::int16, order), 305.0);
    }
}

TEST(RegisterCodec, ThirtyTwoBitIntegersInEveryOrder) {
    // Seeed sensor: 00 00 6E 8C is 28300 (28.3 °C in thousandths).
    EXPECT_EQ(decode_registers(Words{0x0000, 0x6E8C}, DataType::int32, WordOrder::abcd), 28300);
    EXPECT_EQ(decode_registers(Words{0x6E8C, 0x0000}, DataType::int32, WordOrder::cdab), 28300);
    EXPECT_EQ(decode_registers(Words{0x0000, 0x8C6E}, DataType::int32, WordOrder::badc), 28300);
    EXPECT_EQ(decode_registers(Words{0x8C6E, 0x0000}, DataType::int32, WordOrder::dcba), 28300);
    EXPECT_EQ(decode_registers(Words{0xFFFF, 0xFFFE}, DataType::int32, WordOrder::abcd), -2.0);
    EXPECT_EQ(decode_registers(Words{0xFFFF, 0xFFFE}, DataType::uint32, WordOrder::abcd),
              4294967294.0);
    EXPECT_EQ(decode_registers(Words{0xFFFE, 0xFFFF}, DataType::uint32, WordOrder::cdab),
              4294967294.0);
}

TEST(RegisterCodec, RoundTripsEveryTypeInEveryOrder) {
    const std::vector<std::pair<DataType, double>> values{{DataType::int16, -32768},
                                                          {DataType::uint16, 65535},
                                                          {DataType::int32, -123456789},
                                                          {DataType::uint32, 4000000000.0},
                                                          {DataType::float32, -1.5e-3}};
    for (const auto& [type, value] : values) {
        for (auto order : {WordOrder::abcd, WordOrder::cdab, WordOrder::badc, WordOrder::dcba}) {
            const auto words = encode_registers(value, type, order);
            ASSERT_EQ(words.size(), static_cast<std::size_t>(register_count(type)));
            EXPECT_FLOAT_EQ(static_cast<float>(decode_registers(words, type, order)),
                            static_cast<float>(value))
                << to_string(type) << " " << to_string(order);
        }
    }
}

TEST(RegisterCodec, NanAndInfinityAreDecodedAsSuch) {
    EXPECT_TRUE(
        std::isnan(decode_registers(Words{0x7FC0, 0x0000}, DataType::float32, WordOrder::abcd)));
    EXPECT_TRUE(
        std::isinf(decode_registers(Words{0x0000, 0x7F80}, DataType::float32, WordOrder::cdab)));
}

// The largest float decodes to its shortest decimal, 3.4028235e38, which lies just above it;
// it must still fit and encode back to the same registers (found by fuzz_modbus_response).
TEST(RegisterCodec, TheLargestFloatRoundTripsThroughItsShortestDecimal) {
    for (const Words& words : {Words{0x7F7F, 0xFFFF}, Words{0xFF7F, 0xFFFF}}) {
        const double raw = decode_registers(words, DataType::float32, WordOrder::abcd);
        EXPECT_EQ(std::abs(raw), 3.4028235e38);
        ASSERT_TRUE(fits(raw, DataType::float32));
        EXPECT_EQ(encode_registers(raw, DataType::float32, WordOrder::abcd), words);
    }
    EXPECT_FALSE(fits(0x1.ffffffp127, DataType::float32)); // rounds to infinity
    EXPECT_TRUE(fits(std::nextafter(0x1.ffffffp127, 0.0), DataType::float32));
}

TEST(RegisterCodec, WireBytesFollowTheOrderName) {
    using Bytes = std::array<std::uint8_t, 4>;
    EXPECT_EQ(wire_bytes(0xAABBCCDD, WordOrder::abcd), (Bytes{0xAA, 0xBB, 0xCC, 0xDD}));
    EXPECT_EQ(wire_bytes(0xAABBCCDD, WordOrder::cdab), (Bytes{0xCC, 0xDD, 0xAA, 0xBB}));
    EXPECT_EQ(wire_bytes(0xAABBCCDD, WordOrder::badc), (Bytes{0xBB, 0xAA, 0xDD, 0xCC}));
    EXPECT_EQ(wire_bytes(0xAABBCCDD, WordOrder::dcba), (Bytes{0xDD, 0xCC, 0xBB, 0xAA}));
}

TEST(RegisterCodec, FitsChecksTheTypeRange) {
    EXPECT_TRUE(fits(32767, DataType::int16));
    EXPECT_FALSE(fits(32768, DataType::int16));
    EXPECT_FALSE(fits(-1, DataType::uint16));
    EXPECT_FALSE(fits(-1, DataType::uint32));
    EXPECT_FALSE(fits(std::nan(""), DataType::int32));
    EXPECT_TRUE(fits(3.0e38, DataType::float32));
    EXPECT_FALSE(fits(1.0e39, DataType::float32));
}

TEST(RegisterCodec, NamesParseBack) {
    EXPECT_EQ(data_type_from_string("float32"), DataType::float32);
    EXPECT_EQ(word_order_from_string("CDAB"), WordOrder::cdab);
    EXPECT_FALSE(data_type_from_string("float64"));
    EXPECT_FALSE(word_order_from_string("abcd")); // the names are upper case
}

} // namespace
} // namespace callab::drivers
