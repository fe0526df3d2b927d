#include <callab/drivers/errc.hpp>

#include <string>

namespace callab::drivers {
namespace {

class DriversCategory final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "callab.drivers"; }

    std::string message(int value) const override {
        switch (static_cast<errc>(value)) {
        case errc::invalid_uri:
            return "invalid connection URI";
        case errc::connection_failed:
            return "cannot connect to the device";
        case errc::timeout:
            return "the device did not answer in time";
        case errc::disconnected:
            return "the connection to the device was lost";
        case errc::corrupt_frame:
            return "corrupt frame from the device";
        case errc::device_exception:
            return "the device reported an error";
        case errc::invalid_reading:
            return "the device returned an invalid reading";
        case errc::listen_failed:
            return "cannot listen on the address";
        case errc::invalid_setting:
            return "no such setting, or the value is out of range";
        case errc::protocol_error:
            return "the device answered outside its protocol";
        case errc::unsupported:
            return "the instrument does not support this";
        }
        return "unknown driver error";
    }
};

} // namespace

const boost::system::error_category& drivers_category() noexcept {
    static const DriversCategory category;
    return category;
}

} // namespace callab::drivers
