#include <callab/lab/errc.hpp>

#include <string>

namespace callab::lab {
namespace {

class LabCategory final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "callab.lab"; }

    std::string message(int value) const override {
        switch (static_cast<errc>(value)) {
        case errc::not_found:
            return "not found";
        case errc::invalid_field:
            return "invalid field";
        case errc::conflict:
            return "conflicts with an existing record";
        case errc::not_enough_readings:
            return "not enough readings for a result";
        case errc::device_fault:
            return "instrument fault";
        case errc::not_permitted:
            return "not permitted";
        case errc::invalid_transition:
            return "status does not allow this change";
        case errc::standard_not_usable:
            return "reference standard not usable";
        case errc::render_failed:
            return "document could not be rendered";
        case errc::schema_violation:
            return "document does not conform to its schema";
        case errc::signing_failed:
            return "document could not be signed";
        case errc::delivery_failed:
            return "notice could not be delivered";
        }
        return "unknown lab error";
    }
};

} // namespace

const boost::system::error_category& lab_category() noexcept {
    static const LabCategory category;
    return category;
}

} // namespace callab::lab
