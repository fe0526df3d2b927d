#include "../support/in_memory_job_store.hpp"

#include <callab/drivers/errc.hpp>
#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/calibration_run.hpp>

#include <gtest/gtest.h>

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

Procedure forehead() {
    return Procedure{ProcedureId{1}, 1, builtin_procedures().front()};
}

struct Fixture : ::testing::Test {
    test_support::InMemoryJobStore store;
    Job job = store.create_job(NewJob{"IR forehead", "MC-720", "object_temperature", "degC", 0.1});
    RunSettings settings() {
        RunSettings s;
        s.recorded_by = "li.wei";
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
    CalibrationRun run(store, job, forehead(), Bench{&blackbody, &dut, nullptr, nullptr},
                       settings(), &events);
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
}

TEST_F(Fixture, ManualIndicationsMixWithAReferenceFromTheSource) {
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35, 35, 35, 35, 35});
    CalibrationRun run(store, job, forehead(), Bench{&blackbody, nullptr, nullptr, nullptr},
                       settings());
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
}

TEST_F(Fixture, DeviceFaultPausesNamingTheDeviceAndARunResumesFromTheStoredReadings) {
    ScriptedMeter blackbody("scpi://127.0.0.1:5025", "degC", {35, 35, 35, 35, 35, 37, 37});
    ScriptedMeter dut("modbus-tcp://127.0.0.1:1502", "degC", {35.1, 35.1, 35.1, 35.1, 35.1, 37.1});
    {
        CalibrationRun run(store, job, forehead(), Bench{&blackbody, &dut, nullptr, nullptr},
                           settings());
        ASSERT_EQ(run.run(), RunState::paused);
        EXPECT_NE(run.pause_reason().find("device scpi://127.0.0.1:5025"), std::string::npos)
            << run.pause_reason();
        // Point 0 complete; point 1 has the two reference readings the blackbody gave.
        EXPECT_EQ(store.readings_of(job.id).size(), 12u);
    } // the run object goes away as in a crash
    blackbody.add({37, 37, 37, 39, 39, 39, 39, 39});
    dut.add({37.1, 37.1, 37.1, 37.1, 39.1, 39.1, 39.1, 39.1, 39.1});
    CalibrationRun resumed(store, job, forehead(), Bench{&blackbody, &dut, nullptr, nullptr},
                           settings());
    ASSERT_EQ(resumed.run(), RunState::finished) << resumed.pause_reason();
    EXPECT_EQ(store.readings_of(job.id).size(), 30u);
    EXPECT_EQ(blackbody.set_points, (std::vector<double>{35.0, 37.0, 37.0, 39.0}));
    EXPECT_NEAR(resumed.results()[1].error, 0.1, 1e-9);
}

TEST_F(Fixture, ExpandedUncertaintyIsNeverBelowTheCmc) {
    Procedure p = forehead();
    p.data.uncertainty_inputs = {{"reference standard", 0.005, "normal"}};
    std::vector<double> ind{37.0, 37.0, 37.0, 37.0, 37.01};
    std::vector<double> ref{37.0};
    auto r = compute_point(p, 1, ind, ref, 0.0, builtin_cmc_table());
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_LT(r->evaluated_expanded_uncertainty, 0.06);
    ASSERT_TRUE(r->cmc);
    EXPECT_DOUBLE_EQ(r->expanded_uncertainty, 0.06);
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
