#include "records_fixture.hpp"

#include <callab/lab/job_workflow.hpp>

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
    const auto correction = workflow_.correct(job.id, tech_);
    ASSERT_TRUE(correction) << correction.error().message;
    EXPECT_EQ(correction->spec.corrects, job.id);
    EXPECT_EQ(correction->status, lab::JobStatus::draft);
    EXPECT_EQ(jobs_.find_job(job.id)->status, lab::JobStatus::issued);
}

TEST_P(JobWorkflowTest, ReturnsForRework) {
    const auto job = open_job();
    advance(job.id, lab::JobStatus::measuring, tech_);
    advance(job.id, lab::JobStatus::measured, tech_);
    advance(job.id, lab::JobStatus::returned, reviewer_);
    advance(job.id, lab::JobStatus::measuring, tech_);
    EXPECT_EQ(jobs_.find_job(job.id)->status, lab::JobStatus::measuring);
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
