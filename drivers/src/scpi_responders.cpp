// The simulated SCPI instruments: a Fluke 4180-class blackbody, a power source and a
// WT300-style power analyser.
#include "scpi_responder_base.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <random>

namespace callab::drivers {
namespace {

class BlackbodyResponder final : public ScpiResponderBase {
public:
    BlackbodyResponder(std::shared_ptr<BlackbodyPhysics> physics, const SimulatorOptions& options)
        : ScpiResponderBase("FLUKE,4180,SIM0001,1.00", "SYSTem:ERRor", "\r"),
          physics_(std::move(physics)), noise_(options.noise), random_(options.seed) {}

private:
    double scatter() { return noise_ * std::normal_distribution<double>(0.0, 1.0)(random_); }

    // A settable value: the query answers `get`, the command checks the range and calls `set`.
    template <typename Get, typename Set>
    std::optional<std::string> setting(const ScpiMessage& m, double low, double high, int decimals,
                                       Get get, Set set) {
        if (m.query) {
            return nr2(get(), decimals);
        }
        const auto value = m.number();
        if (!value || *value < low || *value > high) {
            return out_of_range();
        }
        set(*value);
        return std::nullopt;
    }

    std::optional<std::string> handle(const ScpiMessage& m) override {
        auto& bb = *physics_;
        if (m.is("*CLS") || m.is("*RST")) {
            return std::nullopt;
        }
        if (m.is("SOURce:SPOint")) {
            return setting(
                m, -15.0, 500.0, 2, [&] { return bb.set_point(); },
                [&](double v) { bb.set_set_point(v); });
        }
        if (m.is("SOURce:SENSe:DATA") && m.query) {
            return nr2(bb.radiance_temperature() + scatter(), 2);
        }
        if (m.is("SOURce:SENSe:BLOCk") && m.query) {
            return nr2(bb.block_temperature() + scatter(), 2);
        }
        if (m.is("SOURce:STABility:LIMit")) {
            return setting(
                m, 0.01, 5.0, 3, [&] { return bb.stability_limit(); },
                [&](double v) { bb.set_stability_limit(v); });
        }
        if (m.is("SOURce:STABility:TEST") && m.query) {
            return bb.stable() ? "1" : "0";
        }
        if (m.is("SOURce:STABility:DATa") && m.query) {
            return nr2(bb.stability(), 3);
        }
        if (m.is("SOURce:EMISsivity")) {
            return setting(
                m, 0.90, 1.00, 3, [&] { return bb.emissivity(); },
                [&](double v) { bb.set_emissivity(v); });
        }
        if (m.is("SOURce:CALibration:EMISsivity") && m.query) {
            return "0.950";
        }
        if (m.is("UNIT:TEMPerature") && m.query) {
            return "C";
        }
        return undefined_header();
    }

    std::shared_ptr<BlackbodyPhysics> physics_;
    double noise_;
    std::mt19937_64 random_;
};

class PowerSourceResponder final : public ScpiResponderBase {
public:
    explicit PowerSourceResponder(std::shared_ptr<PowerOutput> output)
        : ScpiResponderBase("CALLAB,POWER-SOURCE,SIM0001,1.0", "SYSTem:ERRor", "\n"),
          output_(std::move(output)) {}

private:
    // The output takes 200 ms to settle after a change.
    static constexpr std::chrono::milliseconds settling_time{200};

    template <typename Field>
    std::optional<std::string> setting(const ScpiMessage& m, double low, double high, Field field) {
        if (m.query) {
            auto state = output_->state();
            return nr3(field(state));
        }
        const auto value = m.number();
        if (!value || *value < low || *value > high) {
            return out_of_range();
        }
        output_->change([&](PowerOutput::State& s) { field(s) = *value; });
        changed_ = std::chrono::steady_clock::now();
        return std::nullopt;
    }

    std::optional<std::string> handle(const ScpiMessage& m) override {
        if (m.is("*CLS")) {
            return std::nullopt;
        }
        if (m.is("*RST")) {
            output_->change([](PowerOutput::State& s) { s = PowerOutput::State{}; });
            return std::nullopt;
        }
        if (m.is("SOURce:VOLTage")) {
            return setting(
                m, 0, 1000, [](auto& s) -> auto& { return s.voltage; });
        }
        if (m.is("SOURce:CURRent")) {
            return setting(
                m, 0, 100, [](auto& s) -> auto& { return s.current; });
        }
        if (m.is("SOURce:PHASe")) {
            return setting(
                m, -180, 180, [](auto& s) -> auto& { return s.phase; });
        }
        if (m.is("SOURce:FREQuency")) {
            return setting(
                m, 15, 1000, [](auto& s) -> auto& { return s.frequency; });
        }
        if (m.is("OUTPut:STATe")) {
            if (m.query) {
                return output_->state().on ? "1" : "0";
            }
            const auto value = m.number();
            if (!value || (*value != 0.0 && *value != 1.0)) {
                return out_of_range();
            }
            output_->change([&](PowerOutput::State& s) { s.on = *value == 1.0; });
            changed_ = std::chrono::steady_clock::now();
            return std::nullopt;
        }
        if (m.is("OUTPut:SETTled") && m.query) {
            return std::chrono::steady_clock::now() - changed_ >= settling_time ? "1" : "0";
        }
        if (m.is("MEASure:VOLTage") && m.query) {
            const auto s = output_->state();
            return nr3(s.on ? s.voltage : 0.0);
        }
        if (m.is("MEASure:CURRent") && m.query) {
            const auto s = output_->state();
            return nr3(s.on ? s.current : 0.0);
        }
        if (m.is("MEASure:POWer") && m.query) {
            const auto s = output_->state();
            return nr3(s.on ? s.voltage * s.current * std::cos(s.phase * std::numbers::pi / 180.0)
                            : 0.0);
        }
        return undefined_header();
    }

    std::shared_ptr<PowerOutput> output_;
    std::chrono::steady_clock::time_point changed_{};
};

class PowerAnalyserResponder final : public ScpiResponderBase {
public:
    PowerAnalyserResponder(std::shared_ptr<PowerOutput> output, const SimulatorOptions& options)
        : ScpiResponderBase("YOKOGAWA,WT310,SIM0001,F1.00", "STATus:ERRor", "\n"),
          output_(std::move(output)), error_(options.error), noise_(options.noise),
          random_(options.seed) {}

private:
    struct Item {
        std::string function = "U";
        int element = 1;
    };

    double scatter() { return 1.0 + noise_ * std::normal_distribution<double>(0.0, 1.0)(random_); }

    // The value of a numeric item from the present output; NaN where there is no signal.
    double value_of(const Item& item, const PowerOutput::State& s) {
        const bool signal = s.on && item.element == 1;
        const double u = signal ? (s.voltage + error_) * scatter() : 0.0;
        const double i = signal ? s.current * scatter() : 0.0;
        const double phi = s.phase * std::numbers::pi / 180.0;
        const double nan = std::nan("");
        const auto& f = item.function;
        if (f == "U") {
            return u;
        }
        if (f == "I") {
            return i;
        }
        if (f == "P") {
            return u * i * std::cos(phi);
        }
        if (f == "S") {
            return u * i;
        }
        if (f == "Q") {
            return u * i * std::sin(phi);
        }
        if (f == "LAMBDA" || f == "LAMB") {
            return signal && u * i > 0 ? std::cos(phi) : nan;
        }
        if (f == "PHI") {
            return signal && u * i > 0 ? s.phase : nan;
        }
        if (f == "FU" || f == "FI") {
            return signal ? s.frequency : nan;
        }
        return nan;
    }

    std::optional<std::string> handle(const ScpiMessage& m) override {
        if (m.is("*CLS") || m.is("*RST") || m.is("COMMunicate:HEADer") ||
            m.is("COMMunicate:REMote") || m.is("COMMunicate:VERBose") || m.is("NUMeric:FORMat") ||
            m.is("RATE") || m.is("STATus:QMESsage") || m.is("SYSTem:COMMunicate:COMMand")) {
            return std::nullopt;
        }
        if (m.is("NUMeric:NORMal:NUMber")) {
            const auto n = m.number();
            if (!n || *n < 1 || *n > 10) {
                return out_of_range();
            }
            count_ = static_cast<std::size_t>(*n);
            return std::nullopt;
        }
        if (m.is("NUMeric:NORMal:ITEM#") && !m.query) {
            const auto comma = m.arguments.find(',');
            if (m.suffix < 1 || m.suffix > 10 || comma == std::string::npos) {
                return out_of_range();
            }
            Item item;
            item.function = m.arguments.substr(0, comma);
            for (auto& c : item.function) {
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            }
            item.element = std::atoi(m.arguments.c_str() + comma + 1);
            items_[static_cast<std::size_t>(m.suffix - 1)] = item;
            return std::nullopt;
        }
        if (m.is("NUMeric:NORMal:VALue") && m.query) {
            const auto s = output_->state();
            std::string reply;
            for (std::size_t k = 0; k < count_; ++k) {
                reply += (k > 0 ? "," : "") + nr3(value_of(items_[k], s));
            }
            return reply;
        }
        return undefined_header();
    }

    std::shared_ptr<PowerOutput> output_;
    double error_;
    double noise_;
    std::mt19937_64 random_;
    std::size_t count_ = 7;
    std::array<Item, 10> items_{};
};

} // namespace

std::unique_ptr<ScpiResponder> make_blackbody_responder(std::shared_ptr<BlackbodyPhysics> physics,
                                                        const SimulatorOptions& options) {
    return std::make_unique<BlackbodyResponder>(std::move(physics), options);
}

std::unique_ptr<ScpiResponder> make_power_source_responder(std::shared_ptr<PowerOutput> output) {
    return std::make_unique<PowerSourceResponder>(std::move(output));
}

std::unique_ptr<ScpiResponder> make_power_analyser_responder(std::shared_ptr<PowerOutput> output,
                                                             const SimulatorOptions& options) {
    return std::make_unique<PowerAnalyserResponder>(std::move(output), options);
}

} // namespace callab::drivers
