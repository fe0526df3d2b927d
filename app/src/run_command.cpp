// callab run [JOB] --db URI: runs an IR forehead thermometer job (IRT-FOREHEAD) on a
// simulated bench (blackbody with an IR thermometer pointed at it, environment sensor) in
// this process, storing every reading as it arrives. Without JOB a new job is opened; with
// JOB the run continues from that job's stored readings.
#include "bench_records.hpp"
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"
#include "simulated_bench.hpp"

#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/drivers/driver_registry.hpp>
#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/calibration_run.hpp>

#include <algorithm>
#include <iostream>
#include <memory>

namespace callab::app {
namespace {

struct RunOptions {
    std::string uri;
    std::int64_t job = 0;
    int interval_ms = 0;
    std::string fault = "none"; ///< injected into the thermometer's replies
    double fault_rate = 0.0;
    std::uint64_t seed = 1;
    std::string technician = "bench.technician";
    std::vector<std::int64_t> standards;
};

struct PrintingObserver : lab::RunObserver {
    void point_started(int point, double nominal) override {
        std::cout << "point " << point << " at " << nominal << " started" << std::endl;
    }
    void reading_stored(const lab::ReadingRecord& r, lab::ReadingRole) override {
        std::cout << "reading " << r.id.value() << " point " << r.test_point << " " << r.source
                  << " " << r.value << " " << r.unit << std::endl;
    }
    void point_computed(const lab::PointResult& r) override {
        std::cout << "point " << r.test_point << " error " << r.error << " U "
                  << r.expanded_uncertainty << " k " << r.coverage_factor << " "
                  << lab::enum_name(r.conformity, lab::conformity_names) << std::endl;
    }
    void paused(const std::string& reason) override {
        std::cout << "paused: " << reason << std::endl;
    }
};

drivers::ConnectionUri listen_on(const std::string& scheme) {
    return drivers::parse_connection_uri(scheme + "://127.0.0.1:0", true).uri;
}

std::unique_ptr<drivers::Instrument> open(const char* driver, const std::string& uri) {
    auto opened =
        drivers::open_driver(*drivers::find_driver(driver), drivers::parse_connection_uri(uri).uri);
    if (!opened) {
        throw CommandFailure(exit_runtime_failure, opened.error);
    }
    return std::move(opened.instrument);
}

void run_job(const RunOptions& options) {
    auto database = open_database(options.uri);
    db::SqlJobStore jobs(*database);
    db::SqlStandardStore standards(*database);
    db::SqlUserStore users(*database);
    const auto procedures = lab::seed_builtin_procedures(standards, "callab-run");
    lab::Procedure procedure = procedures.front();

    lab::RunSettings settings;
    for (const auto id : options.standards) {
        settings.standards.push_back(lab::StandardId{id});
    }
    lab::Job job;
    if (options.job == 0) {
        lab::NewJob spec{"IR forehead thermometer", "simulated IR thermometer",
                         "object_temperature", procedure.data.unit, 0.1};
        spec.procedure = procedure.id;
        spec.technician = bench_technician(users, options.technician, procedure.data.code).id;
        job = jobs.create_job(spec);
        if (settings.standards.empty()) {
            settings.standards.push_back(find_or_add_bench_standard(
                standards, {"Blackbody source", "Fluke", "4180", "SIM-4180", {}, "NIM China"},
                "NIM-BB-" + std::to_string(job.id.value()), "U = 0.05 °C (k = 2)", "callab-run"));
            std::cout << "standard " << settings.standards.front().value() << std::endl;
        }
    } else if (auto found = jobs.find_job(lab::JobId{options.job})) {
        job = *found;
        if (job.spec.procedure) {
            procedure = standards.find_procedure(*job.spec.procedure).value_or(procedure);
        }
        for (const auto& use : jobs.standards_used(job.id)) {
            if (options.standards.empty() &&
                std::find(settings.standards.begin(), settings.standards.end(), use.standard) ==
                    settings.standards.end()) {
                settings.standards.push_back(use.standard);
            }
        }
    } else {
        throw CommandFailure(exit_runtime_failure,
                             "job " + std::to_string(options.job) + ": not found");
    }
    std::cout << "job " << job.id.value() << std::endl;

    SimulatedBench bench;
    drivers::SimulatorOptions sim;
    sim.time_constant = 0.05;
    const auto blackbody_uri = bench.add("blackbody", listen_on("scpi-tcp"), sim);
    drivers::SimulatorOptions faulty = sim;
    faulty.fault = drivers::fault_from_string(options.fault).value();
    faulty.fault_rate = options.fault_rate;
    faulty.seed = options.seed;
    const auto thermometer_uri = bench.add("ir-thermometer", listen_on("modbus-tcp"), faulty);
    const auto sensor_uri = bench.add("env-sensor", listen_on("modbus-tcp"), sim);
    auto blackbody = open("fluke-4180", blackbody_uri);
    auto thermometer = open("ir-thermometer", thermometer_uri);
    auto sensor = open("env-sensor", sensor_uri);

    settings.recorded_by = "callab-run";
    settings.resolution = 0.1;
    settings.range_low = 32.0;
    settings.range_high = 42.5;
    settings.reading_interval = std::chrono::milliseconds(options.interval_ms);
    // The simulated blackbody settles in a fraction of a second: the procedure's
    // stabilisation time passes 600 times faster (60 s → 0.1 s).
    settings.time_scale = 600.0;
    settings.stability_poll = std::chrono::milliseconds(10);
    settings.stability_checks = 1000;
    PrintingObserver printer;
    lab::CalibrationRun run(jobs, lab::RunRecords{standards, users}, job, procedure,
                            lab::Bench{dynamic_cast<drivers::Source*>(blackbody.get()),
                                       thermometer.get(), nullptr, sensor.get()},
                            settings, &printer);
    const auto state = run.run();
    if (state == lab::RunState::refused) {
        throw CommandFailure(exit_runtime_failure, "run refused: " + run.pause_reason());
    }
    if (state != lab::RunState::finished) {
        throw CommandFailure(exit_runtime_failure, "run paused: " + run.pause_reason());
    }
    std::cout << "finished " << run.results().size() << " points" << std::endl;
}

} // namespace

void add_run_command(CLI::App& app) {
    auto options = std::make_shared<RunOptions>();
    auto* run = app.add_subcommand(
        "run", "Run an IR forehead thermometer job on a simulated bench, storing each reading");
    run->add_option("job", options->job, "the job to continue; a new job when absent");
    run->add_option("--interval-ms", options->interval_ms, "pause between readings")
        ->check(CLI::Range(0, 60000));
    run->add_option("--fault", options->fault,
                    "fault the simulated thermometer injects into its replies: none, timeout, "
                    "crc, disconnect, garbage, exception")
        ->check([](const std::string& text) {
            return drivers::fault_from_string(text) ? std::string() : "unknown fault " + text;
        })
        ->capture_default_str();
    run->add_option("--fault-rate", options->fault_rate, "share of replies the fault hits")
        ->check(CLI::Range(0.0, 1.0));
    run->add_option("--seed", options->seed, "seed of the fault injection");
    run->add_option("--technician", options->technician,
                    "the technician of a new job (created and authorised when absent)");
    run->add_option("--standard", options->standards,
                    "a reference standard used (repeatable; the first is the reference); a new "
                    "job without one gets a new blackbody standard, a continued job its "
                    "recorded ones");
    add_database_option(*run, options->uri);
    run->callback([options] { run_job(*options); });
}

} // namespace callab::app
