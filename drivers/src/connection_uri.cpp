#include <callab/drivers/connection_uri.hpp>

#include <array>
#include <charconv>

namespace callab::drivers {
namespace {

constexpr std::array network_schemes{std::string_view{"modbus-tcp"}, std::string_view{"scpi-tcp"}};
constexpr std::array serial_schemes{std::string_view{"modbus-rtu"},
                                    std::string_view{"scpi-serial"}};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view s) {
    for (auto item : list) {
        if (item == s) {
            return true;
        }
    }
    return false;
}

ParsedConnectionUri failure(std::string message) {
    return ParsedConnectionUri{{}, std::move(message)};
}

// Splits "a=1&b=2" into options; returns a message on a malformed or repeated pair.
std::string parse_options(std::string_view query, std::map<std::string, std::string>& options) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos || eq == 0 || eq + 1 == pair.size()) {
            return "option '" + std::string(pair) + "' is not of the form key=value";
        }
        auto [it, inserted] =
            options.emplace(std::string(pair.substr(0, eq)), std::string(pair.substr(eq + 1)));
        if (!inserted) {
            return "option '" + it->first + "' is given twice";
        }
    }
    return {};
}

} // namespace

std::string ConnectionUri::to_string() const {
    std::string text = scheme + ":";
    if (is_network()) {
        text += "//" + host + ":" + std::to_string(port);
    } else {
        text += path;
    }
    char separator = '?';
    for (const auto& [key, value] : options) {
        text += separator + key + "=" + value;
        separator = '&';
    }
    return text;
}

ParsedConnectionUri parse_connection_uri(std::string_view text, bool allow_any_port) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) {
        return failure("'" + std::string(text) + "' has no scheme (expected e.g. modbus-tcp://)");
    }
    ConnectionUri uri;
    uri.scheme = std::string(text.substr(0, colon));
    std::string_view rest = text.substr(colon + 1);

    const auto question = rest.find('?');
    const std::string_view location = rest.substr(0, question);
    if (question != std::string_view::npos) {
        if (auto message = parse_options(rest.substr(question + 1), uri.options);
            !message.empty()) {
            return failure(message);
        }
    }

    if (contains(network_schemes, uri.scheme)) {
        if (!location.starts_with("//")) {
            return failure(uri.scheme + " needs //HOST:PORT");
        }
        const std::string_view authority = location.substr(2);
        const auto port_colon = authority.rfind(':');
        if (port_colon == std::string_view::npos || port_colon == 0) {
            return failure(uri.scheme + " needs HOST:PORT, got '" + std::string(authority) + "'");
        }
        uri.host = std::string(authority.substr(0, port_colon));
        const std::string_view port_text = authority.substr(port_colon + 1);
        unsigned port = 0;
        const auto [end, ec] =
            std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (ec != std::errc{} || end != port_text.data() + port_text.size() || port > 65535 ||
            (port == 0 && !allow_any_port)) {
            return failure("port '" + std::string(port_text) + "' is not a number in 1-65535");
        }
        uri.port = static_cast<std::uint16_t>(port);
        return ParsedConnectionUri{std::move(uri), {}};
    }
    if (contains(serial_schemes, uri.scheme)) {
        if (location.empty() || location.starts_with("//")) {
            return failure(uri.scheme + " needs a device path such as /dev/ttyUSB0");
        }
        uri.path = std::string(location);
        return ParsedConnectionUri{std::move(uri), {}};
    }
    return failure("unknown scheme '" + uri.scheme +
                   "' (known: modbus-tcp, modbus-rtu, scpi-tcp, scpi-serial)");
}

} // namespace callab::drivers
