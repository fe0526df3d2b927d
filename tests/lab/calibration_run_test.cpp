#include "../support/in_memory_job_store.hpp"
#include "../support/in_memory_lab_records.hpp"

#include <callab/drivers/errc.hpp>
#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/calibration_run.hpp>
#include <callab/lab/point_condition.hpp>
#include <callab/lab/run_results.hpp>
#include <callab/lab/stated_uncertainty.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <deque>

namespace callab::lab {
namespace {

/// A meter that gives scripted values and fails once the script runs out.
class ScriptedMeter : public drivers::Source {
public:
    ScriptedMeter(std::string device, std::string unit, std::deque<double> values)
        : device_(std::move(device)), unit_(std::move(unit)), values_(std::move(values)) {}
    boost::system::result<drivers::Reading> read() override {
        if (values_.empty()) {
            return drivers::errc::timeout;
        }
        const double v = values_.front();
        values_.pop_front();
        return drivers::Reading{"q", v, unit_, std::chrono::system_clock::now(), device_};
    }
    std::string device() const override { return device_; }
    boost::system::result<void> write_setting(std::string_view, double value) override {
        set_points.push_back(value);
        return {};
    }
    std::vector<std::string> setting_names() const override { return {"set_point"}; }
    boost::system::result<bool> is_stable() override { return ++checks > 2; }
    void add(std::initializer_list<double> v) { values_.insert(values_.end(), v); }
    std::vector<double> set_points;
    int checks = 0;

private:
    std::string device_;
    std::string unit_;
    std::deque<double> values_;
};

/// An environment sensor reading fixed values, or failing when `fail` is set.
class FixedSensor : public drivers::Meter {
public:
    boost::system::result<drivers::Reading> read() override { return read_all()->front(); }
    boost::system::result<std::vector<drivers::Reading>> read_all() override {
        if (fail) {
            return drivers::errc::timeout;
        }
        const auto now = std::chrono::system_clock::now();
        return std::vector<drivers::Reading>{{"temperature", temperature, "degC", now, device()},
                                             {"humidity", humidity, "percent", now, device()}};
    }
    std::string device() const override { return "modbus-tcp://127.0.0.1:1503"; }
    double temperature = 23.0;
    double humidity = 45.0;
    bool fail = false;
};

struct Recorder : RunObserver {
    void point_started(int p, double) override { events.push_back("start " + std::to_string(p)); }
    void reading_stored(const ReadingRecord&, ReadingRole) override { ++stored; }
    void point_computed(const PointResult& r) override {
        events.push_back("result " + std::to_string(r.test_point));
    }
    void paused(const std::string& reason) override { events.push_back("paused " + reason); }
    void finished(std::span<const PointResult> r) override {
        events.push_back("finished " + std::to_string(r.size()));
    }
    std::vector<std::string> events;
    int stored = 0;
};

/// IRT-FOREHEAD without its stabilisation wait, so scripted sources give only readings.
Procedure forehead() {
    Procedure p{ProcedureId{1}, 1, builtin_procedures().front()};
    p.data.stabilisation_seconds = 0;
    return p;
}

Date today() {
    return date_of(std::chrono::system_clock::now());
}

Date days_from_today(int days) {
    return Date{std::chrono::sys_days(today()) + std::chrono::days(days)};
}

struct Fixture : ::testing::Test {
    test_support::InMemoryJobStore store;
    test_support::InMemoryStandardStore standards;
    test_support::InMemoryUserStore users;
    FixedSensor sensor;
    User technician = add_technician();
    StandardId blackbody_standard = add_blackbody("U = 0.05 °C (k = 2)", days_from_today(300));
    Job job = store.create_job(opened_job());

    User add_technician() {
        auto user = users.add_user(NewUser{"li.wei", Role::technician, std::nullopt, "Li Wei"}, "x",
                                   "admin");
        users.authorise(user->id, "IRT-FOREHEAD", "admin");
        return *user;
    }
    StandardId add_blackbody(const std::string& uncertainty, Date due) {
        auto standard = standards.add_standard(
            NewReferenceStandard{"Blackbody", "Fluke", "4180", "B1", {}, "NIM"}, "admin");
        add_certificate(standard->id, "NIM-2026-1", uncertainty, due);
        return standard->id;
    }
    void add_certificate(StandardId id, const std::string& number, const std::string& uncertainty,
                         Date due) {
        StandardCertificate c;
        c.standard = id;
        c.number = number;
        c.issuer = "NIM";
        c.calibrated_on = days_from_today(-65);
        c.due_on = due;
        c.uncertainty = uncertainty;
        ASSERT_TRUE(standards.add_certificate(c, "admin"));
    }
    NewJob opened_job() {
        NewJob spec{"IR forehead", "MC-720", "object_temperature", "degC", 0.1};
        spec.technician = technician.id;
        return spec;
    }
    RunRecords records() { return RunRecords{standards, users}; }
    Bench bench(drivers::Source* source, drivers::Meter* indication) {
        return Bench{source, indication, nullptr, &sensor};
    }
    RunSettings settings() {
        RunSettings s;
        s.recorded_by = "li.wei";
        s.standards = {blackbody_standard};
        s.resolution = 0.1;
        s.range_low = 32.0;
        s.range_high = 42.5;
        return s;
    }
};

// Hand computation at 37 °C: indications 37.1 37.2 37.1 37.2 37.1, reference 37.00 × 5.
// mean 37.14, error 0.14; s = √(0.012/4) = 0.0547723, u(rep) = s/√5 = 0.0244949, ν = 4;
// reference 0.025; resolution 0.05/√3 = 0.0288675; uniformity 0.02/√3, stability 0.01/√3,
// emissivity 0.015/√3, environment 0.01/√3. u_c² = 0.00233333, u_c = 0.0483046;
// ν_eff = u_c⁴/(u_rep⁴/4) = 60.49 → 60, t = 2.000298, U = 0.0966236 > CMC 0.06.
// Non-binary: |e| ≤ 0.2 < |e| + U → conditional pass.
TEST_F(Fixture, ForeheadThermometerRunComputesEveryPointAsByHand) {
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {});
    ScriptedMeter dut("modbus-tcp://127.0.0.1:1502", "degC", {});
    for (double nominal : {35.0, 37.0, 39.0}) {
        blackbody.add({nominal, nominal, nominal, nominal, nominal});
        dut.add({nominal + 0.1, nominal + 0.2, nominal + 0.1, nominal + 0.2, nominal + 0.1});
    }
    Recorder events;
    CalibrationRun run(store, records(), job, forehead(), bench(&blackbody, &dut), settings(),
                       &events);
    ASSERT_EQ(run.run(), RunState::finished) << run.pause_reason();
    EXPECT_EQ(blackbody.set_points, (std::vector<double>{35.0, 37.0, 39.0}));
    ASSERT_EQ(run.results().size(), 3u);
    EXPECT_EQ(store.readings_of(job.id).size(), 30u);
    EXPECT_EQ(events.stored, 30);
    const PointResult& r = run.results()[1];
    EXPECT_NEAR(r.indication_mean, 37.14, 1e-9);
    EXPECT_NEAR(r.error, 0.14, 1e-9);
    EXPECT_NEAR(r.correction, -0.14, 1e-9);
    EXPECT_NEAR(r.standard_uncertainty, 0.0483046, 1e-7);
    EXPECT_NEAR(r.effective_degrees_of_freedom, 60.4938, 1e-3);
    EXPECT_NEAR(r.coverage_factor, 2.000298, 1e-6);
    EXPECT_NEAR(r.expanded_uncertainty, 0.0966236, 1e-6);
    EXPECT_EQ(r.conformity, Conformity::conditional_pass);
    EXPECT_EQ(events.events.back(), "finished 3");
    EXPECT_EQ(events.events.front(), "start 0");
    // u(reference) = U/k of the blackbody's certificate "U = 0.05 °C (k = 2)".
    const auto reference = std::find_if(r.budget.begin(), r.budget.end(), [](const auto& b) {
        return b.name == "reference standard";
    });
    ASSERT_NE(reference, r.budget.end());
    EXPECT_DOUBLE_EQ(reference->standard_uncertainty, 0.025);
    EXPECT_EQ(run.conditions().reference_certificate, "NIM-2026-1");
    const auto used = store.standards_used(job.id);
    ASSERT_EQ(used.size(), 3u);
    EXPECT_EQ(used[2].test_point, 2);
    EXPECT_EQ(used[2].standard, blackbody_standard);
    // The run's start is stored: the reference's u, the resolution and the room it read.
    const auto starts = store.run_starts_of(job.id);
    ASSERT_EQ(starts.size(), 1u);
    EXPECT_DOUBLE_EQ(starts[0].reference_standard_u, 0.025);
    EXPECT_EQ(starts[0].reference_certificate, "NIM-2026-1");
    EXPECT_DOUBLE_EQ(starts[0].resolution, 0.1);
    EXPECT_EQ(starts[0].recorded_by, "li.wei");
    ASSERT_EQ(starts[0].environment.size(), 2u);
    EXPECT_EQ(starts[0].environment[0].quantity, "temperature");
    EXPECT_DOUBLE_EQ(starts[0].environment[0].value, 23.0);
    EXPECT_EQ(starts[0].environment[1].quantity, "humidity");
    EXPECT_DOUBLE_EQ(starts[0].environment[1].value, 45.0);
    // The stored readings give the run's results by the same computation.
    const auto again = results_from_readings(forehead(), store.readings_of(job.id),
                                             PointInputs{0.025, 0.1, builtin_cmc_table()});
    ASSERT_TRUE(again) << again.error().message;
    ASSERT_EQ(again->size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ((*again)[i].error, run.results()[i].error);
        EXPECT_EQ((*again)[i].expanded_uncertainty, run.results()[i].expanded_uncertainty);
        EXPECT_EQ((*again)[i].conformity, run.results()[i].conformity);
    }
}

TEST_F(Fixture, ManualIndicationsMixWithAReferenceFromTheSource) {
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35, 35, 35, 35, 35});
    CalibrationRun run(store, records(), job, forehead(), bench(&blackbody, nullptr), settings());
    ASSERT_EQ(run.run(), RunState::paused);
    EXPECT_NE(run.pause_reason().find("enter device under test readings at test point 0"),
              std::string::npos);
    auto wrong_unit = run.enter_manual(ReadingRole::indication, 35.1, "degF");
    ASSERT_FALSE(wrong_unit);
    EXPECT_EQ(wrong_unit.error().message.rfind("unit:", 0), 0u);
    auto out_of_range = run.enter_manual(ReadingRole::indication, 55.0, "degC");
    ASSERT_FALSE(out_of_range);
    EXPECT_EQ(out_of_range.error().message.rfind("value:", 0), 0u);
    EXPECT_EQ(store.readings_of(job.id).size(), 5u);
    for (double v : {35.1, 35.0, 35.1, 35.0, 35.1}) {
        auto stored = run.enter_manual(ReadingRole::indication, v, "degC");
        ASSERT_TRUE(stored) << stored.error().message;
        EXPECT_EQ(stored->source, "manual");
        EXPECT_EQ(stored->test_point, 0);
    }
    EXPECT_FALSE(run.enter_manual(ReadingRole::indication, 35.0, "degC"));
    EXPECT_EQ(run.run(), RunState::paused); // point 1 waits for its manual readings
    ASSERT_EQ(run.results().size(), 1u);
    EXPECT_NEAR(run.results()[0].error, 0.06, 1e-9);
    EXPECT_EQ(run.current_point(), 1);
    // Point 1 has no reading yet: the records cannot give every result.
    const auto incomplete = results_from_readings(forehead(), store.readings_of(job.id),
                                                  PointInputs{0.025, 0.1, builtin_cmc_table()});
    ASSERT_FALSE(incomplete);
    EXPECT_EQ(incomplete.error().code, errc::not_enough_readings);
    EXPECT_EQ(incomplete.error().message,
              "readings: test point 1 has 0 reference and 0 device readings of 5 each");
    EXPECT_EQ(store.run_starts_of(job.id).size(), 2u); // started, then resumed
}

TEST_F(Fixture, APointWhoseStandardsWereChosenAtOpeningKeepsThem) {
    const auto second = add_blackbody("U = 0.05 °C (k = 2)", days_from_today(300));
    store.record_standard_use(StandardUse{job.id, 0, second, std::nullopt});
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35, 35, 35, 35, 35});
    CalibrationRun run(store, records(), job, forehead(), bench(&blackbody, nullptr), settings());
    ASSERT_EQ(run.run(), RunState::paused); // point 0 waits for its typed readings
    const auto used = store.standards_used(job.id);
    ASSERT_EQ(used.size(), 1u);
    EXPECT_EQ(used[0].standard, second);
}

TEST_F(Fixture, DeviceFaultPausesNamingTheDeviceAndARunResumesFromTheStoredReadings) {
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35, 35, 35, 35, 35, 37, 37});
    ScriptedMeter dut("modbus-tcp://127.0.0.1:1502", "degC", {35.1, 35.1, 35.1, 35.1, 35.1, 37.1});
    {
        CalibrationRun run(store, records(), job, forehead(), bench(&blackbody, &dut), settings());
        ASSERT_EQ(run.run(), RunState::paused);
        EXPECT_NE(run.pause_reason().find("device scpi://127.0.0.1:5025"), std::string::npos)
            << run.pause_reason();
        // Point 0 complete; point 1 has the two reference readings the blackbody gave.
        EXPECT_EQ(store.readings_of(job.id).size(), 12u);
    } // the run object goes away as in a crash
    blackbody.add({37, 37, 37, 39, 39, 39, 39, 39});
    dut.add({37.1, 37.1, 37.1, 37.1, 39.1, 39.1, 39.1, 39.1, 39.1});
    CalibrationRun resumed(store, records(), job, forehead(), bench(&blackbody, &dut), settings());
    ASSERT_EQ(resumed.run(), RunState::finished) << resumed.pause_reason();
    EXPECT_EQ(store.readings_of(job.id).size(), 30u);
    EXPECT_EQ(blackbody.set_points, (std::vector<double>{35.0, 37.0, 37.0, 39.0}));
    EXPECT_NEAR(resumed.results()[1].error, 0.1, 1e-9);
    EXPECT_EQ(store.run_starts_of(job.id).size(), 2u);
}

TEST_F(Fixture, ExpandedUncertaintyIsNeverBelowTheCmc) {
    Procedure p = forehead();
    p.data.uncertainty_inputs = {};
    std::vector<double> ind{37.0, 37.0, 37.0, 37.0, 37.01};
    std::vector<double> ref{37.0};
    auto r = compute_point(p, 1, ind, ref, 0.005, 0.0, builtin_cmc_table());
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_LT(r->evaluated_expanded_uncertainty, 0.06);
    ASSERT_TRUE(r->cmc);
    EXPECT_DOUBLE_EQ(r->expanded_uncertainty, 0.06);
}

TEST_F(Fixture, RefusesATechnicianNotAuthorisedForTheProcedure) {
    auto other =
        users.add_user(NewUser{"zhang.min", Role::technician, std::nullopt, "Zhang"}, "x", "admin");
    NewJob spec = opened_job();
    spec.technician = other->id;
    const Job unauthorised = store.create_job(spec);
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35, 35, 35, 35, 35});
    CalibrationRun run(store, records(), unauthorised, forehead(), bench(&blackbody, nullptr),
                       settings());
    ASSERT_EQ(run.run(), RunState::refused);
    ASSERT_TRUE(run.refusal());
    EXPECT_EQ(run.refusal()->code, errc::not_permitted);
    EXPECT_EQ(run.refusal()->message,
              "technician zhang.min is not authorised for procedure IRT-FOREHEAD");
    EXPECT_TRUE(blackbody.set_points.empty());
    EXPECT_FALSE(run.enter_manual(ReadingRole::indication, 35.0, "degC"));
    EXPECT_TRUE(store.readings_of(unauthorised.id).empty());
    users.authorise(other->id, "IRT-FOREHEAD", "admin");
    EXPECT_EQ(run.run(), RunState::paused); // starts now; waits for typed indications
    EXPECT_EQ(blackbody.set_points, (std::vector<double>{35.0}));
}

TEST_F(Fixture, RefusesAnOverdueStandardAndChecksAgainAtResume) {
    const StandardId overdue = add_blackbody("U = 0.05 °C (k = 2)", days_from_today(-1));
    RunSettings s = settings();
    s.standards = {overdue};
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35, 35, 35, 35, 35});
    CalibrationRun run(store, records(), job, forehead(), bench(&blackbody, nullptr), s);
    ASSERT_EQ(run.run(), RunState::refused);
    EXPECT_EQ(run.refusal()->code, errc::standard_not_usable);
    EXPECT_EQ(run.pause_reason().rfind("standard " + overdue.to_string() +
                                           " (Blackbody) is overdue: certificate NIM-2026-1",
                                       0),
              0u)
        << run.pause_reason();
    add_certificate(overdue, "NIM-2026-2", "U = 0.06 °C (k = 2)", days_from_today(200));
    EXPECT_EQ(run.run(), RunState::paused);
    EXPECT_EQ(run.conditions().reference_certificate, "NIM-2026-2");
    EXPECT_DOUBLE_EQ(run.conditions().reference_standard_u, 0.03);
    ASSERT_TRUE(standards.set_status(overdue, StandardStatus::suspended, "dropped", "admin"));
    EXPECT_EQ(run.run(), RunState::refused);
    EXPECT_NE(run.pause_reason().find("is suspended"), std::string::npos) << run.pause_reason();
}

TEST_F(Fixture, RefusesAStandardWhoseCertificateStatesNoUsableUncertainty) {
    RunSettings s = settings();
    s.standards = {add_blackbody("U = 0.2 K", days_from_today(100))};
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {});
    CalibrationRun run(store, records(), job, forehead(), bench(&blackbody, nullptr), s);
    ASSERT_EQ(run.run(), RunState::refused);
    EXPECT_NE(run.pause_reason().find("states no coverage factor k"), std::string::npos)
        << run.pause_reason();
    s.standards = {add_blackbody("U = 0.2 V (k = 2)", days_from_today(100))};
    CalibrationRun volts(store, records(), job, forehead(), bench(&blackbody, nullptr), s);
    ASSERT_EQ(volts.run(), RunState::refused);
    EXPECT_NE(volts.pause_reason().find("U is in V, the procedure measures in degC"),
              std::string::npos)
        << volts.pause_reason();
}

TEST_F(Fixture, RefusesAnEnvironmentOutsideTheProceduresLimits) {
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35});
    sensor.temperature = 29.5;
    CalibrationRun run(store, records(), job, forehead(), bench(&blackbody, nullptr), settings());
    ASSERT_EQ(run.run(), RunState::refused);
    EXPECT_EQ(run.pause_reason(), "environment: temperature 29.5 degC read by "
                                  "modbus-tcp://127.0.0.1:1503 is outside procedure "
                                  "IRT-FOREHEAD's 18–28 degC");
    EXPECT_TRUE(store.run_starts_of(job.id).empty()); // a refused run stores nothing
    sensor.temperature = 23.0;
    sensor.humidity = 85.0;
    EXPECT_EQ(run.run(), RunState::refused);
    EXPECT_NE(run.pause_reason().find("humidity 85 percent"), std::string::npos);
    sensor.fail = true;
    EXPECT_EQ(run.run(), RunState::refused);
    EXPECT_EQ(run.refusal()->code, errc::device_fault);
    EXPECT_EQ(run.pause_reason().rfind("device modbus-tcp://127.0.0.1:1503: ", 0), 0u);
    CalibrationRun without(store, records(), job, forehead(), Bench{&blackbody}, settings());
    EXPECT_EQ(without.run(), RunState::refused);
    EXPECT_NE(without.pause_reason().find("no environment sensor"), std::string::npos);
    EXPECT_TRUE(store.readings_of(job.id).empty());
    EXPECT_TRUE(blackbody.set_points.empty());
}

TEST_F(Fixture, ATypedEnvironmentIsCheckedAndStoredAsASensorsWouldBe) {
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35, 35, 35, 35, 35});
    const auto now = std::chrono::system_clock::now();
    RunSettings typed = settings();
    typed.typed_environment = {{"temperature", 30.5, "degC", now, "manual"},
                               {"humidity", 50.0, "percent", now, "manual"}};
    CalibrationRun hot(store, records(), job, forehead(), Bench{&blackbody}, typed);
    EXPECT_EQ(hot.run(), RunState::refused);
    EXPECT_EQ(hot.pause_reason(), "environment: temperature 30.5 degC read by manual is outside "
                                  "procedure IRT-FOREHEAD's 18–28 degC");
    EXPECT_TRUE(store.run_starts_of(job.id).empty());

    typed.typed_environment[0].value = 22.5;
    CalibrationRun run(store, records(), job, forehead(), Bench{&blackbody}, typed);
    EXPECT_EQ(run.run(), RunState::paused); // the device's readings are typed
    const auto starts = store.run_starts_of(job.id);
    ASSERT_EQ(starts.size(), 1u);
    ASSERT_EQ(starts[0].environment.size(), 2u);
    EXPECT_DOUBLE_EQ(starts[0].environment[0].value, 22.5);
    EXPECT_EQ(starts[0].environment[0].device, "manual");
    EXPECT_DOUBLE_EQ(starts[0].environment[1].value, 50.0);
}

TEST_F(Fixture, WaitsUntilTheReferenceAgreesWithinTheToleranceForTheStabilisationTime) {
    // 60 s of the procedure pass in 6 ms; the reference is read every millisecond.
    Procedure p = forehead();
    p.data.stabilisation_seconds = 60;
    RunSettings s = settings();
    s.time_scale = 10000.0;
    s.stability_poll = std::chrono::milliseconds(1);
    s.stability_checks = 200;
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {33.0, 34.0, 34.9, 34.99});
    for (int i = 0; i < 150; ++i) {
        blackbody.add({35.0 + (i % 2) * 0.01});
    }
    CalibrationRun run(store, records(), job, p, bench(&blackbody, nullptr), s);
    ASSERT_EQ(run.run(), RunState::paused);
    EXPECT_NE(run.pause_reason().find("enter device under test readings"), std::string::npos)
        << run.pause_reason();
    const auto stored = store.readings_of(job.id);
    ASSERT_EQ(stored.size(), 5u);
    for (const auto& r : stored) {
        EXPECT_GE(r.value, 35.0); // taken once settled, none of the ramp
    }

    ScriptedMeter drifting("scpi://127.0.0.1:5026", "degC", {});
    for (int i = 0; i < 40; ++i) {
        drifting.add({35.0 + i * 0.05});
    }
    s.stability_checks = 30;
    const Job other = store.create_job(opened_job());
    CalibrationRun never(store, records(), other, p, bench(&drifting, nullptr), s);
    ASSERT_EQ(never.run(), RunState::paused);
    EXPECT_EQ(never.pause_reason().rfind("device scpi://127.0.0.1:5026: not stable within", 0), 0u)
        << never.pause_reason();
    EXPECT_TRUE(store.readings_of(other.id).empty());
}

TEST_F(Fixture, PowerPointsSetTheSourceAndReadTheAnalysersVoltage) {
    class PowerSource : public ScriptedMeter {
    public:
        using ScriptedMeter::ScriptedMeter;
        boost::system::result<void> write_setting(std::string_view name, double value) override {
            writes.emplace_back(std::string(name), value);
            return {};
        }
        std::vector<std::string> setting_names() const override {
            return {"voltage", "current", "phase", "output"};
        }
        std::vector<std::pair<std::string, double>> writes;
    };
    // An analyser whose primary reading is active power: the run takes its voltage.
    class Analyser : public ScriptedMeter {
    public:
        using ScriptedMeter::ScriptedMeter;
        boost::system::result<drivers::Reading> read() override {
            return drivers::Reading{"active_power", 1150.0, "W", {}, device()};
        }
        boost::system::result<std::vector<drivers::Reading>> read_all() override {
            auto voltage = ScriptedMeter::read();
            if (!voltage) {
                return voltage.error();
            }
            return std::vector<drivers::Reading>{*read(), *voltage};
        }
    };
    NewProcedure voltage;
    for (const auto& p : builtin_procedures()) {
        if (p.code == "PA-VOLTAGE") {
            voltage = p;
        }
    }
    ASSERT_EQ(voltage.point_conditions,
              (std::vector<std::string>{"230 V, 5 A, PF 1", "230 V, 5 A, PF 0.5L",
                                        "230 V, 5 A, PF 0.5C"}));
    voltage.stabilisation_seconds = 0;
    voltage.readings_per_point = 2;
    users.authorise(technician.id, "PA-VOLTAGE", "admin");
    RunSettings s = settings();
    s.standards = {add_blackbody("U = 0.046 V (k = 2); U = 0.001 A (k = 2)", days_from_today(100))};
    s.source_setting.clear();
    s.resolution = 0.01;
    s.range_low = 0.0;
    s.range_high = 600.0;
    PowerSource source("scpi://127.0.0.1:5027", "V", {230, 230, 230, 230, 230, 230});
    Analyser analyser("scpi://127.0.0.1:5028", "V",
                      {230.01, 230.02, 230.01, 230.02, 230.01, 230.02});
    NewJob spec = opened_job();
    spec.unit = "V";
    const Job pa = store.create_job(spec);
    CalibrationRun run(store, records(), pa, Procedure{ProcedureId{2}, 1, voltage},
                       bench(&source, &analyser), s);
    ASSERT_EQ(run.run(), RunState::finished) << run.pause_reason();
    ASSERT_EQ(source.writes.size(), 12u);
    using Write = std::pair<std::string, double>;
    EXPECT_EQ(source.writes[0], (Write{"voltage", 230.0}));
    EXPECT_EQ(source.writes[1], (Write{"current", 5.0}));
    EXPECT_EQ(source.writes[2].first, "phase");
    EXPECT_NEAR(source.writes[2].second, 0.0, 1e-9);
    EXPECT_EQ(source.writes[3], (Write{"output", 1.0}));
    EXPECT_NEAR(source.writes[6].second, 60.0, 1e-9);
    EXPECT_NEAR(source.writes[10].second, -60.0, 1e-9);
    ASSERT_EQ(run.results().size(), 3u);
    EXPECT_NEAR(run.results()[0].error, 0.015, 1e-9); // 230.015 V read, 230 V output
    EXPECT_NEAR(run.conditions().reference_standard_u, 0.023, 1e-12);
}

TEST(PointCondition, ReadsTheSourceSettingsOfAPowerPoint) {
    const auto commands = source_commands_of("230 V, 5 A, PF 0.5C");
    ASSERT_TRUE(commands) << commands.error().message;
    ASSERT_EQ(commands->size(), 3u);
    EXPECT_EQ((*commands)[0].setting, "voltage");
    EXPECT_EQ((*commands)[0].value, 230.0);
    EXPECT_EQ((*commands)[1].setting, "current");
    EXPECT_EQ((*commands)[1].value, 5.0);
    EXPECT_EQ((*commands)[2].setting, "phase");
    EXPECT_NEAR((*commands)[2].value, -60.0, 1e-9);
    const auto bare = source_commands_of("0.5L");
    ASSERT_TRUE(bare);
    ASSERT_EQ(bare->size(), 1u);
    EXPECT_NEAR((*bare)[0].value, 60.0, 1e-9);
    EXPECT_TRUE(source_commands_of("ambient 23 degC").value().empty());
    const auto wrong = source_commands_of("230 V, PF 1.5");
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.error().message.find("PF 1.5"), std::string::npos) << wrong.error().message;
}

TEST(StatedUncertainty, ACertificateOfSeveralQuantitiesGivesTheOneInTheUnit) {
    StandardCertificate certificate;
    certificate.number = "NIM-PS-1";
    certificate.uncertainty = "U = 0.02 V (k = 2); U = 0.0005 A (k = 2); U = 0.2 W (k = 2)";
    EXPECT_DOUBLE_EQ(certificate_standard_uncertainty(certificate, "V").value(), 0.01);
    EXPECT_DOUBLE_EQ(certificate_standard_uncertainty(certificate, "A").value(), 0.00025);
    EXPECT_DOUBLE_EQ(certificate_standard_uncertainty(certificate, "W").value(), 0.1);
    const auto none = certificate_standard_uncertainty(certificate, "degC");
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().message,
              "certificate NIM-PS-1: U is in V, A, W, the procedure measures in degC");
}

TEST(StatedUncertainty, ReadsTheCertificatesStatement) {
    auto a = parse_stated_uncertainty("U = 0.04 ℃ (k=2)");
    ASSERT_TRUE(a) << a.error().message;
    EXPECT_DOUBLE_EQ(a->expanded, 0.04);
    EXPECT_EQ(a->unit, "degC");
    EXPECT_DOUBLE_EQ(a->coverage_factor, 2.0);
    auto b = parse_stated_uncertainty("U=0.01 %, k=2.1");
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_EQ(b->unit, "percent");
    EXPECT_DOUBLE_EQ(b->coverage_factor, 2.1);
    EXPECT_FALSE(parse_stated_uncertainty("±0.2 °C"));
    EXPECT_FALSE(parse_stated_uncertainty("U = 0.2 (k = 2)"));
    EXPECT_FALSE(parse_stated_uncertainty("U = -0.2 °C (k = 2)"));
    EXPECT_FALSE(parse_stated_uncertainty("U = 0.2 °C (k = 0)"));
}

TEST(DecisionRule, IlacG8Cases) {
    using enum Conformity;
    EXPECT_EQ(decide_conformity(DecisionRule::simple_acceptance, 0, 0.19, 0.1, 0.2), pass);
    EXPECT_EQ(decide_conformity(DecisionRule::simple_acceptance, 0, -0.21, 0.1, 0.2), fail);
    EXPECT_EQ(decide_conformity(DecisionRule::guard_band, 1.0, 0.15, 0.1, 0.2), fail);
    EXPECT_EQ(decide_conformity(DecisionRule::guard_band, 1.0, 0.09, 0.1, 0.2), pass);
    EXPECT_EQ(decide_conformity(DecisionRule::non_binary, 1.0, 0.05, 0.1, 0.2), pass);
    EXPECT_EQ(decide_conformity(DecisionRule::non_binary, 1.0, 0.15, 0.1, 0.2), conditional_pass);
    EXPECT_EQ(decide_conformity(DecisionRule::non_binary, 1.0, -0.25, 0.1, 0.2), conditional_fail);
    EXPECT_EQ(decide_conformity(DecisionRule::non_binary, 1.0, 0.35, 0.1, 0.2), fail);
}

TEST(BuiltinProcedures, AreValidAndCarryThePublishedPoints) {
    auto all = builtin_procedures();
    ASSERT_EQ(all.size(), 7u);
    for (const auto& p : all) {
        EXPECT_TRUE(validate_procedure(p)) << p.code;
    }
    EXPECT_EQ(all[0].test_points, (std::vector<double>{35.0, 37.0, 39.0}));
    EXPECT_EQ(all[1].test_points, (std::vector<double>{35.0, 37.0, 41.5}));
    EXPECT_DOUBLE_EQ(all[0].maximum_permissible_error, 0.2);
}

} // namespace
} // namespace callab::lab
