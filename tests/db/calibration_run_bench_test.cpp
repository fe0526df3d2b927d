// The run engine on loopback simulators (a blackbody, an IR thermometer pointed at it, an
// environment sensor) with the records on SQLite: an IR thermometer job from its creation
// to an issued, verified certificate, and a device fault that pauses the run.
#include "certificate_fixture.hpp"
#include "support/child_process.hpp"

#include <callab/db/sql_statistics_store.hpp>
#include <callab/drivers/blackbody_physics.hpp>
#include <callab/drivers/driver_registry.hpp>
#include <callab/drivers/modbus_simulator.hpp>
#include <callab/drivers/scpi_simulator.hpp>
#include <callab/drivers/shipped_profiles.hpp>
#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/calibration_run.hpp>
#include <callab/lab/certificate_assembler.hpp>
#include <callab/lab/certificate_dcc.hpp>
#include <callab/lab/recorded_run.hpp>
#include <callab/lab/run_certificate.hpp>

#include <fstream>
#include <sstream>

namespace callab::test_support {
namespace {

const drivers::ConnectionUri loopback_modbus{"modbus-tcp", "127.0.0.1", 0, {}, {}};

class CalibrationRunBenchTest : public CertificateTest {
protected:
    void SetUp() override {
        drivers::SimulatorOptions options;
        options.time_constant = 0.05;
        drivers::BlackbodyPhysics::Parameters parameters;
        parameters.time_constant = options.time_constant;
        physics_ = std::make_shared<drivers::BlackbodyPhysics>(parameters);
        blackbody_sim_ = std::make_unique<drivers::ScpiSimulator>(
            drivers::make_blackbody_responder(physics_, options), options);
        const auto bb = blackbody_sim_->start({"scpi-tcp", "127.0.0.1", 0, {}, {}});
        ASSERT_TRUE(bb);
        blackbody_ = open("fluke-4180", *bb);
        auto sensor_profile = drivers::find_shipped_profile("env-sensor").value();
        sensor_sim_ = std::make_unique<drivers::ModbusSimulator>(
            sensor_profile, drivers::make_modbus_physics(sensor_profile.kind, options).value(),
            options);
        const auto sensor = sensor_sim_->start(loopback_modbus);
        ASSERT_TRUE(sensor);
        sensor_ = open("env-sensor", *sensor);
        procedure_ = lab::seed_builtin_procedures(standards_, "admin").front();
        users_.authorise(tech_.id, "IRT-FOREHEAD", "admin");
    }

    /// The IR thermometer pointed at the blackbody, with its own error and `fault`.
    void add_thermometer(drivers::Fault fault = drivers::Fault::none) {
        drivers::SimulatorOptions options;
        options.error = 0.1;
        options.fault = fault;
        auto profile = drivers::find_shipped_profile("ir-thermometer").value();
        thermometer_sim_ = std::make_unique<drivers::ModbusSimulator>(
            profile,
            drivers::make_modbus_physics(profile.kind, options,
                                         [p = physics_] { return p->radiance_temperature(); })
                .value(),
            options);
        const auto uri = thermometer_sim_->start(loopback_modbus);
        ASSERT_TRUE(uri);
        thermometer_ = open("ir-thermometer", *uri);
    }

    static std::unique_ptr<drivers::Instrument> open(const char* driver,
                                                     const drivers::ConnectionUri& uri) {
        auto opened = drivers::open_driver(*drivers::find_driver(driver), uri);
        EXPECT_TRUE(opened.instrument) << opened.error;
        return std::move(opened.instrument);
    }

    lab::Job open_job() {
        const auto owner = add_enterprise();
        const std::vector<lab::NewInstrument> batch{
            {lab::InstrumentKind::ir_forehead_thermometer, "Omron", "MC-720", "SN7", 32.0, 42.5,
             "degC", 0.1, owner.id, lab::MetrologyRegime::calibration}};
        const auto instrument = enterprises_.add_instruments(batch, "admin").value().front();
        lab::NewJob spec{"IR forehead thermometer", "MC-720", "object_temperature", "degC", 0.1};
        spec.procedure = procedure_.id;
        spec.enterprise = owner.id;
        spec.instrument_id = instrument.id;
        const auto job = workflow_.open(spec, tech_).value();
        workflow_.advance(job.id, lab::JobStatus::measuring, tech_).value();
        return *jobs_.find_job(job.id);
    }

    lab::CalibrationRun make_run(const lab::Job& job) {
        lab::RunSettings settings;
        settings.recorded_by = "tech";
        settings.standards = {blackbody_standard_.id};
        settings.resolution = 0.1;
        settings.range_low = 32.0;
        settings.range_high = 42.5;
        settings.time_scale = 600.0; // 60 s of stabilisation in 0.1 s
        settings.stability_poll = std::chrono::milliseconds(10);
        settings.stability_checks = 1000;
        return lab::CalibrationRun(jobs_, lab::RunRecords{standards_, users_}, job, procedure_,
                                   lab::Bench{dynamic_cast<drivers::Source*>(blackbody_.get()),
                                              thermometer_.get(), nullptr, sensor_.get()},
                                   settings);
    }

    std::string pdf_text(const std::string& pdf) {
        std::ofstream(dir_.path() / "certificate.pdf", std::ios::binary) << pdf;
        ChildProcess pdftotext({"/usr/bin/pdftotext", (dir_.path() / "certificate.pdf").string(),
                                (dir_.path() / "certificate.txt").string()},
                               dir_.path());
        EXPECT_EQ(pdftotext.wait(), 0) << pdftotext.standard_error();
        std::ifstream in(dir_.path() / "certificate.txt");
        std::stringstream text;
        text << in.rdbuf();
        return text.str();
    }

    lab::ReferenceStandard blackbody_standard_ = add_standard(day(2030, 1, 1));
    std::shared_ptr<drivers::BlackbodyPhysics> physics_;
    std::unique_ptr<drivers::ScpiSimulator> blackbody_sim_;
    std::unique_ptr<drivers::ModbusSimulator> sensor_sim_;
    std::unique_ptr<drivers::ModbusSimulator> thermometer_sim_;
    std::unique_ptr<drivers::Instrument> blackbody_;
    std::unique_ptr<drivers::Instrument> sensor_;
    std::unique_ptr<drivers::Instrument> thermometer_;
};

TEST_P(CalibrationRunBenchTest, IrThermometerJobFromCreationToAVerifiedCertificate) {
    add_thermometer();
    const auto shared = bookings_.add_equipment({"Blackbody BB-1", blackbody_standard_.id}, "a");
    const auto unrelated = bookings_.add_equipment({"Climate chamber", std::nullopt}, "a");
    const auto job = open_job();
    auto run = make_run(job);
    ASSERT_EQ(run.run(), lab::RunState::finished) << run.pause_reason();
    EXPECT_EQ(jobs_.readings_of(job.id).size(), 30U);
    ASSERT_EQ(run.results().size(), 3U);
    for (const auto& point : run.results()) {
        // The thermometer reads 0.1 °C high against the settled blackbody.
        EXPECT_NEAR(point.error, 0.1, 0.051) << point.nominal;
        EXPECT_NEAR(point.reference_mean, point.nominal, 0.01);
    }
    // u(reference) from the blackbody's certificate "U = 0.2 °C (k = 2)".
    EXPECT_DOUBLE_EQ(run.conditions().reference_standard_u, 0.1);
    EXPECT_EQ(jobs_.standards_used(job.id).size(), 3U);

    workflow_.advance(job.id, lab::JobStatus::measured, tech_).value();
    workflow_.advance(job.id, lab::JobStatus::reviewed, reviewer_).value();
    workflow_.advance(job.id, lab::JobStatus::approved, signatory_).value();

    const auto sample = test::sample_certificate();
    lab::CertificateAssembler assembler(jobs_, enterprises_, standards_, users_,
                                        {sample.laboratory,
                                         lab::PerformanceLocation::laboratory,
                                         sample.place,
                                         sample.traceability,
                                         {{"JJF 1107-2003", sample.method.title}}});
    const auto today = lab::date_of(std::chrono::system_clock::now());
    lab::CertificateFacts facts;
    facts.receipt_date = facts.performance_begin = facts.performance_end = facts.issue_date = today;
    facts.environment = lab::certificate_environment_of(run.conditions().environment).value();
    facts.results = {lab::result_group_of(procedure_, run.results(), 2).value()};
    // The records alone give the same facts: the run start stored the environment and the
    // reference's u, the readings give the same results by the same computation.
    const auto recorded =
        lab::recorded_certificate_facts(jobs_, *jobs_.find_job(job.id), procedure_, 2, today);
    ASSERT_TRUE(recorded) << recorded.error().message;
    ASSERT_EQ(recorded->results.size(), 1U);
    ASSERT_EQ(recorded->results[0].points.size(), facts.results[0].points.size());
    for (std::size_t i = 0; i < facts.results[0].points.size(); ++i) {
        const auto& expected = facts.results[0].points[i];
        const auto& got = recorded->results[0].points[i];
        EXPECT_EQ(got.nominal, expected.nominal);
        EXPECT_EQ(got.reference_value, expected.reference_value);
        EXPECT_EQ(got.indication, expected.indication);
        EXPECT_EQ(got.error, expected.error);
        EXPECT_EQ(got.expanded_uncertainty, expected.expanded_uncertainty);
        EXPECT_EQ(got.coverage_factor, expected.coverage_factor);
        EXPECT_EQ(got.conformity, expected.conformity);
    }
    EXPECT_EQ(recorded->environment.temperature.minimum, facts.environment.temperature.minimum);
    EXPECT_EQ(recorded->environment.temperature.maximum, facts.environment.temperature.maximum);
    EXPECT_EQ(recorded->environment.humidity.minimum, facts.environment.humidity.minimum);
    EXPECT_EQ(recorded->environment.humidity.unit, facts.environment.humidity.unit);
    EXPECT_EQ(recorded->issue_date, today);
    const auto content = assembler.assemble(job.id, facts);
    ASSERT_TRUE(content) << content.error().message;
    const auto issued = service_.issue(job.id, *content, signatory_);
    ASSERT_TRUE(issued) << issued.error().message;

    const auto valid = lab::validate_dcc(issued->dcc, CALLAB_DCC_SCHEMA_DIR);
    EXPECT_TRUE(valid) << (valid ? "" : valid.error().message());
    const std::string text = pdf_text(issued->pdf);
    for (const std::string& field : std::vector<std::string>{"校准证书",
                                                             "Calibration Certificate",
                                                             issued->number,
                                                             "委托方",
                                                             "Customer",
                                                             "红外额温计",
                                                             "Infrared forehead thermometer",
                                                             "MC-720",
                                                             "SN7",
                                                             "JJF 1107-2003",
                                                             "NIM-2025-001",
                                                             "相对湿度",
                                                             "Temperature",
                                                             "示值误差",
                                                             "Error",
                                                             "扩展不确定度",
                                                             "判定规则",
                                                             "Decision rule",
                                                             "校准员",
                                                             "Calibrated by",
                                                             "核验员",
                                                             "Checked by",
                                                             "批准人",
                                                             "Approved by",
                                                             "以下空白",
                                                             "End of certificate"}) {
        EXPECT_NE(text.find(field), std::string::npos) << "missing: " << field;
    }
    const auto verified = service_.verify(issued->number);
    ASSERT_TRUE(verified);
    EXPECT_EQ(verified->status, lab::CertificateStatus::valid);
    EXPECT_EQ(verified->pdf_sha256, issued->pdf_sha256);
    // Issuing fed the usage logs of the standard and of the equipment linked to it.
    EXPECT_EQ(certificates_.usage_of(blackbody_standard_.id).size(), 1U);
    const auto used = certificates_.equipment_usage_of(shared.id);
    ASSERT_EQ(used.size(), 1U);
    EXPECT_EQ(used[0].certificate_number, issued->number);
    EXPECT_EQ(used[0].job, job.id);
    EXPECT_TRUE(certificates_.equipment_usage_of(unrelated.id).empty());
    db::SqlStatisticsStore statistics(*database_);
    EXPECT_EQ(statistics.statistics(today, today).jobs_issued, 1);
}

TEST_P(CalibrationRunBenchTest, ADeviceFaultPausesTheRunNamingTheDevice) {
    add_thermometer(drivers::Fault::exception);
    const auto job = open_job();
    auto run = make_run(job);
    ASSERT_EQ(run.run(), lab::RunState::paused);
    EXPECT_EQ(run.pause_reason().rfind("device " + thermometer_->device() + ": ", 0), 0U)
        << run.pause_reason();
    // The reference readings of the first point are kept; no indication was made up.
    const auto stored = jobs_.readings_of(job.id);
    EXPECT_EQ(stored.size(), 5U);
    for (const auto& r : stored) {
        EXPECT_EQ(r.source.rfind("reference:", 0), 0U) << r.source;
    }
}

CALLAB_STORE_TEST_SUITE(CalibrationRunBenchTest);

} // namespace
} // namespace callab::test_support
