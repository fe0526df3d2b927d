#include "records_fixture.hpp"

namespace callab::test_support {
namespace {

using SqlStandardStoreTest = RecordsTest;

TEST_P(SqlStandardStoreTest, CertificatesAreVersionedAndTheLatestCounts) {
    const auto standard = add_standard(day(2026, 6, 30));
    const auto second =
        standards_.add_certificate({lab::CertificateId{}, standard.id, 0, "NIM-2026-002", "NIM",
                                    day(2026, 6, 1), day(2027, 6, 1), "U = 0.15 °C (k = 2)"},
                                   "admin");
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(second->version, 2);
    const auto all = standards_.certificates_of(standard.id);
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].number, "NIM-2025-001");
    EXPECT_EQ(all[0].due_on, day(2026, 6, 30));
    EXPECT_EQ(standards_.latest_certificate(standard.id)->number, "NIM-2026-002");
}

TEST_P(SqlStandardStoreTest, ACertificateDueBeforeItsCalibrationIsRefused) {
    const auto standard = add_standard(day(2026, 6, 30));
    const auto bad = standards_.add_certificate(
        {lab::CertificateId{}, standard.id, 0, "X", "NIM", day(2026, 6, 1), day(2026, 5, 1), ""},
        "admin");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("due_on"), std::string::npos);
}

TEST_P(SqlStandardStoreTest, TraceabilityParentMustExist) {
    const auto bad =
        standards_.add_standard({"Thermometer", "", "", "T1", lab::StandardId{55}, ""}, "admin");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, lab::errc::not_found);
    const auto parent = add_standard(day(2027, 1, 1));
    const auto child =
        standards_.add_standard({"Thermometer", "", "", "T1", parent.id, ""}, "admin");
    ASSERT_TRUE(child);
    EXPECT_EQ(standards_.find_standard(child->id)->data.traceability_parent, parent.id);
}

TEST_P(SqlStandardStoreTest, StatusChangesNeedAReasonAndRetiredIsFinal) {
    const auto standard = add_standard(day(2027, 1, 1));
    EXPECT_FALSE(standards_.set_status(standard.id, lab::StandardStatus::suspended, "", "m"));
    ASSERT_TRUE(standards_.set_status(standard.id, lab::StandardStatus::suspended,
                                      "failed intermediate check", "m"));
    EXPECT_EQ(standards_.find_standard(standard.id)->status, lab::StandardStatus::suspended);
    ASSERT_TRUE(standards_.set_status(standard.id, lab::StandardStatus::retired, "old", "m"));
    const auto again =
        standards_.set_status(standard.id, lab::StandardStatus::in_service, "x", "m");
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, lab::errc::invalid_transition);
}

TEST_P(SqlStandardStoreTest, KeepsIntermediateChecks) {
    const auto standard = add_standard(day(2027, 1, 1));
    const auto checker = add_user("checker", lab::Role::technician);
    standards_.add_intermediate_check(
        {standard.id, day(2026, 3, 1), true, "37.02 °C at 37 °C", checker.id}, "checker");
    const auto checks = standards_.intermediate_checks_of(standard.id);
    ASSERT_EQ(checks.size(), 1U);
    EXPECT_TRUE(checks[0].passed);
    EXPECT_EQ(checks[0].checked_on, day(2026, 3, 1));
}

TEST_P(SqlStandardStoreTest, ProceduresAreVersionedByCode) {
    const auto first = standards_.add_procedure_version(forehead_procedure(), "admin");
    ASSERT_TRUE(first) << first.error().message;
    auto changed = forehead_procedure();
    changed.test_points = {35.0, 36.0, 37.0, 39.0};
    const auto second = standards_.add_procedure_version(changed, "admin");
    ASSERT_TRUE(second);
    EXPECT_EQ(first->version, 1);
    EXPECT_EQ(second->version, 2);
    const auto latest = standards_.latest_procedure("IRT-FOREHEAD");
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->data.test_points, changed.test_points);
    const auto original = standards_.find_procedure(first->id);
    ASSERT_TRUE(original);
    EXPECT_EQ(original->data.test_points, (std::vector<double>{35.0, 37.0, 39.0}));
    ASSERT_EQ(original->data.uncertainty_inputs.size(), 2U);
    EXPECT_EQ(original->data.uncertainty_inputs[1].distribution, "rectangular");
    EXPECT_EQ(original->data.decision_rule, lab::DecisionRule::guard_band);
    EXPECT_EQ(original->data.fee_cents, 5000);
}

TEST_P(SqlStandardStoreTest, AnInvalidProcedureIsRefused) {
    auto bad = forehead_procedure();
    bad.test_points.clear();
    const auto added = standards_.add_procedure_version(bad, "admin");
    ASSERT_FALSE(added);
    EXPECT_NE(added.error().message.find("test_points"), std::string::npos);
}

CALLAB_STORE_TEST_SUITE(SqlStandardStoreTest);

} // namespace
} // namespace callab::test_support
