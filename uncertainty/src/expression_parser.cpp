// Recursive-descent parser producing postfix (stack) code:
//   sum     = product { ("+" | "-") product }
//   product = unary { ("*" | "/") unary }
//   unary   = ("-" | "+") unary | power
//   power   = primary [ "^" unary ]
//   primary = number | name | name "(" sum { "," sum } ")" | "(" sum ")"
#include "expression_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <numbers>

namespace callab::uncertainty::detail {
namespace {

using Op = Instruction::Op;

struct FunctionEntry {
    std::string_view name;
    Op op;
    int arity;
};

constexpr std::array functions{
    FunctionEntry{"sqrt", Op::sqrt, 1}, FunctionEntry{"exp", Op::exp, 1},
    FunctionEntry{"log", Op::log, 1},   FunctionEntry{"log10", Op::log10, 1},
    FunctionEntry{"sin", Op::sin, 1},   FunctionEntry{"cos", Op::cos, 1},
    FunctionEntry{"tan", Op::tan, 1},   FunctionEntry{"asin", Op::asin, 1},
    FunctionEntry{"acos", Op::acos, 1}, FunctionEntry{"atan", Op::atan, 1},
    FunctionEntry{"abs", Op::abs, 1},   FunctionEntry{"atan2", Op::atan2, 2},
    FunctionEntry{"pow", Op::power, 2},
};

class Parser {
public:
    Parser(std::string_view text, const NameTable& names) : text_(text), names_(names) {}

    Outcome<std::vector<Instruction>> run() {
        skip_space();
        if (at_end()) {
            return fail(errc::syntax_error, "empty expression");
        }
        if (!sum()) {
            return failure_;
        }
        skip_space();
        if (!at_end()) {
            return fail(errc::syntax_error, std::string("unexpected '") + text_[position_] + "'");
        }
        return code_;
    }

private:
    bool at_end() const { return position_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[position_]; }
    void skip_space() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(text_[position_]))) {
            ++position_;
        }
    }
    bool accept(char c) {
        skip_space();
        if (peek() == c) {
            ++position_;
            return true;
        }
        return false;
    }
    Failure fail(errc code, const std::string& cause, std::size_t at) {
        failure_ = Failure{code, cause + " at position " + std::to_string(at + 1)};
        return failure_;
    }
    Failure fail(errc code, const std::string& cause) { return fail(code, cause, position_); }
    bool error(errc code, const std::string& cause) {
        fail(code, cause);
        return false;
    }
    void emit(Op op, double constant = 0.0, std::size_t index = 0) {
        code_.push_back(Instruction{op, constant, index});
    }

    bool sum() {
        if (!product()) {
            return false;
        }
        for (;;) {
            if (accept('+')) {
                if (!product()) {
                    return false;
                }
                emit(Op::add);
            } else if (accept('-')) {
                if (!product()) {
                    return false;
                }
                emit(Op::subtract);
            } else {
                return true;
            }
        }
    }

    bool product() {
        if (!unary()) {
            return false;
        }
        for (;;) {
            if (accept('*')) {
                if (!unary()) {
                    return false;
                }
                emit(Op::multiply);
            } else if (accept('/')) {
                if (!unary()) {
                    return false;
                }
                emit(Op::divide);
            } else {
                return true;
            }
        }
    }

    bool unary() {
        if (accept('-')) {
            if (!unary()) {
                return false;
            }
            if (code_.back().op == Op::constant) {
                code_.back().constant = -code_.back().constant;
            } else {
                emit(Op::negate);
            }
            return true;
        }
        if (accept('+')) {
            return unary();
        }
        return power();
    }

    bool power() {
        if (!primary()) {
            return false;
        }
        if (!accept('^')) {
            return true;
        }
        if (!unary()) {
            return false;
        }
        emit_power();
        return true;
    }

    // x^c with a constant c keeps the sign of x (x^2 of a negative x); x^y in general is
    // exp(y·log x) and needs x > 0.
    void emit_power() {
        if (code_.back().op == Op::constant) {
            const double exponent = code_.back().constant;
            code_.back() = Instruction{Op::power_constant, exponent, 0};
            return;
        }
        emit(Op::power);
    }

    bool number() {
        const std::size_t start = position_;
        while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '.')) {
            ++position_;
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            std::size_t look = position_ + 1;
            if (look < text_.size() && (text_[look] == '+' || text_[look] == '-')) {
                ++look;
            }
            if (look < text_.size() && std::isdigit(static_cast<unsigned char>(text_[look]))) {
                position_ = look;
                while (!at_end() && std::isdigit(static_cast<unsigned char>(peek()))) {
                    ++position_;
                }
            }
        }
        double value = 0.0;
        const auto* first = text_.data() + start;
        const auto* last = text_.data() + position_;
        const auto [end, ec] = std::from_chars(first, last, value);
        if (ec != std::errc{} || end != last) {
            fail(errc::syntax_error, "malformed number '" + std::string(first, last) + "'", start);
            return false;
        }
        emit(Op::constant, value);
        return true;
    }

    bool call(const FunctionEntry& function, std::size_t start) {
        int arguments = 0;
        if (!accept(')')) {
            do {
                if (!sum()) {
                    return false;
                }
                ++arguments;
            } while (accept(','));
            if (!accept(')')) {
                return error(errc::syntax_error, "expected ')' or ','");
            }
        }
        if (arguments != function.arity) {
            fail(errc::syntax_error,
                 std::string(function.name) + " takes " + std::to_string(function.arity) +
                     " argument" + (function.arity == 1 ? "" : "s") + ", got " +
                     std::to_string(arguments),
                 start);
            return false;
        }
        if (function.op == Op::power) {
            emit_power();
        } else {
            emit(function.op);
        }
        return true;
    }

    bool name() {
        const std::size_t start = position_;
        while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_')) {
            ++position_;
        }
        const std::string identifier(text_.substr(start, position_ - start));
        if (accept('(')) {
            const auto* function =
                std::find_if(functions.begin(), functions.end(),
                             [&](const FunctionEntry& f) { return f.name == identifier; });
            if (function == functions.end()) {
                fail(errc::unknown_name, "unknown function '" + identifier + "'", start);
                return false;
            }
            return call(*function, start);
        }
        const auto find = [&](const std::vector<std::string>* list) -> std::ptrdiff_t {
            if (list == nullptr) {
                return -1;
            }
            const auto it = std::find(list->begin(), list->end(), identifier);
            return it == list->end() ? -1 : it - list->begin();
        };
        if (const auto i = find(names_.inputs); i >= 0) {
            emit(Op::input, 0.0, static_cast<std::size_t>(i));
        } else if (const auto o = find(names_.outputs); o >= 0) {
            emit(Op::output, 0.0, static_cast<std::size_t>(o));
        } else if (identifier == "pi") {
            emit(Op::constant, std::numbers::pi);
        } else {
            fail(errc::unknown_name, "unknown name '" + identifier + "'", start);
            return false;
        }
        return true;
    }

    bool primary() {
        skip_space();
        if (at_end()) {
            return error(errc::syntax_error, "unexpected end of expression");
        }
        const char c = peek();
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            return number();
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            return name();
        }
        if (accept('(')) {
            if (!sum()) {
                return false;
            }
            if (!accept(')')) {
                return error(errc::syntax_error, "expected ')'");
            }
            return true;
        }
        return error(errc::syntax_error, std::string("unexpected '") + c + "'");
    }

    std::string_view text_;
    const NameTable& names_;
    std::size_t position_ = 0;
    std::vector<Instruction> code_;
    Failure failure_;
};

} // namespace

Outcome<std::vector<Instruction>> compile_expression(std::string_view text,
                                                     const NameTable& names) {
    return Parser(text, names).run();
}

std::size_t stack_depth(const std::vector<Instruction>& program) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    for (const auto& instruction : program) {
        switch (instruction.op) {
        case Op::constant:
        case Op::input:
        case Op::output:
            ++depth;
            break;
        case Op::add:
        case Op::subtract:
        case Op::multiply:
        case Op::divide:
        case Op::power:
        case Op::atan2:
            --depth;
            break;
        default:
            break;
        }
        deepest = std::max(deepest, depth);
    }
    return deepest;
}

} // namespace callab::uncertainty::detail
