// What can be checked without external programs; the text of the pages is checked with
// pdftotext in certificate_pdf_text_test.cpp.
#include "support/sample_certificate.hpp"

#include <callab/lab/certificate_pdf.hpp>
#include <callab/lab/errc.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace callab::lab {
namespace {

std::size_t page_objects(const std::string& pdf) {
    std::size_t n = 0;
    const std::string marker = "/Type /Page";
    for (auto at = pdf.find(marker); at != std::string::npos; at = pdf.find(marker, at + 1)) {
        n += pdf.compare(at, marker.size() + 1, marker + "s") != 0; // not the /Pages tree
    }
    return n;
}

TEST(CertificatePdf, IsAPdfDatedByItsIssueDate) {
    const auto pdf = render_certificate_pdf(test::sample_certificate());
    ASSERT_TRUE(pdf) << pdf.error().message();
    EXPECT_TRUE(pdf->starts_with("%PDF-1.5"));
    const auto date = pdf->find("/CreationDate (");
    ASSERT_NE(date, std::string::npos);
    EXPECT_NE(pdf->substr(date, 40).find("20260307000000"), std::string::npos);
    EXPECT_GE(page_objects(*pdf), 2U);
}

TEST(CertificatePdf, SameContentSameBytes) {
    const auto first = render_certificate_pdf(test::sample_certificate());
    const auto second = render_certificate_pdf(test::sample_certificate());
    ASSERT_TRUE(first && second);
    EXPECT_EQ(*first, *second);
    auto other = test::sample_certificate();
    other.number = "CAL-2026-000124";
    const auto third = render_certificate_pdf(other);
    ASSERT_TRUE(third);
    EXPECT_NE(*first, *third);
}

TEST(CertificatePdf, ALongResultsTableTakesMorePages) {
    const auto short_pdf = render_certificate_pdf(test::sample_certificate());
    const auto long_pdf = render_certificate_pdf(test::sample_certificate_with_points(120));
    ASSERT_TRUE(short_pdf && long_pdf);
    EXPECT_GT(page_objects(*long_pdf), page_objects(*short_pdf) + 1);
}

TEST(CertificatePdf, BadContentIsRejectedNamingTheField) {
    auto c = test::sample_certificate();
    c.number.clear();
    EXPECT_EQ(render_certificate_pdf(c).error().field, "number");
    c = test::sample_certificate();
    c.results.clear();
    EXPECT_EQ(render_certificate_pdf(c).error().field, "results");
    c = test::sample_certificate();
    c.results[0].points[0].nominal = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(render_certificate_pdf(c).error().field, "results[0].points[0].nominal");
    c = test::sample_certificate();
    c.results[0].points[1].expanded_uncertainty = -0.01;
    const auto pdf = render_certificate_pdf(c);
    ASSERT_FALSE(pdf);
    EXPECT_EQ(pdf.error().code, errc::invalid_field);
    EXPECT_EQ(pdf.error().field, "results[0].points[1].expanded_uncertainty");
}

TEST(CertificatePdf, AnAddressTooLongForAQrCodeIsAnError) {
    auto c = test::sample_certificate();
    c.verification_url = "https://lab.example.org/verify/" + std::string(8000, 'x');
    const auto pdf = render_certificate_pdf(c);
    ASSERT_FALSE(pdf);
    EXPECT_EQ(pdf.error().code, errc::render_failed);
    EXPECT_EQ(pdf.error().field, "verification_url");
}

TEST(CertificatePdf, AZeroErrorChartAndEqualEnvironmentBoundsRender) {
    auto c = test::sample_certificate();
    for (auto& p : c.results[0].points) {
        p.error = 0;
        p.correction = 0;
        p.expanded_uncertainty = 0;
        p.mpe.reset();
        p.conformity = Conformity::not_stated;
    }
    c.decision_rule = {};
    c.environment.temperature = {23, 23, R"(\degreecelsius)"};
    const auto pdf = render_certificate_pdf(c);
    EXPECT_TRUE(pdf) << pdf.error().message();
}

} // namespace
} // namespace callab::lab
