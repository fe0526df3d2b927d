#pragma once

#include <callab/uncertainty/measurement_model.hpp>

#include <string_view>

namespace callab::uncertainty::detail {

/// Resolves a name to an input or output slot.
struct NameTable {
    const std::vector<std::string>* inputs = nullptr;
    const std::vector<std::string>* outputs = nullptr;
};

/// Compiles one expression into stack instructions; the message of a failure names the
/// position (1-based) but not the output, which the caller adds.
Outcome<std::vector<Instruction>> compile_expression(std::string_view text, const NameTable& names);

/// The largest stack a program needs.
std::size_t stack_depth(const std::vector<Instruction>& program);

} // namespace callab::uncertainty::detail
