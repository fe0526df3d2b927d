#pragma once
// What every simulated SCPI instrument shares: parsing of a program message into header
// nodes and arguments, long/short-form matching, the error queue and the common commands.

#include <callab/drivers/scpi_simulator.hpp>

#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace callab::drivers {

struct ScpiMessage {
    std::vector<std::string> nodes; ///< upper case, no leading ':' and no '?'
    bool query = false;
    std::string arguments; ///< after the first blank, trimmed
    int suffix = 0;        ///< numeric suffix of the last node (ITEM3 → 3), 0 if none

    /// True when the header matches `pattern` such as "SOURce:SENSe:DATA": each node in its
    /// long form or its short form (the upper-case letters). A trailing '#' in the pattern's
    /// last node accepts a numeric suffix.
    bool is(std::string_view pattern) const;
    /// The arguments as a number, or nullopt.
    std::optional<double> number() const;
};

ScpiMessage parse_scpi_message(std::string_view text);

class ScpiResponderBase : public ScpiResponder {
public:
    ScpiResponderBase(std::string identity, std::string error_query, std::string terminator)
        : identity_(std::move(identity)), error_query_(std::move(error_query)),
          terminator_(std::move(terminator)) {}

    std::optional<std::string> respond(std::string_view text) final;
    void push_error(int code, std::string message) final;
    bool is_error_query(std::string_view text) const final;
    std::string reply_terminator() const final { return terminator_; }

protected:
    /// The instrument's own commands; nullopt = no response. Unknown headers call
    /// undefined_header().
    virtual std::optional<std::string> handle(const ScpiMessage& message) = 0;
    std::nullopt_t undefined_header() {
        push_error(-113, "Undefined header");
        return std::nullopt;
    }
    std::nullopt_t out_of_range() {
        push_error(-222, "Data out of range");
        return std::nullopt;
    }
    /// Formats a value as NR3 with 5 significant digits, or NAN.
    static std::string nr3(double value);
    /// Formats a value with `decimals` decimals (NR2).
    static std::string nr2(double value, int decimals);

private:
    std::string identity_;
    std::string error_query_;
    std::string terminator_;
    std::deque<std::pair<int, std::string>> errors_;
};

} // namespace callab::drivers
