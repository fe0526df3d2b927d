#pragma once

#include <callab/drivers/blackbody_physics.hpp>
#include <callab/drivers/connection_uri.hpp>
#include <callab/drivers/power_output.hpp>
#include <callab/drivers/simulator_options.hpp>

#include <boost/system/result.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace callab::drivers {

/// The instrument side of an SCPI conversation: one program message in, at most one
/// response out. Implementations keep an error queue.
class ScpiResponder {
public:
    virtual ~ScpiResponder() = default;
    /// The response to `message` (no terminator), or nullopt when it has none.
    virtual std::optional<std::string> respond(std::string_view message) = 0;
    /// Puts an entry on the error queue (as an instrument does for a refused command).
    virtual void push_error(int code, std::string message) = 0;
    /// True for the query that reads the error queue (never hit by injected faults).
    virtual bool is_error_query(std::string_view message) const = 0;
    /// What ends a response: "\r" for the Fluke 4180 (LF off), "\n" otherwise.
    virtual std::string reply_terminator() const = 0;
};

/// A Fluke 4180-class blackbody answering from `physics`; readings carry `options.noise`.
std::unique_ptr<ScpiResponder> make_blackbody_responder(std::shared_ptr<BlackbodyPhysics> physics,
                                                        const SimulatorOptions& options);
/// A power source driving `output`.
std::unique_ptr<ScpiResponder> make_power_source_responder(std::shared_ptr<PowerOutput> output);
/// A WT300-style power analyser measuring `output`, with `options.error` added to the
/// voltage and `options.noise` as relative scatter of every item.
std::unique_ptr<ScpiResponder> make_power_analyser_responder(std::shared_ptr<PowerOutput> output,
                                                             const SimulatorOptions& options);

/// Serves an ScpiResponder over TCP (scpi-tcp://HOST:PORT, port 0 picks one) or on a
/// pseudo-terminal pair it creates (scpi-serial:pty[?link=PATH]), injecting the configured
/// faults into responses.
class ScpiSimulator {
public:
    ScpiSimulator(std::unique_ptr<ScpiResponder> responder, SimulatorOptions options);
    ~ScpiSimulator();
    ScpiSimulator(const ScpiSimulator&) = delete;
    ScpiSimulator& operator=(const ScpiSimulator&) = delete;

    /// Returns the URI a client connects to.
    boost::system::result<ConnectionUri> start(const ConnectionUri& listen);
    void stop();

private:
    struct State;
    std::unique_ptr<State> state_;
    std::jthread thread_;
};

} // namespace callab::drivers
