#include <callab/drivers/errc.hpp>
#include <callab/drivers/scpi_parse.hpp>

#include <gtest/gtest.h>

namespace callab::drivers {
namespace {

TEST(ScpiParse, NumbersInEveryFormat) {
    EXPECT_EQ(parse_scpi_number("42").value(), 42.0);            // NR1
    EXPECT_EQ(parse_scpi_number("-12").value(), -12.0);          // NR1 signed
    EXPECT_EQ(parse_scpi_number("+37.50").value(), 37.5);        // NR2
    EXPECT_EQ(parse_scpi_number(".5").value(), 0.5);             // NR2 without leading digit
    EXPECT_EQ(parse_scpi_number("1.0012E+02").value(), 100.12);  // NR3 (WT300)
    EXPECT_EQ(parse_scpi_number("+123.45E-3").value(), 0.12345); // NR3 with sign
    EXPECT_EQ(parse_scpi_number("2.43e4").value(), 24300.0);     // lower-case exponent
    EXPECT_EQ(parse_scpi_number(" 23.42\r").value(), 23.42);     // blanks and a stray CR
    EXPECT_EQ(parse_scpi_number("-000123E+0").value(), -123.0);  // Hioki fixed width
}

TEST(ScpiParse, SentinelsAreInvalidReadingsNotNumbers) {
    for (const char* text : {"NAN", "nan", "INF", "-INF", "9.91E+37", "9.9E+37", "+9.910E+37",
                             "999.99E+9", "-999.99E+9", "888.88E+9", "777.77E+9"}) {
        const auto parsed = parse_scpi_number(text);
        ASSERT_FALSE(parsed) << text;
        EXPECT_EQ(parsed.error(), errc::invalid_reading) << text;
    }
    EXPECT_EQ(scpi_sentinel_meaning("9.91E+37"), "no data");
    EXPECT_EQ(scpi_sentinel_meaning("INF"), "over-range");
    EXPECT_EQ(scpi_sentinel_meaning("-999.99E+9"), "over-range");
    EXPECT_EQ(scpi_sentinel_meaning("888.88E+9"), "scaling error");
    EXPECT_FALSE(scpi_sentinel_meaning("9.89E+37"));
}

// Found by fuzz_scpi_response: a number beyond double's range was read as 0, a made-up
// reading; it is over-range, and one below the smallest double is zero as strtod reads it.
TEST(ScpiParse, NumbersBeyondTheRangeOfDoubleAreInvalidReadingsNotZero) {
    for (const char* text : {"1E999", "-1.0E+400", "+9.99E+308"}) {
        const auto parsed = parse_scpi_number(text);
        ASSERT_FALSE(parsed) << text << " read as " << parsed.value();
        EXPECT_EQ(parsed.error(), errc::invalid_reading) << text;
    }
    EXPECT_EQ(parse_scpi_number("1E-400").value(), 0.0);
    EXPECT_EQ(parse_scpi_number("4.9E-324").value(), 4.9E-324);
}

TEST(ScpiParse, AnythingElseIsAProtocolError) {
    for (const char* text :
         {"", "abc", "1.2.3", "1E", "E5", "+", "-.", "12 V", "0x1A", "3,5", "2?.5", "\x01\xff"}) {
        const auto parsed = parse_scpi_number(text);
        ASSERT_FALSE(parsed) << text;
        EXPECT_EQ(parsed.error(), errc::protocol_error) << text;
    }
}

TEST(ScpiParse, ListsSplitOnCommasOutsideQuotes) {
    const auto items = split_scpi_list("1.0E+02, 2.5E+00 ,NAN,\"a,b\"");
    ASSERT_EQ(items.size(), 4U);
    EXPECT_EQ(items[0], "1.0E+02");
    EXPECT_EQ(items[1], "2.5E+00");
    EXPECT_EQ(items[2], "NAN");
    EXPECT_EQ(items[3], "\"a,b\"");
    EXPECT_EQ(split_scpi_list("5").size(), 1U);
}

TEST(ScpiParse, ErrorQueueEntries) {
    const auto none = parse_scpi_error("0,\"No error\"").value();
    EXPECT_EQ(none.code, 0);
    EXPECT_EQ(none.message, "No error");
    const auto header = parse_scpi_error("-113,\"Undefined header\"").value();
    EXPECT_EQ(header.code, -113);
    EXPECT_EQ(header.message, "Undefined header");
    const auto comma = parse_scpi_error("+222,\"Data out of range, limit 500\"").value();
    EXPECT_EQ(comma.code, 222);
    EXPECT_EQ(comma.message, "Data out of range, limit 500");
    EXPECT_EQ(parse_scpi_error("-056,\", f \"").value().code, -56); // <NR1> may have leading zeros
    for (const char* text :
         {"", "No error", "0", "x,\"y\"", "0,No error", "-1,\"a\",2", "+-113,\"-+ \"", "+,\"a\""}) {
        EXPECT_EQ(parse_scpi_error(text).error(), errc::protocol_error) << text;
    }
}

} // namespace
} // namespace callab::drivers
