#include "expression_parser.hpp"

#include <callab/uncertainty/measurement_model.hpp>

#include <cmath>
#include <numbers>
#include <set>

namespace callab::uncertainty {
namespace {

using Op = Instruction::Op;

Failure output_failure(const std::string& output, const Failure& cause) {
    return Failure{cause.code, "output '" + output + "': " + cause.message};
}

// Depth-first topological order; a back edge is a cycle.
class Ordering {
public:
    explicit Ordering(const std::vector<std::vector<Instruction>>& programs)
        : programs_(programs), state_(programs.size(), 0) {}

    bool visit(std::size_t node, std::vector<std::size_t>& order, std::size_t& cycle_at) {
        if (state_[node] == 2) {
            return true;
        }
        if (state_[node] == 1) {
            cycle_at = node;
            return false;
        }
        state_[node] = 1;
        for (const auto& instruction : programs_[node]) {
            if (instruction.op == Op::output && !visit(instruction.index, order, cycle_at)) {
                return false;
            }
        }
        state_[node] = 2;
        order.push_back(node);
        return true;
    }

private:
    const std::vector<std::vector<Instruction>>& programs_;
    std::vector<int> state_;
};

template <class T> T power(const T& base, const T& exponent) {
    using std::exp;
    using std::log;
    return exp(exponent * log(base));
}

template <class T> T power_constant(const T& base, double exponent) {
    using std::pow;
    if (exponent == 2.0) {
        return base * base;
    }
    if (exponent == 1.0) {
        return base;
    }
    return pow(base, exponent);
}

// A constant of the model. AutoDiff combines derivative vectors of different sizes only in
// some of its operators (an empty one is resized there); in functions of expressions such as
// exp(x * log(2)) it does not, and the sizes must match, so a constant carries a zero vector
// of the inputs' size.
double constant_of(double value, std::span<const double> /*inputs*/) {
    return value;
}

Dual constant_of(double value, std::span<const Dual> inputs) {
    const auto size = inputs.empty() ? 0 : inputs.front().derivatives().size();
    return Dual(value, Eigen::VectorXd::Zero(size));
}

// Eigen's AutoDiff module has no atan.
double arc_tangent(double x) {
    return std::atan(x);
}

Dual arc_tangent(const Dual& x) {
    const double v = x.value();
    return Dual(std::atan(v), x.derivatives() / (1.0 + v * v));
}

} // namespace

Outcome<MeasurementModel> MeasurementModel::parse(const std::vector<OutputDefinition>& outputs,
                                                  const std::vector<std::string>& input_names) {
    MeasurementModel model;
    model.input_names_ = input_names;
    std::set<std::string> seen;
    for (const auto& name : input_names) {
        if (!seen.insert(name).second) {
            return Failure{errc::duplicate_name, "input '" + name + "' is defined twice"};
        }
    }
    for (const auto& output : outputs) {
        if (!seen.insert(output.name).second) {
            return Failure{errc::duplicate_name,
                           "output '" + output.name + "' has the name of another input or output"};
        }
        model.output_names_.push_back(output.name);
        model.expressions_.push_back(output.expression);
    }
    const detail::NameTable names{&model.input_names_, &model.output_names_};
    for (const auto& output : outputs) {
        auto program = detail::compile_expression(output.expression, names);
        if (!program) {
            return output_failure(output.name, program.error());
        }
        model.stack_depth_ = std::max(model.stack_depth_, detail::stack_depth(*program));
        model.programs_.push_back(std::move(*program));
    }
    Ordering ordering(model.programs_);
    for (std::size_t i = 0; i < model.programs_.size(); ++i) {
        std::size_t cycle_at = 0;
        if (!ordering.visit(i, model.order_, cycle_at)) {
            return Failure{errc::cyclic_model,
                           "output '" + model.output_names_[cycle_at] +
                               "' depends on itself through other outputs (a cycle)"};
        }
    }
    return model;
}

template <class T>
void MeasurementModel::evaluate(std::span<const T> inputs, std::span<T> outputs) const {
    using std::abs;
    using std::acos;
    using std::asin;
    using std::atan2;
    using std::cos;
    using std::exp;
    using std::log;
    using std::sin;
    using std::sqrt;
    using std::tan;
    std::vector<T> stack;
    stack.reserve(stack_depth_);
    for (const std::size_t j : order_) {
        stack.clear();
        for (const auto& in : programs_[j]) {
            switch (in.op) {
            case Op::constant:
                stack.push_back(constant_of(in.constant, inputs));
                continue;
            case Op::input:
                stack.push_back(inputs[in.index]);
                continue;
            case Op::output:
                stack.push_back(outputs[in.index]);
                continue;
            default:
                break;
            }
            T& top = stack.back();
            switch (in.op) {
            case Op::add:
            case Op::subtract:
            case Op::multiply:
            case Op::divide:
            case Op::power:
            case Op::atan2: {
                const T right = stack.back();
                stack.pop_back();
                T& left = stack.back();
                switch (in.op) {
                case Op::add:
                    left = left + right;
                    break;
                case Op::subtract:
                    left = left - right;
                    break;
                case Op::multiply:
                    left = left * right;
                    break;
                case Op::divide:
                    left = left / right;
                    break;
                case Op::power:
                    left = power(left, right);
                    break;
                default:
                    left = atan2(left, right);
                    break;
                }
                break;
            }
            case Op::power_constant:
                top = power_constant(top, in.constant);
                break;
            case Op::negate:
                top = -top;
                break;
            case Op::sqrt:
                top = sqrt(top);
                break;
            case Op::exp:
                top = exp(top);
                break;
            case Op::log:
                top = log(top);
                break;
            case Op::log10:
                top = log(top) / std::numbers::ln10;
                break;
            case Op::sin:
                top = sin(top);
                break;
            case Op::cos:
                top = cos(top);
                break;
            case Op::tan:
                top = tan(top);
                break;
            case Op::asin:
                top = asin(top);
                break;
            case Op::acos:
                top = acos(top);
                break;
            case Op::atan:
                top = arc_tangent(top);
                break;
            case Op::abs:
                top = abs(top);
                break;
            default:
                break;
            }
        }
        outputs[j] = stack.back();
    }
}

template void MeasurementModel::evaluate<double>(std::span<const double>, std::span<double>) const;
template void MeasurementModel::evaluate<Dual>(std::span<const Dual>, std::span<Dual>) const;

void MeasurementModel::evaluate_batch(const Eigen::Ref<const Eigen::ArrayXXd>& inputs,
                                      Eigen::Ref<Eigen::ArrayXXd> outputs) const {
    const Eigen::Index trials = inputs.rows();
    std::vector<Eigen::ArrayXd> stack(stack_depth_, Eigen::ArrayXd(trials));
    for (const std::size_t j : order_) {
        std::size_t top = 0; // number of entries in use
        for (const auto& in : programs_[j]) {
            switch (in.op) {
            case Op::constant:
                stack[top++].setConstant(in.constant);
                continue;
            case Op::input:
                stack[top++] = inputs.col(static_cast<Eigen::Index>(in.index));
                continue;
            case Op::output:
                stack[top++] = outputs.col(static_cast<Eigen::Index>(in.index));
                continue;
            default:
                break;
            }
            Eigen::ArrayXd& x = stack[top - 1];
            switch (in.op) {
            case Op::add:
                stack[top - 2] += x;
                --top;
                break;
            case Op::subtract:
                stack[top - 2] -= x;
                --top;
                break;
            case Op::multiply:
                stack[top - 2] *= x;
                --top;
                break;
            case Op::divide:
                stack[top - 2] /= x;
                --top;
                break;
            case Op::power:
                stack[top - 2] = stack[top - 2].pow(x);
                --top;
                break;
            case Op::atan2:
                stack[top - 2] = stack[top - 2].binaryExpr(
                    x, [](double y, double z) { return std::atan2(y, z); });
                --top;
                break;
            case Op::power_constant:
                if (in.constant == 2.0) {
                    x = x.square();
                } else if (in.constant != 1.0) {
                    x = x.pow(in.constant);
                }
                break;
            case Op::negate:
                x = -x;
                break;
            case Op::sqrt:
                x = x.sqrt();
                break;
            case Op::exp:
                x = x.exp();
                break;
            case Op::log:
                x = x.log();
                break;
            case Op::log10:
                x = x.log10();
                break;
            case Op::sin:
                x = x.sin();
                break;
            case Op::cos:
                x = x.cos();
                break;
            case Op::tan:
                x = x.tan();
                break;
            case Op::asin:
                x = x.asin();
                break;
            case Op::acos:
                x = x.acos();
                break;
            case Op::atan:
                x = x.atan();
                break;
            case Op::abs:
                x = x.abs();
                break;
            default:
                break;
            }
        }
        outputs.col(static_cast<Eigen::Index>(j)) = stack[0];
    }
}

} // namespace callab::uncertainty
