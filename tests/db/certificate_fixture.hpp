#pragma once
// Records with a job taken through review and approval, ready to be issued.

#include "records_fixture.hpp"
#include "support/sample_certificate.hpp"

#include <callab/db/sql_certificate_store.hpp>
#include <callab/db/sql_programme_store.hpp>
#include <callab/lab/certificate_service.hpp>
#include <callab/lab/job_workflow.hpp>

namespace callab::test_support {

class CertificateTest : public RecordsTest {
protected:
    db::SqlCertificateStore certificates_{*database_};
    db::SqlProgrammeStore programmes_{*database_};
    lab::JobWorkflow workflow_{jobs_, users_, standards_};
    lab::CertificateService service_{certificates_, jobs_,
                                     lab::IssuingSettings{"CAL-{year}-{seq:6}",
                                                          "https://lab.example.org/verify/",
                                                          CALLAB_DCC_SCHEMA_DIR}};
    lab::User tech_ = add_user("tech", lab::Role::technician);
    lab::User reviewer_ = add_user("rev", lab::Role::reviewer);
    lab::User signatory_ = add_user("sig", lab::Role::signatory);
    lab::Procedure procedure_ = standards_.add_procedure_version(forehead_procedure(), "a").value();
    lab::ReferenceStandard blackbody_ = add_standard(day(2030, 1, 1));

    /// A job opened by the technician, measured with the blackbody, and moved up to `last`.
    lab::Job job_up_to(lab::JobStatus last, std::optional<lab::ProgrammeId> programme = {},
                       std::optional<lab::JobId> corrects = {}) {
        users_.authorise(tech_.id, "IRT-FOREHEAD", "admin");
        lab::NewJob spec{"IR at 37", "FT-1", "object_temperature", "degC", 0.1};
        spec.procedure = procedure_.id;
        spec.programme = programme;
        spec.fee_cents = 5000;
        spec.corrects = corrects;
        return job_from(spec, last);
    }

    /// A job opened from `spec` and moved up to `last` like job_up_to.
    lab::Job job_from(const lab::NewJob& spec, lab::JobStatus last) {
        users_.authorise(tech_.id, "IRT-FOREHEAD", "admin");
        const auto job = workflow_.open(spec, tech_).value();
        for (const int point : {0, 1, 2}) {
            jobs_.record_standard_use({job.id, point, blackbody_.id, std::nullopt});
        }
        const std::pair<lab::JobStatus, const lab::User*> steps[] = {
            {lab::JobStatus::measuring, &tech_},
            {lab::JobStatus::measured, &tech_},
            {lab::JobStatus::reviewed, &reviewer_},
            {lab::JobStatus::approved, &signatory_}};
        for (const auto& [to, by] : steps) {
            workflow_.advance(job.id, to, *by).value();
            if (to == last) {
                break;
            }
        }
        return *jobs_.find_job(job.id);
    }

    static lab::CertificateContent content() {
        auto c = test::sample_certificate();
        c.number.clear();
        return c;
    }
};

} // namespace callab::test_support
