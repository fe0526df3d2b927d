#pragma once

#include <callab/uncertainty/errc.hpp>

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

#include <span>
#include <string>
#include <vector>

namespace callab::uncertainty {

/// A scalar that carries its derivatives with respect to every input: forward-mode automatic
/// differentiation, so sensitivity coefficients are exact (never finite differences).
using Dual = Eigen::AutoDiffScalar<Eigen::VectorXd>;

/// One output of a model written as text, e.g. {"Z", "sqrt(R^2 + X^2)"}.
struct OutputDefinition {
    std::string name;
    std::string expression;
};

/// One step of a compiled expression (evaluated on a stack).
struct Instruction {
    enum class Op {
        constant,
        input,
        output,
        add,
        subtract,
        multiply,
        divide,
        power,
        power_constant,
        negate,
        sqrt,
        exp,
        log,
        log10,
        sin,
        cos,
        tan,
        asin,
        acos,
        atan,
        atan2,
        abs,
    };
    Op op = Op::constant;
    double constant = 0.0; ///< for constant and power_constant
    std::size_t index = 0; ///< for input and output
};

/// A measurement model Y_j = f_j(X_1 … X_N) parsed once from text and evaluated many times.
///
/// Grammar: `+ - * / ^` (^ binds tighter than unary minus and is right-associative),
/// parentheses, numbers (1.5, 2e-3), names of inputs and of other outputs, the constant `pi`
/// and the functions sqrt exp log log10 sin cos tan asin acos atan abs (one argument),
/// atan2(y, x) and pow(x, y). An output may use any other output as long as there is no
/// cycle; outputs are evaluated in dependency order.
class MeasurementModel {
public:
    /// Fails with syntax_error or unknown_name (naming the output and the 1-based position),
    /// duplicate_name or cyclic_model.
    static Outcome<MeasurementModel> parse(const std::vector<OutputDefinition>& outputs,
                                           const std::vector<std::string>& input_names);

    std::size_t input_count() const { return input_names_.size(); }
    std::size_t output_count() const { return output_names_.size(); }
    const std::vector<std::string>& input_names() const { return input_names_; }
    const std::vector<std::string>& output_names() const { return output_names_; }
    const std::vector<std::string>& expressions() const { return expressions_; }

    /// Evaluates every output at one point; T is double or Dual.
    template <class T> void evaluate(std::span<const T> inputs, std::span<T> outputs) const;

    /// Evaluates many trials at once: inputs is trials × inputs, outputs trials × outputs.
    void evaluate_batch(const Eigen::Ref<const Eigen::ArrayXXd>& inputs,
                        Eigen::Ref<Eigen::ArrayXXd> outputs) const;

private:
    std::vector<std::string> input_names_;
    std::vector<std::string> output_names_;
    std::vector<std::string> expressions_;
    std::vector<std::vector<Instruction>> programs_; ///< one per output, in the given order
    std::vector<std::size_t> order_;                 ///< evaluation order (dependencies first)
    std::size_t stack_depth_ = 0;
};

extern template void MeasurementModel::evaluate<double>(std::span<const double>,
                                                        std::span<double>) const;
extern template void MeasurementModel::evaluate<Dual>(std::span<const Dual>, std::span<Dual>) const;

} // namespace callab::uncertainty
