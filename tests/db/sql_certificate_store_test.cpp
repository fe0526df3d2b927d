// Issuing, amending, revoking and verifying certificates on the SQL store, on both backends.
#include "certificate_fixture.hpp"

#include <callab/db/sql_statistics_store.hpp>
#include <callab/lab/certificate_dcc.hpp>
#include <callab/lab/certificate_digest.hpp>

namespace callab::test_support {
namespace {

using Status = lab::CertificateStatus;

TEST_P(CertificateTest, IssuesAnApprovedJobWithANumberAndFrozenDocuments) {
    const auto job = job_up_to(lab::JobStatus::approved);
    const auto issued = service_.issue(job.id, content(), signatory_);
    ASSERT_TRUE(issued) << issued.error().message;
    EXPECT_EQ(issued->number, "CAL-2026-000001");
    EXPECT_EQ(issued->sequence, 1);
    EXPECT_EQ(jobs_.find_job(job.id)->status, lab::JobStatus::issued);

    const auto stored = certificates_.find_certificate("CAL-2026-000001");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->pdf.substr(0, 5), "%PDF-");
    EXPECT_EQ(stored->pdf, issued->pdf);
    EXPECT_EQ(stored->dcc, issued->dcc);
    const auto digest = lab::digest_certificate(stored->pdf, stored->dcc);
    EXPECT_EQ(stored->pdf_sha256, digest.pdf_sha256);
    EXPECT_EQ(stored->dcc_sha256, digest.dcc_sha256);
    EXPECT_NE(stored->dcc.find("CAL-2026-000001"), std::string::npos);
    EXPECT_EQ(stored->instrument, "Infrared forehead thermometer IRT-100 SN20240815001");
    EXPECT_EQ(stored->issue_date, day(2026, 3, 7));
    const auto valid = lab::validate_dcc(stored->dcc, CALLAB_DCC_SCHEMA_DIR);
    EXPECT_TRUE(valid) << valid.error().message();
}

TEST_P(CertificateTest, IssuingTwiceIsRefusedAndNothingIsAdded) {
    const auto job = job_up_to(lab::JobStatus::approved);
    ASSERT_TRUE(service_.issue(job.id, content(), signatory_));
    const auto again = service_.issue(job.id, content(), signatory_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, lab::errc::invalid_transition);
    EXPECT_NE(again.error().message.find("already issued"), std::string::npos);
    EXPECT_FALSE(certificates_.find_certificate("CAL-2026-000002"));
}

TEST_P(CertificateTest, OnlyAnApprovedJobIsIssued) {
    const auto job = job_up_to(lab::JobStatus::reviewed);
    const auto early = service_.issue(job.id, content(), signatory_);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, lab::errc::invalid_transition);
    EXPECT_EQ(jobs_.find_job(job.id)->status, lab::JobStatus::reviewed);
}

TEST_P(CertificateTest, TheTechnicianCannotApproveOrIssueTheirOwnJob) {
    const auto job = job_up_to(lab::JobStatus::reviewed);
    const auto own_approval = workflow_.advance(job.id, lab::JobStatus::approved, tech_);
    ASSERT_FALSE(own_approval);
    EXPECT_EQ(own_approval.error().code, lab::errc::not_permitted);
    workflow_.advance(job.id, lab::JobStatus::approved, signatory_).value();
    const auto own_issue = service_.issue(job.id, content(), tech_);
    ASSERT_FALSE(own_issue);
    EXPECT_EQ(own_issue.error().code, lab::errc::not_permitted);
    const auto reviewer_issue = service_.issue(job.id, content(), reviewer_);
    ASSERT_FALSE(reviewer_issue);
    EXPECT_EQ(reviewer_issue.error().code, lab::errc::not_permitted);
    // A signatory recorded as the job's technician is refused by the four-eyes rule.
    auto technician_as_signatory = tech_;
    technician_as_signatory.data.role = lab::Role::signatory;
    const auto four_eyes = service_.issue(job.id, content(), technician_as_signatory);
    ASSERT_FALSE(four_eyes);
    EXPECT_EQ(four_eyes.error().code, lab::errc::not_permitted);
    EXPECT_NE(four_eyes.error().message.find("four eyes"), std::string::npos);
    EXPECT_EQ(jobs_.find_job(job.id)->status, lab::JobStatus::approved);
}

TEST_P(CertificateTest, AnAmendmentHasANewNumberAndSupersedesTheOld) {
    const auto first = job_up_to(lab::JobStatus::approved);
    const auto original = service_.issue(first.id, content(), signatory_).value();
    const auto correction = workflow_.correct(first.id, tech_).value();
    const auto job = job_up_to(lab::JobStatus::approved, std::nullopt, first.id);
    ASSERT_EQ(job.spec.corrects, first.id);
    (void)correction;

    auto without_reason = service_.issue(job.id, content(), signatory_);
    ASSERT_FALSE(without_reason);
    EXPECT_EQ(without_reason.error().code, lab::errc::invalid_field);

    auto amended = content();
    amended.amendment_reason = {"更正出厂编号", "Serial number corrected"};
    const auto issued = service_.issue(job.id, amended, signatory_);
    ASSERT_TRUE(issued) << issued.error().message;
    EXPECT_EQ(issued->number, "CAL-2026-000002");
    EXPECT_EQ(issued->replaces_number, original.number);
    EXPECT_NE(issued->dcc.find(original.number), std::string::npos);

    const auto old = service_.verify(original.number).value();
    EXPECT_EQ(old.status, Status::superseded);
    EXPECT_EQ(old.superseded_by, "CAL-2026-000002");
    const auto current = service_.verify("CAL-2026-000002").value();
    EXPECT_EQ(current.status, Status::valid);
    EXPECT_EQ(current.replaces_number, original.number);
}

TEST_P(CertificateTest, RevocationRecordsTheReasonAndWho) {
    const auto job = job_up_to(lab::JobStatus::approved);
    const auto issued = service_.issue(job.id, content(), signatory_).value();
    const auto by_tech = service_.revoke(issued.number, "wrong customer", tech_);
    ASSERT_FALSE(by_tech);
    EXPECT_EQ(by_tech.error().code, lab::errc::not_permitted);
    EXPECT_FALSE(service_.revoke(issued.number, "  ", signatory_));
    ASSERT_TRUE(service_.revoke(issued.number, "issued to the wrong customer", signatory_));
    const auto v = service_.verify(issued.number).value();
    EXPECT_EQ(v.status, Status::revoked);
    EXPECT_EQ(v.revocation_reason, "issued to the wrong customer");
    EXPECT_EQ(v.revoked_by, "sig");
    const auto twice = service_.revoke(issued.number, "again", signatory_);
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, lab::errc::invalid_transition);
    const auto unknown = service_.revoke("CAL-2026-999999", "x", signatory_);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, lab::errc::not_found);
}

TEST_P(CertificateTest, VerifiesFilesByTheirHash) {
    const auto job = job_up_to(lab::JobStatus::approved);
    const auto issued = service_.issue(job.id, content(), signatory_).value();
    const auto pdf = service_.verify_file(issued.pdf);
    ASSERT_TRUE(pdf) << pdf.error().message;
    EXPECT_EQ(pdf->number, issued.number);
    EXPECT_EQ(pdf->matched, "pdf");
    EXPECT_EQ(pdf->status, Status::valid);
    const auto dcc = service_.verify_file(issued.dcc);
    ASSERT_TRUE(dcc);
    EXPECT_EQ(dcc->matched, "dcc");
    std::string tampered = issued.pdf;
    tampered[tampered.size() / 2] ^= 0x01;
    const auto bad = service_.verify_file(tampered);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, lab::errc::not_found);
    EXPECT_FALSE(service_.verify("CAL-2026-000099"));
}

TEST_P(CertificateTest, IssuingFeedsTheProgrammeTallyAndTheStandardsUsageLog) {
    const auto programme =
        programmes_
            .add_programme(
                {"Free IR thermometers 2026", day(2026, 1, 1), day(2026, 12, 31), {}, {}, 100'000},
                "manager")
            .value();
    const auto job = job_up_to(lab::JobStatus::approved, programme.id);
    EXPECT_EQ(certificates_.issued_waived_cents(programme.id), 0);
    EXPECT_TRUE(certificates_.usage_of(blackbody_.id).empty());
    db::SqlStatisticsStore statistics(*database_);
    const auto today = lab::date_of(std::chrono::system_clock::now());
    EXPECT_EQ(statistics.statistics(today, today).jobs_issued, 0);
    const auto issued = service_.issue(job.id, content(), signatory_).value();
    EXPECT_EQ(certificates_.issued_waived_cents(programme.id), 5000);
    const auto usage = certificates_.usage_of(blackbody_.id);
    ASSERT_EQ(usage.size(), 1U); // three test points, one standard: one line
    EXPECT_EQ(usage[0].certificate_number, issued.number);
    EXPECT_EQ(usage[0].job, job.id);
    EXPECT_EQ(usage[0].day, day(2026, 3, 7));
    EXPECT_EQ(statistics.statistics(today, today).jobs_issued, 1);
}

TEST_P(CertificateTest, NumbersRestartEachYearFromThePattern) {
    const auto a = job_up_to(lab::JobStatus::approved);
    const auto b = job_up_to(lab::JobStatus::approved);
    ASSERT_TRUE(service_.issue(a.id, content(), signatory_));
    auto next_year = content();
    next_year.issue_date = std::chrono::year{2027} / 1 / 4;
    const auto issued = service_.issue(b.id, next_year, signatory_);
    ASSERT_TRUE(issued) << issued.error().message;
    EXPECT_EQ(issued->number, "CAL-2027-000001");
}

CALLAB_STORE_TEST_SUITE(CertificateTest);

} // namespace
} // namespace callab::test_support
