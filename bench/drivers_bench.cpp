// Modbus through callab's drivers against a bare libmodbus loop (the named baseline), both
// reading the same callab simulator on loopback TCP in one run; and Modbus RTU on a pty,
// where the simulator measures the silent interval every party keeps.
#include <callab/drivers/modbus_client.hpp>
#include <callab/drivers/modbus_meter.hpp>
#include <callab/drivers/modbus_simulator.hpp>
#include <callab/drivers/shipped_profiles.hpp>

#include <benchmark/benchmark.h>
#include <modbus.h>

#include <memory>
#include <string>

namespace {

using namespace callab::drivers;

// One simulated IR thermometer on loopback TCP for every TCP benchmark.
const ConnectionUri& tcp_simulator() {
    static const auto profile = find_shipped_profile("ir-thermometer").value();
    static ModbusSimulator simulator(profile, make_modbus_physics(profile.kind, {}).value(), {});
    static const ConnectionUri uri =
        simulator.start({"modbus-tcp", "127.0.0.1", 0, {}, {}}).value();
    return uri;
}

void modbus_tcp_baseline_libmodbus(benchmark::State& state) {
    const auto& uri = tcp_simulator();
    const int count = static_cast<int>(state.range(0));
    modbus_t* context = modbus_new_tcp_pi(uri.host.c_str(), std::to_string(uri.port).c_str());
    modbus_set_slave(context, 1);
    if (modbus_connect(context) == -1) {
        state.SkipWithError("cannot connect");
        modbus_free(context);
        return;
    }
    std::uint16_t registers[2];
    for (auto _ : state) {
        if (modbus_read_registers(context, 0, count, registers) != count) {
            state.SkipWithError("read failed");
            break;
        }
        benchmark::DoNotOptimize(registers[0]);
    }
    state.SetItemsProcessed(state.iterations());
    modbus_close(context);
    modbus_free(context);
}

void modbus_tcp_callab_client(benchmark::State& state) {
    ModbusClient client(tcp_simulator(), {});
    const int count = static_cast<int>(state.range(0));
    for (auto _ : state) {
        auto registers = client.read_registers(RegisterKind::holding, 0, count);
        if (!registers) {
            state.SkipWithError("read failed");
            break;
        }
        benchmark::DoNotOptimize(registers->front());
    }
    state.SetItemsProcessed(state.iterations());
}

// One reading through the profile-driven meter: request of 1 register, decode, scale,
// sentinel check, Reading with timestamp. Compare with the baseline at 1 register.
void modbus_tcp_callab_meter_reading(benchmark::State& state) {
    ModbusMeter meter(find_shipped_profile("ir-thermometer").value(), tcp_simulator(), {});
    for (auto _ : state) {
        auto reading = meter.read();
        if (!reading) {
            state.SkipWithError("read failed");
            break;
        }
        benchmark::DoNotOptimize(reading->value);
    }
    state.SetItemsProcessed(state.iterations());
}

// Readings over Modbus RTU on a pty at the given baud rate. The pty does not pace bytes, so
// every gap measured is what the client and the simulator keep on purpose.
void modbus_rtu_pty_silent_interval(benchmark::State& state) {
    const auto baud = std::to_string(state.range(0));
    const auto profile = find_shipped_profile("ir-thermometer").value();
    ModbusSimulator simulator(profile, make_modbus_physics(profile.kind, {}).value(), {});
    const auto uri = simulator.start({"modbus-rtu", "", 0, "pty", {{"baud", baud}}}).value();
    const auto options = modbus_options_from_uri(uri, {}).options;
    ModbusMeter meter(profile, uri, options);
    for (auto _ : state) {
        auto reading = meter.read();
        if (!reading) {
            state.SkipWithError("read failed");
            break;
        }
        benchmark::DoNotOptimize(reading->value);
    }
    const auto statistics = simulator.statistics();
    const ModbusClient client(uri, options);
    state.counters["t3.5_us"] = static_cast<double>(client.silent_interval().count());
    state.counters["min_gap_before_request_us"] =
        static_cast<double>(statistics.shortest_gap_before_request.count()) / 1000.0;
    state.counters["min_reply_delay_us"] =
        static_cast<double>(statistics.shortest_reply_delay.count()) / 1000.0;
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK(modbus_tcp_baseline_libmodbus)->Arg(1)->Arg(2)->UseRealTime();
BENCHMARK(modbus_tcp_callab_client)->Arg(1)->Arg(2)->UseRealTime();
BENCHMARK(modbus_tcp_callab_meter_reading)->UseRealTime();
BENCHMARK(modbus_rtu_pty_silent_interval)
    ->Arg(9600)
    ->Arg(19200)
    ->Arg(115200)
    ->Iterations(100)
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
