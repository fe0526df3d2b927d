// Status machines, the standards gate and the field checks of registered records.
#include <callab/lab/booking.hpp>
#include <callab/lab/enterprise.hpp>
#include <callab/lab/job_status.hpp>
#include <callab/lab/password_hash.hpp>
#include <callab/lab/procedure.hpp>
#include <callab/lab/standard_usability.hpp>
#include <callab/lab/user.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

Date day(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(JobStatus, FollowsTheMachine) {
    using enum JobStatus;
    EXPECT_TRUE(job_transition_allowed(draft, measuring));
    EXPECT_TRUE(job_transition_allowed(approved, issued));
    EXPECT_TRUE(job_transition_allowed(reviewed, returned));
    EXPECT_TRUE(job_transition_allowed(returned, measuring));
    EXPECT_FALSE(job_transition_allowed(draft, reviewed));
    EXPECT_FALSE(job_transition_allowed(issued, cancelled));
    EXPECT_FALSE(job_transition_allowed(issued, returned));
    EXPECT_TRUE(job_transition_allowed(measured, cancelled));
}

TEST(BookingStatus, FollowsTheMachine) {
    using enum BookingStatus;
    EXPECT_TRUE(booking_transition_allowed(requested, approved));
    EXPECT_TRUE(booking_transition_allowed(approved, checked_out));
    EXPECT_TRUE(booking_transition_allowed(checked_out, returned));
    EXPECT_FALSE(booking_transition_allowed(checked_out, cancelled));
    EXPECT_FALSE(booking_transition_allowed(returned, checked_out));
    EXPECT_TRUE(booking_holds_slot(checked_out));
    EXPECT_FALSE(booking_holds_slot(no_show));
}

TEST(StandardUsability, DueDayIsStillUsableTheDayAfterIsNot) {
    ReferenceStandard standard{
        StandardId{1}, {"Blackbody", "", "", "", {}, ""}, StandardStatus::in_service};
    StandardCertificate certificate{CertificateId{1}, standard.id,      1, "C-1", "NIM",
                                    day(2025, 1, 31), day(2026, 1, 31), ""};
    EXPECT_TRUE(check_standard_usable(standard, certificate, day(2026, 1, 31), std::nullopt));
    const auto overdue =
        check_standard_usable(standard, certificate, day(2026, 2, 1), std::nullopt);
    ASSERT_FALSE(overdue);
    EXPECT_EQ(overdue.error().message,
              "standard 1 (Blackbody) is overdue: certificate C-1 was due 2026-01-31");
    EXPECT_FALSE(check_standard_usable(standard, std::nullopt, day(2026, 1, 1), std::nullopt));
}

TEST(StandardUsability, RetiredStaysUnusableEvenWithAnOverride) {
    ReferenceStandard standard{
        StandardId{1}, {"Blackbody", "", "", "", {}, ""}, StandardStatus::retired};
    const auto refused = check_standard_usable(standard, std::nullopt, day(2026, 1, 1),
                                               UsageOverride{UserId{9}, Role::manager, "needed"});
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("retired"), std::string::npos);
}

TEST(RecordValidation, UsersEnterprisesAndProcedures) {
    EXPECT_TRUE(validate_user({"li.wei", Role::technician, std::nullopt, "Li Wei"}));
    EXPECT_FALSE(validate_user({"Li Wei", Role::technician, std::nullopt, ""}));
    EXPECT_FALSE(validate_user({"ent", Role::enterprise_user, std::nullopt, ""}));
    EXPECT_FALSE(validate_user({"tech", Role::technician, EnterpriseId{1}, ""}));
    NewEnterprise e{"A", "91350100M000100Y43", "", "", SizeClass::micro, ""};
    EXPECT_EQ(validate_enterprise(e).error().message, "region: empty");
    NewProcedure p;
    p.code = "P";
    p.test_points = {37.0};
    p.decision_rule = DecisionRule::guard_band;
    EXPECT_NE(validate_procedure(p).error().message.find("guard_band_factor"), std::string::npos);
    p.guard_band_factor = 0.83;
    EXPECT_TRUE(validate_procedure(p));
}

TEST(PasswordHash, IsArgon2idAndVerifies) {
    const auto hash = hash_password("correct horse battery");
    EXPECT_TRUE(hash.starts_with("$argon2id$"));
    EXPECT_TRUE(verify_password(hash, "correct horse battery"));
    EXPECT_FALSE(verify_password(hash, "correct horse"));
    EXPECT_NE(hash_password("correct horse battery"), hash); // salted
}

} // namespace
} // namespace callab::lab
