#include "resource_routes.hpp"

#include <gtest/gtest.h>

namespace callab::web {
namespace {

using Segments = std::vector<std::string_view>;

TEST(ResourceRoutesTest, APathIsUnderItsBaseOnlyAtASlash) {
    EXPECT_TRUE(path_is_under("/api/bookings", "/api/bookings"));
    EXPECT_TRUE(path_is_under("/api/bookings/7", "/api/bookings"));
    EXPECT_FALSE(path_is_under("/api/bookingsx", "/api/bookings"));
    EXPECT_FALSE(path_is_under("/api/book", "/api/bookings"));
}

TEST(ResourceRoutesTest, SplitsTheSegmentsAfterTheBase) {
    EXPECT_EQ(path_segments("/api/bookings", "/api/bookings"), Segments{});
    EXPECT_EQ(path_segments("/api/bookings/42", "/api/bookings"), Segments{"42"});
    EXPECT_EQ(path_segments("/api/bookings/42/return", "/api/bookings"),
              (Segments{"42", "return"}));
}

TEST(ResourceRoutesTest, KeepsEmptySegmentsSoOddPathsMatchNoRoute) {
    EXPECT_EQ(path_segments("/api/bookings/", "/api/bookings"), Segments{""});
    EXPECT_EQ(path_segments("/api/bookings//7", "/api/bookings"), (Segments{"", "7"}));
}

TEST(ResourceRoutesTest, IdsArePositiveDecimalIntegers) {
    EXPECT_EQ(parse_id("42"), 42);
    for (const auto* text : {"0", "-1", "4x", "", " 4", "99999999999999999999"}) {
        EXPECT_FALSE(parse_id(text)) << text;
    }
}

} // namespace
} // namespace callab::web
