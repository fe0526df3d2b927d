#include "records_fixture.hpp"

#include <callab/lab/job_workflow.hpp>

#include <algorithm>

namespace callab::test_support {
namespace {

class JobWorkflowTest : public RecordsTest {
protected:
    lab::JobWorkflow workflow_{jobs_, users_, standards_};
    lab::User tech_ = add_user("tech", lab::Role::technician);
    lab::User reviewer_ = add_user("rev", lab::Role::reviewer);
    lab::User signatory_ = add_user("sig", lab::Role::signatory);
    lab::User manager_ = add_user("boss", lab::Role::manager);
    lab::Procedure procedure_ = standards_.add_procedure_version(forehead_procedure(), "a").value();

    lab::Job open_job() {
        users_.authorise(tech_.id, "IRT-FOREHEAD", "admin");
        lab::NewJob spec{"IR at 37", "FT-1", "object_temperature", "degC", 0.1};
        spec.procedure = procedure_.id;
        return workflow_.open(spec, tech_).value();
    }

    void advance(lab::JobId id, lab::JobStatus to, const lab::User& by) {
        const auto moved = workflow_.advance(id, to, by);
        ASSERT_TRUE(moved) << moved.error().message;
    }
};

TEST_P(JobWorkflowTest, RunsDraftToIssuedWithFourEyes) {
    const auto job = open_job();
    EXPECT_EQ(job.spec.technician, tech_.id);
    advance(job.id, lab::JobStatus::measuring, tech_);
    advance(job.id, lab::JobStatus::measured, tech_);
    advance(job.id, lab::JobStatus::reviewed, reviewer_);
    advance(job.id, lab::JobStatus::approved, signatory_);
    advance(job.id, lab::JobStatus::issued, signatory_);
    const auto issued = jobs_.find_job(job.id);
    EXPECT_EQ(issued->status, lab::JobStatus::issued);
    EXPECT_EQ(issued->reviewer, reviewer_.id);
    EXPECT_EQ(issued->approver, signatory_.id);
}

TEST_P(JobWorkflowTest, TheTechnicianCannotReviewTheirOwnJob) {
    const auto reviewing_tech = add_user("rt", lab::Role::reviewer);
    users_.authorise(tech_.id, "IRT-FOREHEAD", "admin");
    const auto job = open_job();
    advance(job.id, lab::JobStatus::measuring, tech_);
    advance(job.id, lab::JobStatus::measured, tech_);
    const auto own = workflow_.advance(job.id, lab::JobStatus::reviewed, tech_);
    ASSERT_FALSE(own);
    EXPECT_EQ(own.error().code, lab::errc::not_permitted);
    EXPECT_TRUE(workflow_.advance(job.id, lab::JobStatus::reviewed, reviewing_tech));
}

TEST_P(JobWorkflowTest, RefusesSkippingAndChangingIssuedJobs) {
    const auto job = open_job();
    const auto skip = workflow_.advance(job.id, lab::JobStatus::reviewed, reviewer_);
    ASSERT_FALSE(skip);
    EXPECT_EQ(skip.error().code, lab::errc::invalid_transition);
    advance(job.id, lab::JobStatus::measuring, tech_);
    advance(job.id, lab::JobStatus::measured, tech_);
    advance(job.id, lab::JobStatus::reviewed, reviewer_);
    advance(job.id, lab::JobStatus::approved, signatory_);
    advance(job.id, lab::JobStatus::issued, signatory_);
    EXPECT_FALSE(workflow_.advance(job.id, lab::JobStatus::cancelled, manager_));
    const auto correction = workflow_.correct(job.id, tech_, "标准证书编号有误", "wrong number");
    ASSERT_TRUE(correction) << correction.error().message;
    EXPECT_EQ(correction->spec.corrects, job.id);
    EXPECT_EQ(correction->status, lab::JobStatus::draft);
    EXPECT_EQ(jobs_.find_job(job.id)->status, lab::JobStatus::issued);
    // The amendment reason is stored with the correcting job.
    const auto stored = jobs_.find_job(correction->id);
    EXPECT_EQ(stored->spec.amendment_reason_zh, "标准证书编号有误");
    EXPECT_EQ(stored->spec.amendment_reason_en, "wrong number");
    EXPECT_EQ(stored->spec.corrects, job.id);
}

TEST_P(JobWorkflowTest, ReturnsForRework) {
    const auto job = open_job();
    advance(job.id, lab::JobStatus::measuring, tech_);
    advance(job.id, lab::JobStatus::measured, tech_);
    advance(job.id, lab::JobStatus::returned, reviewer_);
    advance(job.id, lab::JobStatus::measuring, tech_);
    EXPECT_EQ(jobs_.find_job(job.id)->status, lab::JobStatus::measuring);
}

TEST_P(JobWorkflowTest, AReturnKeepsItsReasonWhoAndWhen) {
    const auto job = open_job();
    advance(job.id, lab::JobStatus::measuring, tech_);
    advance(job.id, lab::JobStatus::measured, tech_);
    const auto blank = workflow_.return_for_rework(job.id, " \n", reviewer_);
    ASSERT_FALSE(blank);
    EXPECT_EQ(blank.error().code, lab::errc::invalid_field);
    EXPECT_TRUE(jobs_.returns_of(job.id).empty());
    const auto by_tech = workflow_.return_for_rework(job.id, "point 2 drifts", tech_);
    ASSERT_FALSE(by_tech);
    EXPECT_EQ(by_tech.error().code, lab::errc::not_permitted);

    const auto before = std::chrono::system_clock::now() - std::chrono::seconds(1);
    const auto returned = workflow_.return_for_rework(job.id, "point 2 drifts", reviewer_);
    ASSERT_TRUE(returned) << returned.error().message;
    EXPECT_EQ(returned->status, lab::JobStatus::returned);
    // Returned twice: the second return is refused by the status machine, nothing is added.
    EXPECT_EQ(workflow_.return_for_rework(job.id, "again", reviewer_).error().code,
              lab::errc::invalid_transition);
    advance(job.id, lab::JobStatus::measuring, tech_);
    advance(job.id, lab::JobStatus::measured, tech_);
    advance(job.id, lab::JobStatus::reviewed, reviewer_);
    ASSERT_TRUE(workflow_.return_for_rework(job.id, "wrong emissivity", signatory_));

    const auto returns = jobs_.returns_of(job.id);
    ASSERT_EQ(returns.size(), 2U);
    EXPECT_EQ(returns[0].reason, "point 2 drifts");
    EXPECT_EQ(returns[0].by, "rev");
    EXPECT_GE(returns[0].at, before);
    EXPECT_LE(returns[0].at, returns[1].at);
    EXPECT_EQ(returns[1].reason, "wrong emissivity");
    EXPECT_EQ(returns[1].by, "sig");
    const auto entries = audit_.entries();
    const auto audited = std::count_if(entries.begin(), entries.end(), [](const auto& entry) {
        return entry.after.find("reason=point 2 drifts") != std::string::npos;
    });
    EXPECT_EQ(audited, 1);
}

TEST_P(JobWorkflowTest, OnlyAuthorisedTechniciansOpenJobs) {
    lab::NewJob spec{"IR at 37", "FT-1", "object_temperature", "degC", 0.1};
    spec.procedure = procedure_.id;
    const auto refused = workflow_.open(spec, tech_);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("not authorised for procedure IRT-FOREHEAD"),
              std::string::npos);
    EXPECT_FALSE(workflow_.open(spec, reviewer_));
}

TEST_P(JobWorkflowTest, AnOverdueStandardNeedsAManagersOverrideWithAReason) {
    const auto job = open_job();
    const auto standard = add_standard(day(2026, 1, 31));
    EXPECT_TRUE(workflow_.use_standard(job.id, 0, standard.id, day(2026, 1, 31), std::nullopt));
    const auto overdue =
        workflow_.use_standard(job.id, 1, standard.id, day(2026, 2, 1), std::nullopt);
    ASSERT_FALSE(overdue);
    EXPECT_EQ(overdue.error().code, lab::errc::standard_not_usable);
    EXPECT_NE(overdue.error().message.find("overdue"), std::string::npos);
    EXPECT_FALSE(workflow_.use_standard(job.id, 1, standard.id, day(2026, 2, 1),
                                        lab::UsageOverride{tech_.id, tech_.data.role, "urgent"}));
    EXPECT_FALSE(workflow_.use_standard(job.id, 1, standard.id, day(2026, 2, 1),
                                        lab::UsageOverride{manager_.id, manager_.data.role, ""}));
    ASSERT_TRUE(workflow_.use_standard(job.id, 1, standard.id, day(2026, 2, 1),
                                       lab::UsageOverride{manager_.id, manager_.data.role,
                                                          "recalibration booked for 2026-02-03"}));
    const auto used = jobs_.standards_used(job.id);
    ASSERT_EQ(used.size(), 2U);
    EXPECT_FALSE(used[0].override_by);
    ASSERT_TRUE(used[1].override_by);
    EXPECT_EQ(used[1].override_by->manager, manager_.id);
    EXPECT_EQ(used[1].override_by->reason, "recalibration booked for 2026-02-03");
}

TEST_P(JobWorkflowTest, ASuspendedStandardCannotBeUsed) {
    const auto job = open_job();
    const auto standard = add_standard(day(2030, 1, 1));
    ASSERT_TRUE(standards_.set_status(standard.id, lab::StandardStatus::suspended, "drift", "m"));
    const auto refused =
        workflow_.use_standard(job.id, 0, standard.id, day(2026, 2, 1), std::nullopt);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("suspended"), std::string::npos);
}

CALLAB_STORE_TEST_SUITE(JobWorkflowTest);

} // namespace
} // namespace callab::test_support
