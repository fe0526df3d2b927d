#include <callab/uncertainty/errc.hpp>

#include <string>

namespace callab::uncertainty {
namespace {

class UncertaintyCategory final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "callab.uncertainty"; }

    std::string message(int value) const override {
        switch (static_cast<errc>(value)) {
        case errc::too_few_readings:
            return "at least two readings are needed for a Type A evaluation";
        case errc::invalid_value:
            return "value is NaN, infinite or negative";
        case errc::invalid_correlation:
            return "correlation is outside [-1, 1] or not positive semi-definite";
        case errc::invalid_probability:
            return "coverage probability must lie strictly between 0 and 1";
        case errc::size_mismatch:
            return "inputs have different sizes";
        }
        return "unknown uncertainty error";
    }
};

} // namespace

const boost::system::error_category& uncertainty_category() noexcept {
    static const UncertaintyCategory category;
    return category;
}

} // namespace callab::uncertainty
