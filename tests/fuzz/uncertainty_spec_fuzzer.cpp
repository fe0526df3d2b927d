// Any text given to `callab uncertainty` as a spec is either refused with a SpecError saying
// what is wrong, or read into a spec whose model the engine compiles or refuses with a
// message. No other exception may escape the reader.
#include "uncertainty_spec.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace unc = callab::uncertainty;
    const std::string text(reinterpret_cast<const char*>(data), size);
    callab::app::UncertaintySpec spec;
    try {
        spec = callab::app::read_uncertainty_spec(text);
    } catch (const callab::app::SpecError& e) {
        const std::string message = e.what();
        if (message.empty()) {
            std::abort(); // a refusal says why
        }
        return 0;
    }
    if (spec.fit) {
        return 0;
    }
    std::vector<std::string> names;
    for (const auto& input : spec.inputs) {
        names.push_back(input.name);
    }
    const auto model = unc::MeasurementModel::parse(spec.outputs, names);
    if (!model && model.error().message.empty()) {
        std::abort();
    }
    return 0;
}
