// `callab demo` end to end over real loopback sockets: the signed API and browser app of
// `callab serve` on an embedded SQLite database, seeded on the first start with users of
// every role, shared equipment and certificates issued from runs on a simulated bench.
#include "support/child_process.hpp"
#include "support/http_get.hpp"
#include "support/temporary_directory.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <iomanip>
#include <map>
#include <regex>
#include <sstream>

namespace callab {
namespace {

using test_support::ChildProcess;
using test_support::TemporaryDirectory;
namespace http = boost::beast::http;

const std::string binary = CALLAB_BINARY;

std::uint16_t served_port(const std::string& output) {
    std::smatch match;
    const std::regex pattern(R"(serving http://127\.0\.0\.1:(\d+)/)");
    if (!std::regex_search(output, match, pattern)) {
        return 0;
    }
    return static_cast<std::uint16_t>(std::stoi(match[1]));
}

int line_count(const std::string& text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

/// The demo users the first start printed: role → {username, password}.
std::map<std::string, std::pair<std::string, std::string>> printed_users(const std::string& out) {
    std::map<std::string, std::pair<std::string, std::string>> users;
    const std::regex pattern(R"(  ([a-z_]+) +(demo\.[a-z_]+) +(\S+))");
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        if (std::regex_match(line, match, pattern)) {
            users[match[1]] = {match[2], match[3]};
        }
    }
    return users;
}

std::vector<std::string> printed_certificates(const std::string& out) {
    std::vector<std::string> numbers;
    const std::regex number(R"(CAL-\d{4}-\d{6})");
    const auto issued = out.find("callab demo: issued");
    const auto end = out.find('\n', issued);
    if (issued == std::string::npos) {
        return numbers;
    }
    const auto line = out.substr(issued, end - issued);
    for (auto it = std::sregex_iterator(line.begin(), line.end(), number);
         it != std::sregex_iterator(); ++it) {
        numbers.push_back(it->str());
    }
    return numbers;
}

struct Signed {
    std::string cookie;
    std::string csrf;
};

Signed sign_in(std::uint16_t port, const std::string& username, const std::string& password) {
    const auto reply = test_support::http_send(
        port, http::verb::post, "/api/session",
        nlohmann::json{{"username", username}, {"password", password}}.dump(), {});
    EXPECT_EQ(reply.result_int(), 200) << reply.body();
    const std::string cookie(reply[http::field::set_cookie]);
    const auto json = nlohmann::json::parse(reply.body(), nullptr, false);
    return {cookie.substr(0, cookie.find(';')),
            json.is_object() ? json.value("csrf_token", "") : ""};
}

http::response<http::string_body> as(const Signed& who, std::uint16_t port, http::verb verb,
                                     const std::string& target, const std::string& body = {}) {
    std::vector<std::pair<std::string, std::string>> headers{{"Cookie", who.cookie}};
    if (verb != http::verb::get) {
        headers.emplace_back("X-CSRF-Token", who.csrf);
    }
    return test_support::http_send(port, verb, target, body, headers);
}

/// 10:00–11:00 in China (UTC+8) on a weekday about a week ahead, as the API writes it.
std::pair<std::string, std::string> weekday_slot() {
    using namespace std::chrono;
    auto day = floor<days>(system_clock::now()) + days{7};
    while (weekday(day) == Saturday || weekday(day) == Sunday) {
        day += days{1};
    }
    const year_month_day date(day);
    std::ostringstream text;
    text << int(date.year()) << '-' << std::setw(2) << std::setfill('0') << unsigned(date.month())
         << '-' << std::setw(2) << std::setfill('0') << unsigned(date.day());
    return {text.str() + "T02:00:00Z", text.str() + "T03:00:00Z"};
}

class DemoEndToEnd : public ::testing::Test {
protected:
    /// Starts the demo on `data_` and waits until it serves.
    std::unique_ptr<ChildProcess> start() {
        auto demo = std::make_unique<ChildProcess>(
            std::vector<std::string>{binary, "demo", "--port", "0", "--data", data_.string()},
            dir_.path());
        EXPECT_TRUE(demo->wait_for_output("serving http://", std::chrono::seconds(60)))
            << demo->standard_error();
        port_ = served_port(demo->standard_output());
        return demo;
    }

    TemporaryDirectory dir_;
    std::filesystem::path data_ = dir_.path() / "data";
    std::uint16_t port_ = 0;
};

TEST_F(DemoEndToEnd, SeedsOnceIssuesVerifiableCertificatesAndTakesBookings) {
    auto demo = start();
    ASSERT_NE(port_, 0) << demo->standard_output();
    EXPECT_TRUE(std::filesystem::exists(data_ / "callab.db"));
    const auto output = demo->standard_output();
    const auto users = printed_users(output);
    ASSERT_EQ(users.size(), 6U) << output;
    for (const char* role :
         {"technician", "reviewer", "signatory", "manager", "admin", "enterprise_user"}) {
        EXPECT_EQ(users.count(role), 1U) << role << " in " << output;
    }

    const auto health = nlohmann::json::parse(test_support::http_get(port_, "/api/health").body);
    EXPECT_EQ(health["status"], "ok");
    EXPECT_EQ(health["database"], "sqlite");
    EXPECT_EQ(test_support::http_get(port_, "/api/jobs").status, 401); // sign-in first

    const auto numbers = printed_certificates(output);
    ASSERT_EQ(numbers.size(), 3U) << output; // two IR thermometers and a power analyser
    for (const auto& number : numbers) {
        const auto page = test_support::http_get(port_, "/verify/" + number);
        EXPECT_EQ(page.status, 200) << number;
        const auto verified =
            nlohmann::json::parse(test_support::http_get(port_, "/api/verify/" + number).body);
        EXPECT_EQ(verified["status"], "valid") << verified.dump();
    }
    EXPECT_EQ(test_support::http_get(port_, "/api/verify/CAL-1999-000001").status, 404);

    const auto& [username, password] = users.at("technician");
    const auto technician = sign_in(port_, username, password);
    const auto jobs =
        nlohmann::json::parse(as(technician, port_, http::verb::get, "/api/jobs").body());
    EXPECT_EQ(jobs["total"], numbers.size());
    int power_jobs = 0;
    for (const auto& job : jobs["items"]) {
        EXPECT_EQ(job["status"], "issued") << job.dump();
        const bool power = job["unit"] == "V";
        power_jobs += power ? 1 : 0;
        // IR: 3 points × (5 reference + 5 indications); PA-VOLTAGE: 3 points × (6 + 6).
        EXPECT_EQ(job["readings"].size(), power ? 36U : 30U) << job.dump();
    }
    EXPECT_EQ(power_jobs, 1);
    const auto equipment =
        nlohmann::json::parse(as(technician, port_, http::verb::get, "/api/equipment").body());
    ASSERT_GE(equipment["total"].get<int>(), 3) << equipment.dump();
    const auto [start_at, end_at] = weekday_slot();
    const nlohmann::json booking{{"equipment_id", equipment["items"][0]["id"]},
                                 {"start", start_at},
                                 {"end", end_at},
                                 {"purpose", "calibration"}};
    const auto booked = as(technician, port_, http::verb::post, "/api/bookings", booking.dump());
    EXPECT_EQ(booked.result_int(), 201) << booked.body();
    const auto again = as(technician, port_, http::verb::post, "/api/bookings", booking.dump());
    EXPECT_EQ(again.result_int(), 409) << again.body();
    demo->terminate();
    EXPECT_EQ(demo->wait(), 0) << demo->standard_error();

    // The second start on the same directory seeds nothing and serves what is there.
    auto restarted = start();
    ASSERT_NE(port_, 0) << restarted->standard_output();
    const auto second = restarted->standard_output();
    EXPECT_TRUE(printed_users(second).empty()) << second;
    EXPECT_TRUE(printed_certificates(second).empty()) << second;
    const auto back = sign_in(port_, username, password);
    const auto after = nlohmann::json::parse(as(back, port_, http::verb::get, "/api/jobs").body());
    EXPECT_EQ(after["total"], numbers.size());
    const auto listed =
        nlohmann::json::parse(as(back, port_, http::verb::get, "/api/equipment").body());
    EXPECT_EQ(listed["total"], equipment["total"]);
    EXPECT_EQ(as(back, port_, http::verb::post, "/api/bookings", booking.dump()).result_int(), 409);
    for (const auto& number : numbers) {
        EXPECT_EQ(test_support::http_get(port_, "/verify/" + number).status, 200) << number;
    }
    restarted->terminate();
    EXPECT_EQ(restarted->wait(), 0) << restarted->standard_error();
}

// The browser app is compiled into the binary: served from a working directory that holds
// nothing, with its script and stylesheet cached as immutable and sent gzip-compressed.
TEST(DemoApp, ServesTheBrowserAppFromAnyDirectory) {
    TemporaryDirectory dir;
    ChildProcess demo({binary, "demo", "--port", "0", "--data", (dir.path() / "data").string()},
                      dir.path());
    ASSERT_TRUE(demo.wait_for_output("serving http://", std::chrono::seconds(30)))
        << demo.standard_error();
    const auto port = served_port(demo.standard_output());

    const auto index = test_support::http_get_response(port, "/jobs/1", {});
    EXPECT_EQ(index.result_int(), 200);
    EXPECT_EQ(index[http::field::content_type], "text/html; charset=utf-8");
    EXPECT_EQ(index[http::field::cache_control], "no-cache");
    const std::string policy(index["Content-Security-Policy"]);
    EXPECT_NE(policy.find("default-src 'self'"), std::string::npos) << policy;
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
    EXPECT_EQ(policy.find("unsafe-eval"), std::string::npos) << policy;
    std::smatch script;
    const std::string html = index.body();
    ASSERT_TRUE(std::regex_search(html, script, std::regex(R"re(src="(/assets/[^"]+\.js)")re")))
        << html;

    const auto plain = test_support::http_get_response(port, script[1], {});
    EXPECT_EQ(plain.result_int(), 200);
    EXPECT_EQ(plain[http::field::content_type], "text/javascript; charset=utf-8");
    EXPECT_EQ(plain[http::field::cache_control], "public, max-age=31536000, immutable");
    EXPECT_EQ(plain[http::field::content_encoding], "");

    const auto gzip = test_support::http_get_response(
        port, script[1], {{http::field::accept_encoding, "gzip, deflate, br"}});
    EXPECT_EQ(gzip[http::field::content_encoding], "gzip");
    ASSERT_GE(gzip.body().size(), 2U);
    EXPECT_EQ(static_cast<unsigned char>(gzip.body()[0]), 0x1f);
    EXPECT_LT(gzip.body().size(), plain.body().size());

    EXPECT_EQ(test_support::http_get(port, "/assets/missing-0000.js").status, 404);
    EXPECT_EQ(test_support::http_get(port, "/assets/../../../etc/passwd").status, 404);
    EXPECT_EQ(test_support::http_get(port, "/api/nothing").content_type, "application/json");

    demo.terminate();
    EXPECT_EQ(demo.wait(), 0) << demo.standard_error();
}

TEST(DemoStart, APortInUseFailsWithOneLineAndWritesNothing) {
    TemporaryDirectory dir;
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor occupied(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    const auto port = std::to_string(occupied.local_endpoint().port());
    const auto data = dir.path() / "data";

    ChildProcess demo({binary, "demo", "--port", port, "--data", data.string()}, dir.path());
    EXPECT_EQ(demo.wait(), 1);
    const auto error = demo.standard_error();
    EXPECT_EQ(line_count(error), 1) << error;
    EXPECT_NE(error.find("cannot listen on 127.0.0.1:" + port), std::string::npos) << error;
    EXPECT_FALSE(std::filesystem::exists(data));
}

TEST(DemoStart, AnUnusableDataDirectoryFailsWithOneLine) {
    TemporaryDirectory dir;
    const auto file = dir.path() / "not-a-directory";
    std::ofstream(file) << "x";
    ChildProcess demo({binary, "demo", "--port", "0", "--data", (file / "data").string()},
                      dir.path());
    EXPECT_EQ(demo.wait(), 1);
    const auto error = demo.standard_error();
    EXPECT_EQ(line_count(error), 1) << error;
    EXPECT_NE(error.find("data directory"), std::string::npos) << error;
}

struct Usage {
    std::vector<std::string> args;
    const char* says;
};

void PrintTo(const Usage& usage, std::ostream* out) {
    *out << "callab";
    for (const auto& arg : usage.args) {
        *out << ' ' << arg;
    }
}

class BadUsage : public ::testing::TestWithParam<Usage> {};

TEST_P(BadUsage, ExitsWithStatusTwoAndOneLine) {
    TemporaryDirectory dir;
    std::vector<std::string> argv{binary};
    argv.insert(argv.end(), GetParam().args.begin(), GetParam().args.end());
    ChildProcess callab(argv, dir.path());
    EXPECT_EQ(callab.wait(), 2);
    const auto error = callab.standard_error();
    EXPECT_EQ(line_count(error), 1) << error;
    EXPECT_NE(error.find(GetParam().says), std::string::npos) << error;
}

INSTANTIATE_TEST_SUITE_P(
    Callab, BadUsage,
    testing::Values(Usage{{"frobnicate"}, "frobnicate"}, Usage{{"demo", "--colour"}, "--colour"},
                    Usage{{}, "subcommand"}, Usage{{"demo", "--port", "http"}, "--port"},
                    Usage{{"sim", "ir-thermometer", "--listen", "modbus-tcp//x"}, "--listen"},
                    Usage{{"sim", "ir-thermometer", "--listen", "modbus-tcp://h:70000"}, "70000"},
                    Usage{{"sim", "toaster", "--listen", "modbus-tcp://127.0.0.1:0"}, "toaster"}));

TEST(Callab, PrintsItsVersion) {
    TemporaryDirectory dir;
    ChildProcess callab({binary, "--version"}, dir.path());
    EXPECT_EQ(callab.wait(), 0);
    EXPECT_TRUE(callab.standard_output().starts_with("callab ")) << callab.standard_output();
}

TEST(Callab, HelpListsOnlyWorkingCommands) {
    TemporaryDirectory dir;
    ChildProcess callab({binary, "--help"}, dir.path());
    EXPECT_EQ(callab.wait(), 0);
    const auto help = callab.standard_output();
    EXPECT_NE(help.find("demo"), std::string::npos);
    EXPECT_NE(help.find("sim"), std::string::npos);
}

TEST(SimCommand, ServesModbusTcpUntilTerminated) {
    TemporaryDirectory dir;
    ChildProcess sim({binary, "sim", "ir-thermometer", "--listen", "modbus-tcp://127.0.0.1:0"},
                     dir.path());
    ASSERT_TRUE(sim.wait_for_output("simulating ir-thermometer on modbus-tcp://127.0.0.1:",
                                    std::chrono::seconds(10)))
        << sim.standard_error();
    sim.terminate();
    EXPECT_EQ(sim.wait(), 0);
}

} // namespace
} // namespace callab
