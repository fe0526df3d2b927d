#include <callab/lab/certificate_number.hpp>
#include <callab/lab/issued_certificate.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

TEST(CertificateNumber, FillsYearAndZeroPaddedSequence) {
    EXPECT_EQ(format_certificate_number("CAL-{year}-{seq:6}", 2026, 123).value(),
              "CAL-2026-000123");
    EXPECT_EQ(format_certificate_number("JL{year}{seq:4}", 2026, 7).value(), "JL20260007");
    EXPECT_EQ(format_certificate_number("R-{seq}", 2026, 1234567).value(), "R-1234567");
    EXPECT_EQ(format_certificate_number("C{seq:2}", 2026, 1234).value(), "C1234");
}

TEST(CertificateNumber, RefusesPatternsThatCannotGiveANumber) {
    for (const char* bad : {"CAL-{year}", "CAL-{seq:0}", "CAL-{seq:13}", "CAL-{seq:x}",
                            "CAL-{month}-{seq}", "CAL-{seq", "CAL {seq}", "CAL/{seq}"}) {
        const auto number = format_certificate_number(bad, 2026, 1);
        ASSERT_FALSE(number) << bad;
        EXPECT_EQ(number.error().code, errc::invalid_field);
        EXPECT_NE(number.error().message.find("number_pattern"), std::string::npos);
    }
}

TEST(CertificateNumber, Base64RoundTripsBinaryBytes) {
    const std::string bytes("%PDF\0\xff\x01 end", 11); // eleven bytes, one of them NUL
    const auto text = encode_base64(bytes);
    EXPECT_EQ(text, "JVBERgD/ASBlbmQ=");
    EXPECT_EQ(decode_base64(text).value(), bytes);
    EXPECT_FALSE(decode_base64("not base64!"));
}

} // namespace
} // namespace callab::lab
