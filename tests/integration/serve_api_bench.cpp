#include "serve_api_bench.hpp"

#include <callab/drivers/driver_registry.hpp>
#include <callab/drivers/modbus_physics.hpp>
#include <callab/drivers/modbus_simulator.hpp>
#include <callab/drivers/shipped_profiles.hpp>
#include <callab/lab/calendar_date.hpp>
#include <callab/lab/run_manager.hpp>

#include <algorithm>
#include <stdexcept>

namespace callab::test_support {
namespace {

// The reference standard of the typed bench: a blackbody with a certificate in date, so that
// the run engine's preconditions hold and u of the reference comes from its certificate.
lab::StandardId bench_standard(lab::StandardStore& standards) {
    auto added = standards.add_standard(
        {"Blackbody source", "Fluke", "4180", "API-4180", std::nullopt, "NIM China"}, "test");
    if (!added) {
        throw std::runtime_error("bench standard: " + added.error().message);
    }
    const auto today = lab::date_of(std::chrono::system_clock::now());
    lab::StandardCertificate certificate;
    certificate.standard = added->id;
    certificate.number = "NIM-BB-API";
    certificate.issuer = "National Institute of Metrology, China";
    certificate.calibrated_on = today;
    certificate.due_on = lab::Date{today.year() + std::chrono::years(1), today.month(),
                                   std::chrono::day(std::min(unsigned(today.day()), 28U))};
    certificate.uncertainty = "U = 0.05 °C (k = 2)";
    if (auto stored = standards.add_certificate(certificate, "test"); !stored) {
        throw std::runtime_error("bench certificate: " + stored.error().message);
    }
    return added->id;
}

// The bench's environment sensor, simulated on loopback, kept alive as long as the runs.
struct TypedBench {
    std::unique_ptr<drivers::ModbusSimulator> simulator;
    std::unique_ptr<drivers::Instrument> sensor;
    std::unique_ptr<lab::RunManager> runs;
};

} // namespace

std::shared_ptr<lab::RunManager> typed_run_manager(lab::JobStore& jobs, lab::UserStore& users,
                                                   lab::StandardStore& standards) {
    auto bench = std::make_shared<TypedBench>();
    const auto profile = drivers::find_shipped_profile("env-sensor").value();
    drivers::SimulatorOptions options;
    bench->simulator = std::make_unique<drivers::ModbusSimulator>(
        profile, drivers::make_modbus_physics(profile.kind, options).value(), options);
    const auto listening = bench->simulator->start({"modbus-tcp", "127.0.0.1", 0, {}, {}});
    if (!listening) {
        throw std::runtime_error("environment sensor: " + listening.error().message());
    }
    auto opened = drivers::open_driver(*drivers::find_driver("env-sensor"), *listening);
    if (!opened.instrument) {
        throw std::runtime_error("environment sensor: " + opened.error);
    }
    bench->sensor = std::move(opened.instrument);
    lab::RunSettings typed;
    typed.range_low = 32.0;
    typed.range_high = 42.5;
    typed.standards = {bench_standard(standards)};
    bench->runs = std::make_unique<lab::RunManager>(
        jobs, users, standards, lab::Bench{nullptr, nullptr, nullptr, bench->sensor.get()}, typed);
    return {bench, bench->runs.get()};
}

void wait_for_runs(lab::RunManager& runs) {
    runs.wait_idle();
}

} // namespace callab::test_support
