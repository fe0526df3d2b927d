#include "demo_certificates.hpp"

#include "command_failure.hpp"

#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/job_workflow.hpp>
#include <callab/lab/run_certificate.hpp>

namespace callab::app {
namespace {

template <typename T> T done(lab::Outcome<T> outcome, const std::string& what) {
    if (!outcome) {
        throw CommandFailure(exit_runtime_failure, what + ": " + outcome.error().message);
    }
    return std::move(*outcome);
}

/// One job of the demo: what is calibrated, by which procedure, on which part of the bench.
struct DemoJob {
    lab::Instrument instrument;
    std::string procedure_code;
    std::string title;
    std::string quantity;
    lab::Bench bench;
    lab::RunSettings settings;
};

class DemoIssuer {
public:
    explicit DemoIssuer(LabServices& lab_services)
        : lab_(lab_services), workflow_(lab_.job_store(), lab_.users(), lab_.standards()),
          assembler_(lab_.job_store(), lab_.enterprises(), lab_.standards(), lab_.users(),
                     demo_laboratory()),
          technician_(person(lab::Role::technician)), reviewer_(person(lab::Role::reviewer)),
          signatory_(person(lab::Role::signatory)) {}

    std::string issue(DemoJob job);

private:
    lab::User person(lab::Role role) {
        return *lab_.users().find_user_by_name(demo_username(role));
    }

    LabServices& lab_;
    lab::JobWorkflow workflow_;
    lab::CertificateAssembler assembler_;
    lab::User technician_;
    lab::User reviewer_;
    lab::User signatory_;
};

std::string DemoIssuer::issue(DemoJob job) {
    auto& standards = lab_.standards();
    const auto procedure = standards.latest_procedure(job.procedure_code);
    if (!procedure) {
        throw CommandFailure(exit_runtime_failure,
                             "procedure " + job.procedure_code + ": not stored");
    }
    const auto& instrument = job.instrument;
    lab::NewJob spec{job.title, instrument.data.model + " " + instrument.data.serial, job.quantity,
                     procedure->data.unit, instrument.data.resolution};
    spec.procedure = procedure->id;
    spec.enterprise = instrument.data.owner;
    spec.instrument_id = instrument.id;
    const auto opened = done(workflow_.open(spec, technician_), "demo job");
    const auto what = "demo job " + opened.id.to_string() + " (" + job.procedure_code + ")";
    const auto measuring =
        done(workflow_.advance(opened.id, lab::JobStatus::measuring, technician_), what);
    job.settings.recorded_by = technician_.data.username;
    lab::CalibrationRun run(lab_.job_store(), lab::RunRecords{standards, lab_.users()}, measuring,
                            *procedure, job.bench, job.settings);
    if (run.run() != lab::RunState::finished) {
        throw CommandFailure(exit_runtime_failure, what + ": " + run.pause_reason());
    }
    done(workflow_.advance(opened.id, lab::JobStatus::measured, technician_), what);
    done(workflow_.advance(opened.id, lab::JobStatus::reviewed, reviewer_), what);
    done(workflow_.advance(opened.id, lab::JobStatus::approved, signatory_), what);

    const auto today = lab::date_of(std::chrono::system_clock::now());
    lab::CertificateFacts facts;
    facts.receipt_date = facts.performance_begin = facts.performance_end = today;
    facts.issue_date = today;
    facts.environment = done(lab::certificate_environment_of(run.conditions().environment), what);
    facts.results = {done(lab::result_group_of(*procedure, run.results(), 2), what)};
    auto content = done(assembler_.assemble(opened.id, facts), what);
    return done(lab_.certificates().issue(opened.id, std::move(content), signatory_), what).number;
}

} // namespace

lab::LaboratoryIdentity demo_laboratory() {
    lab::LaboratoryIdentity identity;
    identity.laboratory = {{"示例市计量测试研究院", "Demo City Institute of Metrology"},
                           {"示例市计量路 1 号", "1 Metrology Road, Demo City"},
                           "Hangzhou",
                           "CN",
                           "",
                           "",
                           ""};
    identity.location = lab::PerformanceLocation::laboratory;
    identity.place = {"本院计量实验室", "Metrology laboratory"};
    identity.traceability = {"测量结果通过本院计量标准溯源至国家计量基准（SI 单位）。",
                             "The results are traceable to the national measurement standards "
                             "(SI units) through the laboratory's reference standards."};
    identity.method_titles = lab::builtin_method_titles();
    return identity;
}

std::vector<std::string> issue_demo_certificates(LabServices& lab_services, const DemoBench& bench,
                                                 const DemoRecords& records,
                                                 std::chrono::milliseconds reading_interval) {
    DemoIssuer issuer(lab_services);
    std::vector<std::string> numbers;
    for (const auto& thermometer : records.thermometers) {
        numbers.push_back(
            issuer.issue({thermometer, "IRT-FOREHEAD", "IR forehead thermometer",
                          "object_temperature", bench.thermometry(),
                          DemoBench::thermometry_settings({records.blackbody}, reading_interval)}));
    }
    if (records.power_analyser) {
        numbers.push_back(issuer.issue(
            {*records.power_analyser, "PA-VOLTAGE", "Power analyser", "voltage", bench.power(),
             DemoBench::power_settings({records.power_source}, reading_interval)}));
    }
    return numbers;
}

} // namespace callab::app
