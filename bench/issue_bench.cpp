// Issuing one certificate through the real path on SQLite: assemble the content from the
// records, render the PDF, write and validate-free DCC, digest, and store it in the issuing
// transaction (CertificateAssembler::assemble + CertificateService::issue), against the
// named baseline of rendering the same certificate's PDF alone in the same run.
#include "support/sample_certificate.hpp"
#include "support/temporary_directory.hpp"

#include <callab/db/database.hpp>
#include <callab/db/sql_certificate_store.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/certificate_assembler.hpp>
#include <callab/lab/certificate_pdf.hpp>
#include <callab/lab/certificate_service.hpp>
#include <callab/lab/job_workflow.hpp>

#include <benchmark/benchmark.h>

#include <chrono>

namespace {

using namespace callab;

struct IssuingLab {
    test_support::TemporaryDirectory dir;
    std::unique_ptr<db::Database> database =
        db::Database::open("sqlite:" + (dir.path() / "bench.db").string());
    db::SqlJobStore jobs{*database};
    db::SqlUserStore users{*database};
    db::SqlEnterpriseStore enterprises{*database};
    db::SqlStandardStore standards{*database};
    db::SqlCertificateStore certificates{*database};
    lab::JobWorkflow workflow{jobs, users, standards};
    lab::CertificateService service{
        certificates, jobs, {"CAL-{year}-{seq:6}", "https://lab.example.org/verify/"}};
    lab::User tech = users.add_user({"tech", lab::Role::technician, {}, "Tech"}, "h", "a").value();
    lab::User reviewer =
        users.add_user({"rev", lab::Role::reviewer, {}, "Reviewer"}, "h", "a").value();
    lab::User signatory =
        users.add_user({"sig", lab::Role::signatory, {}, "Signatory"}, "h", "a").value();
    lab::Procedure procedure = lab::seed_builtin_procedures(standards, "a").front();
    lab::StandardId standard = add_standard();
    lab::CertificateContent sample = test::sample_certificate();
    lab::CertificateAssembler assembler{jobs,
                                        enterprises,
                                        standards,
                                        users,
                                        {sample.laboratory,
                                         lab::PerformanceLocation::laboratory,
                                         sample.place,
                                         sample.traceability,
                                         {{"JJF 1107-2003", sample.method.title}}}};
    lab::EnterpriseId owner =
        enterprises
            .add_enterprises(std::vector<lab::NewEnterprise>{{"Fuzhou Co.", "91350100M000100Y43",
                                                              "Fujian/Fuzhou", "medical",
                                                              lab::SizeClass::small, ""}},
                             "a")
            .value()
            .front()
            .id;

    lab::StandardId add_standard() {
        const auto s =
            standards.add_standard({"Blackbody", "Fluke", "4180", "B1", {}, "NIM"}, "a").value();
        standards
            .add_certificate(
                {lab::CertificateId{}, s.id, 0, "NIM-1", "NIM",
                 lab::Date{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}},
                 lab::Date{std::chrono::year{2030}, std::chrono::January, std::chrono::day{1}},
                 "U = 0.05 °C (k = 2)"},
                "a")
            .value();
        return s.id;
    }

    /// A job with a registered instrument, measured with the standard and approved.
    lab::JobId approved_job() {
        users.authorise(tech.id, procedure.data.code, "a");
        const std::vector<lab::NewInstrument> batch{
            {lab::InstrumentKind::ir_forehead_thermometer, "Omron", "MC-720", "SN1", 32.0, 42.5,
             "degC", 0.1, owner, lab::MetrologyRegime::calibration}};
        const auto instrument = enterprises.add_instruments(batch, "a").value().front();
        lab::NewJob spec{"IR", "MC-720", "object_temperature", "degC", 0.1};
        spec.procedure = procedure.id;
        spec.enterprise = owner;
        spec.instrument_id = instrument.id;
        const auto job = workflow.open(spec, tech).value();
        for (const int point : {0, 1, 2}) {
            jobs.record_standard_use({job.id, point, standard, std::nullopt});
        }
        workflow.advance(job.id, lab::JobStatus::measuring, tech).value();
        workflow.advance(job.id, lab::JobStatus::measured, tech).value();
        workflow.advance(job.id, lab::JobStatus::reviewed, reviewer).value();
        workflow.advance(job.id, lab::JobStatus::approved, signatory).value();
        return job.id;
    }

    lab::CertificateFacts facts() const {
        return {sample.receipt_date, sample.performance_begin, sample.performance_end,
                sample.issue_date,   sample.environment,       sample.results};
    }
};

void issue_callab_certificate(benchmark::State& state) {
    IssuingLab lab;
    for (auto _ : state) {
        state.PauseTiming();
        const auto job = lab.approved_job();
        state.ResumeTiming();
        auto content = lab.assembler.assemble(job, lab.facts());
        auto issued = lab.service.issue(job, content.value(), lab.signatory);
        if (!issued) {
            state.SkipWithError(issued.error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(issued);
    }
}

void issue_baseline_pdf_render_alone(benchmark::State& state) {
    const auto content = test::sample_certificate();
    for (auto _ : state) {
        auto pdf = lab::render_certificate_pdf(content);
        benchmark::DoNotOptimize(pdf);
    }
}

BENCHMARK(issue_callab_certificate)->Unit(benchmark::kMillisecond);
BENCHMARK(issue_baseline_pdf_render_alone)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
