#include <callab/lab/credit_code.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

// The example code printed in GB 32100-2015 (Fuzhou).
TEST(CreditCode, AcceptsTheStandardsExample) {
    EXPECT_TRUE(validate_credit_code("91350100M000100Y43"));
    EXPECT_EQ(credit_code_check_character("91350100M000100Y4"), '3');
}

TEST(CreditCode, CheckCharacterCanBeALetterOrZero) {
    for (const std::string first17 : {"91310000MA1FL1JP2", "91110108MA01KRL88"}) {
        const auto check = credit_code_check_character(first17);
        ASSERT_TRUE(check);
        EXPECT_TRUE(validate_credit_code(first17 + *check));
    }
    EXPECT_EQ(credit_code_check_character("00000000000000000"), '0');
}

TEST(CreditCode, NamesAWrongCheckCharacter) {
    const auto result = validate_credit_code("91350100M000100Y44");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, errc::invalid_field);
    EXPECT_EQ(result.error().message,
              "credit_code: '91350100M000100Y44' has check character '4', expected '3'");
}

TEST(CreditCode, RefusesWrongLengthAndForbiddenLetters) {
    EXPECT_NE(validate_credit_code("91350100M000100Y4").error().message.find("17 characters"),
              std::string::npos);
    // I, O, S, V and Z are not used.
    const auto letter = validate_credit_code("91350100M0001O0Y43");
    ASSERT_FALSE(letter);
    EXPECT_NE(letter.error().message.find("'O' at position 14"), std::string::npos);
    EXPECT_FALSE(validate_credit_code("91350100m000100Y43"));
}

} // namespace
} // namespace callab::lab
