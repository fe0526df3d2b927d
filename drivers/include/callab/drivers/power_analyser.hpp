#pragma once

#include <callab/drivers/meter.hpp>
#include <callab/drivers/scpi_client.hpp>

namespace callab::drivers {

/// A Yokogawa WT300-style power analyser: at first use it sets the numeric item list
/// (U, I, P, S, Q, λ, f of one element) and then reads all items with one
/// `:NUM:NORM:VAL?`. An item answered with NAN or INF (or 9.91E+37 / 9.9E+37) is an error
/// naming the item, never a number.
class PowerAnalyser final : public Instrument {
public:
    /// `element` is the input element measured (1-3).
    PowerAnalyser(ConnectionUri uri, ScpiClient::Options options, int element = 1);

    /// Active power P.
    boost::system::result<Reading> read() override;
    /// U, I, P, S, Q, λ, f in that order.
    boost::system::result<std::vector<Reading>> read_all() override;
    /// update_rate (s): one of 0.1, 0.25, 0.5, 1, 2, 5.
    boost::system::result<void> write_setting(std::string_view name, double value) override;
    std::vector<std::string> setting_names() const override { return {"update_rate"}; }

    std::string device() const override { return client_.uri().to_string(); }
    std::string last_fault() const override { return last_fault_; }

private:
    boost::system::result<void> configure();

    ScpiClient client_;
    int element_;
    bool configured_ = false;
    std::string last_fault_;
};

} // namespace callab::drivers
