#include "login_limiter.hpp"

#include <gtest/gtest.h>

namespace callab::web {
namespace {

using std::chrono::seconds;

TEST(LoginLimiter, RefusesAfterTheLimitUntilTheOldestFailureLeavesTheWindow) {
    LoginLimiter limiter(3, seconds(60));
    const LoginLimiter::Clock::time_point t0{};
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(limiter.wait_for("user:a", t0 + seconds(i)), seconds(0));
        limiter.record_failure("user:a", t0 + seconds(i));
    }
    EXPECT_EQ(limiter.wait_for("user:a", t0 + seconds(10)), seconds(50));
    EXPECT_EQ(limiter.wait_for("user:b", t0 + seconds(10)), seconds(0));
    EXPECT_EQ(limiter.wait_for("user:a", t0 + seconds(60)), seconds(0));
}

TEST(LoginLimiter, ResetForgetsTheFailures) {
    LoginLimiter limiter(1, seconds(60));
    const LoginLimiter::Clock::time_point t0{};
    limiter.record_failure("addr:127.0.0.1", t0);
    EXPECT_GT(limiter.wait_for("addr:127.0.0.1", t0), seconds(0));
    limiter.reset("addr:127.0.0.1");
    EXPECT_EQ(limiter.wait_for("addr:127.0.0.1", t0), seconds(0));
}

// Found by the security pass: every failed login under a new username (up to the 1 MiB body
// limit long) stayed in the map for good.
TEST(LoginLimiter, ForgetsKeysWhoseFailuresHaveLeftTheWindow) {
    LoginLimiter limiter(5, seconds(60));
    const LoginLimiter::Clock::time_point t0{};
    for (int i = 0; i < 2000; ++i) {
        limiter.record_failure("user:u" + std::to_string(i), t0);
    }
    EXPECT_EQ(limiter.keys(), 2000U);
    for (int i = 0; i < 100; ++i) {
        limiter.record_failure("user:v" + std::to_string(i), t0 + seconds(60));
    }
    EXPECT_EQ(limiter.keys(), 100U);
    EXPECT_EQ(limiter.wait_for("user:u1", t0 + seconds(60)), seconds(0));
}

} // namespace
} // namespace callab::web
