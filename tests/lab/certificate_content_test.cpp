#include "support/sample_certificate.hpp"

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/errc.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace callab::lab {
namespace {

using test::sample_certificate;

/// The field the check names, or "" when the content passes.
std::string rejected_field(const CertificateContent& content) {
    const auto checked = check_certificate_content(content);
    if (checked) {
        return "";
    }
    EXPECT_EQ(checked.error().code, errc::invalid_field);
    EXPECT_FALSE(checked.error().cause.empty());
    return checked.error().field;
}

TEST(CertificateContent, TheSampleIsComplete) {
    EXPECT_EQ(rejected_field(sample_certificate()), "");
}

TEST(CertificateContent, MissingNumberIsNamed) {
    auto c = sample_certificate();
    c.number = "";
    EXPECT_EQ(rejected_field(c), "number");
    c.number = "   ";
    EXPECT_EQ(rejected_field(c), "number");
}

TEST(CertificateContent, NoResultsIsNamed) {
    auto c = sample_certificate();
    c.results.clear();
    EXPECT_EQ(rejected_field(c), "results");
    c = sample_certificate();
    c.results.front().points.clear();
    EXPECT_EQ(rejected_field(c), "results[0].points");
}

TEST(CertificateContent, NaNValueIsNamed) {
    auto c = sample_certificate();
    c.results.front().points[1].indication = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(rejected_field(c), "results[0].points[1].indication");
    c = sample_certificate();
    c.results.front().points[2].error = std::numeric_limits<double>::infinity();
    EXPECT_EQ(rejected_field(c), "results[0].points[2].error");
}

TEST(CertificateContent, NegativeUncertaintyIsNamedWithItsValue) {
    auto c = sample_certificate();
    c.results.front().points[2].expanded_uncertainty = -0.1;
    const auto checked = check_certificate_content(c);
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().field, "results[0].points[2].expanded_uncertainty");
    EXPECT_NE(checked.error().message().find("-0.1"), std::string::npos);
}

TEST(CertificateContent, CoverageFactorBelowOneIsRejected) {
    auto c = sample_certificate();
    c.results.front().points[0].coverage_factor = 0.5;
    EXPECT_EQ(rejected_field(c), "results[0].points[0].coverage_factor");
}

TEST(CertificateContent, TextForPeopleNeedsBothLanguages) {
    auto c = sample_certificate();
    c.customer.name.en = "";
    EXPECT_EQ(rejected_field(c), "customer.name.en");
    c = sample_certificate();
    c.item.kind.zh = "";
    EXPECT_EQ(rejected_field(c), "item.kind.zh");
    c = sample_certificate();
    c.remarks = {"仅中文", ""};
    EXPECT_EQ(rejected_field(c), "remarks.en");
}

TEST(CertificateContent, TextMustBeUtf8WithoutControlCharacters) {
    auto c = sample_certificate();
    c.item.kind.en = "Infrared\x01thermometer";
    EXPECT_EQ(rejected_field(c), "item.kind.en");
    c = sample_certificate();
    c.customer.name.zh = "示例\xff公司";
    EXPECT_EQ(rejected_field(c), "customer.name.zh");
    c = sample_certificate();
    c.item.model = "IRT\x1b-100";
    EXPECT_EQ(rejected_field(c), "item.model");
    c = sample_certificate();
    c.remarks = {"第一行\n第二行", "line one\nline two"};
    EXPECT_EQ(rejected_field(c), "");
}

TEST(CertificateContent, ConformityNeedsADecisionRuleAndAnMpe) {
    auto c = sample_certificate();
    c.decision_rule = {};
    EXPECT_EQ(rejected_field(c), "decision_rule.zh");
    c = sample_certificate();
    c.results.front().points[0].mpe.reset();
    EXPECT_EQ(rejected_field(c), "results[0].points[0].mpe");
    c = sample_certificate();
    c.results.front().points[1].conformity = Conformity::not_stated;
    EXPECT_EQ(rejected_field(c), "results[0].points[1].conformity");
}

TEST(CertificateContent, CalibrationWithoutConformityNeedsNoDecisionRule) {
    auto c = sample_certificate();
    c.decision_rule = {};
    for (auto& p : c.results.front().points) {
        p.conformity = Conformity::not_stated;
    }
    EXPECT_EQ(rejected_field(c), "");
    c.kind = CertificateKind::verification;
    EXPECT_EQ(rejected_field(c), "results");
}

TEST(CertificateContent, IntervalOnlyWhenTheCustomerAsked) {
    auto c = sample_certificate();
    c.recalibration_interval_months = 12;
    EXPECT_EQ(rejected_field(c), "recalibration_interval_months");
    c.recalibration_interval_requested = true;
    EXPECT_EQ(rejected_field(c), "");
    c.recalibration_interval_months.reset();
    EXPECT_EQ(rejected_field(c), "recalibration_interval_months");
}

TEST(CertificateContent, DatesMustBeInOrder) {
    using namespace std::chrono;
    auto c = sample_certificate();
    c.issue_date = 2026y / March / 4d;
    EXPECT_EQ(rejected_field(c), "issue_date");
    c = sample_certificate();
    c.receipt_date = year_month_day{};
    EXPECT_EQ(rejected_field(c), "receipt_date");
    c = sample_certificate();
    c.reference_standards[1].due_date = 2026y / March / 1d;
    EXPECT_EQ(rejected_field(c), "reference_standards[1].due_date");
}

TEST(CertificateContent, UnknownUnitAndBadHumidityRangeAreNamed) {
    auto c = sample_certificate();
    c.results.front().unit = "degC";
    EXPECT_EQ(rejected_field(c), "results[0].unit");
    c = sample_certificate();
    c.environment.humidity.maximum = 10;
    EXPECT_EQ(rejected_field(c), "environment.humidity.maximum");
}

TEST(CertificateContent, AmendmentNeedsAReasonAndAnotherNumber) {
    auto c = sample_certificate();
    c.replaces_number = "CAL-2026-000100";
    EXPECT_EQ(rejected_field(c), "amendment_reason.zh");
    c.amendment_reason = {"更正出厂编号", "Serial number corrected"};
    EXPECT_EQ(rejected_field(c), "");
    c.replaces_number = c.number;
    EXPECT_EQ(rejected_field(c), "replaces_number");
}

TEST(CertificateContent, ReferenceStandardsAndPeopleAreRequired) {
    auto c = sample_certificate();
    c.reference_standards.clear();
    EXPECT_EQ(rejected_field(c), "reference_standards");
    c = sample_certificate();
    c.reference_standards[0].certificate_number = "";
    EXPECT_EQ(rejected_field(c), "reference_standards[0].certificate_number");
    c = sample_certificate();
    c.signatory.name = {};
    EXPECT_EQ(rejected_field(c), "signatory.name.zh");
    c = sample_certificate();
    c.verification_url = "lab.example.org/verify";
    EXPECT_EQ(rejected_field(c), "verification_url");
}

} // namespace
} // namespace callab::lab
