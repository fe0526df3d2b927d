#pragma once

#include <callab/lab/rejection.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace callab::lab {

/// A setting a test point's condition asks of the bench's source, e.g. {"voltage", 230}.
struct SourceCommand {
    std::string setting; ///< the source's setting name: "voltage", "current" or "phase"
    double value = 0.0;  ///< in the setting's unit: V, A, degrees (current after voltage)
};

/// Reads a point condition as the source settings it defines. Terms are separated by commas:
/// "230 V" is the voltage, "5 A" the current, "PF 0.5L" (or a bare "0.5L") the power factor,
/// set as the phase angle of the current (1 → 0°, 0.5L lagging → 60°, 0.5C leading → −60°).
/// "230 V, 5 A, PF 0.5L" gives voltage 230, current 5, phase 60. A condition with a term of
/// another kind defines nothing for the source (an empty list); errc::invalid_field names a
/// term of a known kind whose number cannot be read or is out of its range (PF 0 < λ ≤ 1).
Outcome<std::vector<SourceCommand>> source_commands_of(std::string_view condition);

} // namespace callab::lab
