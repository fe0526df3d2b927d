// Any text given as a connection URI is either rejected with a message or parsed into a URI
// that prints back to a text that parses to the same URI.
#include <callab/drivers/connection_uri.hpp>

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = callab::drivers::parse_connection_uri(text, true);
    if (!parsed) {
        if (parsed.error.empty()) {
            std::abort(); // a rejection must say why
        }
        return 0;
    }
    const auto again = callab::drivers::parse_connection_uri(parsed.uri.to_string(), true);
    if (!again || again.uri.to_string() != parsed.uri.to_string()) {
        std::abort();
    }
    return 0;
}
