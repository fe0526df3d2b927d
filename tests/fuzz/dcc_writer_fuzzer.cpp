// Any JSON given to `callab cert render` as certificate content: it is refused with an error
// naming the key (CertificateJsonError) or the field (write_dcc's check), or written as a
// DCC that validates against the PTB schema (../shared/dcc/dcc.xsd).
#include "certificate_json.hpp"

#include <callab/lab/certificate_dcc.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto document = nlohmann::json::parse(data, data + size, nullptr, false);
    if (document.is_discarded()) {
        return 0;
    }
    callab::lab::CertificateContent content;
    try {
        content = callab::app::certificate_from_json(document);
    } catch (const callab::app::CertificateJsonError& e) {
        if (std::string_view(e.what()).find(": ") == std::string_view::npos) {
            std::abort(); // "results[0].points[1].error: expected a number"
        }
        return 0;
    }
    const auto written = callab::lab::write_dcc(content, "%PDF-1.7 certificate");
    if (!written) {
        if (written.error().field.empty() || written.error().cause.empty()) {
            std::abort();
        }
        return 0;
    }
    const auto valid = callab::lab::validate_dcc(*written, CALLAB_DCC_SCHEMA_DIR);
    if (!valid) {
        std::fprintf(stderr, "accepted content gives an invalid DCC: %s\n",
                     valid.error().message().c_str());
        std::abort();
    }
    return 0;
}
