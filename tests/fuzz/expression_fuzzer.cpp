// Any text given as a measurement-model expression is either refused with a message naming
// the position, or compiled into a program that prints back (fully parenthesised) to a text
// compiling to the same program; a compiled model evaluates without failing.
#include "expression_parser.hpp"

#include <callab/uncertainty/measurement_model.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using callab::uncertainty::Instruction;
using Op = Instruction::Op;

const std::vector<std::string> inputs{"x", "y", "R", "X"};
const std::vector<std::string> outputs{"Z", "W"};

std::string number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return std::string("(") + text + ")";
}

const char* function_name(Op op) {
    switch (op) {
    case Op::sqrt:
        return "sqrt";
    case Op::exp:
        return "exp";
    case Op::log:
        return "log";
    case Op::log10:
        return "log10";
    case Op::sin:
        return "sin";
    case Op::cos:
        return "cos";
    case Op::tan:
        return "tan";
    case Op::asin:
        return "asin";
    case Op::acos:
        return "acos";
    case Op::atan:
        return "atan";
    case Op::abs:
        return "abs";
    default:
        return nullptr;
    }
}

const char* binary_operator(Op op) {
    switch (op) {
    case Op::add:
        return "+";
    case Op::subtract:
        return "-";
    case Op::multiply:
        return "*";
    case Op::divide:
        return "/";
    case Op::power:
        return "^";
    default:
        return nullptr;
    }
}

// The program as infix text, every operation in parentheses.
std::string print(const std::vector<Instruction>& program) {
    std::vector<std::string> stack;
    const auto pop = [&stack] {
        if (stack.empty()) {
            std::abort(); // the compiler emitted an operation without its operands
        }
        auto top = std::move(stack.back());
        stack.pop_back();
        return top;
    };
    for (const auto& in : program) {
        if (in.op == Op::constant) {
            stack.push_back(number(in.constant));
        } else if (in.op == Op::input) {
            stack.push_back(inputs.at(in.index));
        } else if (in.op == Op::output) {
            stack.push_back(outputs.at(in.index));
        } else if (in.op == Op::negate) {
            stack.push_back("(-" + pop() + ")");
        } else if (in.op == Op::power_constant) {
            stack.push_back("((" + pop() + ")^" + number(in.constant) + ")");
        } else if (in.op == Op::atan2) {
            const auto x = pop();
            const auto y = pop();
            stack.push_back("atan2(" + y + "," + x + ")");
        } else if (const char* name = function_name(in.op)) {
            stack.push_back(std::string(name) + "(" + pop() + ")");
        } else if (const char* symbol = binary_operator(in.op)) {
            const auto right = pop();
            const auto left = pop();
            stack.push_back("(" + left + symbol + right + ")");
        } else {
            std::abort();
        }
    }
    if (stack.size() != 1) {
        std::abort(); // a program leaves exactly its value
    }
    return stack.front();
}

bool same(const std::vector<Instruction>& a, const std::vector<Instruction>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].op != b[i].op || a[i].index != b[i].index ||
            std::memcmp(&a[i].constant, &b[i].constant, sizeof(double)) != 0) {
            return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace unc = callab::uncertainty;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const unc::detail::NameTable names{&inputs, &outputs};
    const auto program = unc::detail::compile_expression(text, names);
    if (!program) {
        if (program.error().message.find("at position ") == std::string::npos) {
            std::abort(); // a refusal names where the text went wrong
        }
    } else {
        const auto printed = print(*program);
        const auto again = unc::detail::compile_expression(printed, names);
        if (!again || !same(*program, *again)) {
            std::abort();
        }
    }
    // The same text as a whole model: parsing refuses or yields a model that evaluates.
    const auto model = unc::MeasurementModel::parse({{"Y", text}}, {"x", "y"});
    if (!model) {
        if (model.error().message.empty()) {
            std::abort();
        }
        return 0;
    }
    const std::vector<double> at{1.5, -0.25};
    std::vector<double> value(1);
    model->evaluate<double>(at, value);
    std::vector<unc::Dual> dual_at{unc::Dual(1.5, Eigen::VectorXd::Unit(2, 0)),
                                   unc::Dual(-0.25, Eigen::VectorXd::Unit(2, 1))};
    std::vector<unc::Dual> dual_value(1);
    model->evaluate<unc::Dual>(dual_at, dual_value);
    const double plain = value[0];
    const double automatic = dual_value[0].value();
    // Both evaluations compute the same value (both NaN where the model is undefined there).
    if (std::isnan(plain) != std::isnan(automatic) ||
        (!std::isnan(plain) && plain != automatic &&
         std::abs(plain - automatic) > 1e-12 * std::abs(plain))) {
        std::abort();
    }
    return 0;
}
