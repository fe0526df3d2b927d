// The end-to-end path through every layer, over real loopback sockets: `callab demo` starts
// a simulated IR thermometer, reads it over Modbus TCP, stores the readings in SQLite,
// computes GUM results and serves them over HTTP.
#include "support/child_process.hpp"
#include "support/http_get.hpp"
#include "support/temporary_directory.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

namespace callab {
namespace {

using test_support::ChildProcess;
using test_support::TemporaryDirectory;

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

TEST(DemoEndToEnd, ServesTheDemoJobFromTheDatabase) {
    TemporaryDirectory dir;
    const auto data = dir.path() / "data";
    ChildProcess demo({binary, "demo", "--port", "0", "--data", data.string(), "--readings", "5"},
                      dir.path());
    ASSERT_TRUE(demo.wait_for_output("serving http://", std::chrono::seconds(30)))
        << demo.standard_error();
    const auto port = served_port(demo.standard_output());
    ASSERT_NE(port, 0) << demo.standard_output();
    EXPECT_TRUE(std::filesystem::exists(data / "callab.db"));

    const auto health = test_support::http_get(port, "/api/health");
    EXPECT_EQ(health.status, 200);
    const auto health_json = nlohmann::json::parse(health.body);
    EXPECT_EQ(health_json["status"], "ok");
    EXPECT_EQ(health_json["database"], "sqlite");
    EXPECT_FALSE(health_json["version"].get<std::string>().empty());

    const auto job = nlohmann::json::parse(test_support::http_get(port, "/api/jobs/1").body);
    ASSERT_EQ(job["readings"].size(), 5U);
    for (const auto& reading : job["readings"]) {
        EXPECT_EQ(reading["unit"], "degC");
        EXPECT_NEAR(reading["value"].get<double>(), 37.1, 0.5); // blackbody 37 °C + error
        EXPECT_TRUE(reading["source"].get<std::string>().starts_with("modbus-tcp://127.0.0.1:"));
    }
    EXPECT_NEAR(job["mean"].get<double>(), 37.1, 0.2);
    EXPECT_GT(job["u"].get<double>(), 0.0);
    EXPECT_GT(job["k"].get<double>(), 1.9);
    EXPECT_NEAR(job["U"].get<double>(), job["k"].get<double>() * job["u"].get<double>(), 1e-12);

    const auto page = test_support::http_get(port, "/jobs.html");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
    EXPECT_NE(page.body.find("IR forehead thermometer"), std::string::npos);
    EXPECT_NE(page.body.find("Expanded uncertainty"), std::string::npos);

    EXPECT_EQ(test_support::http_get(port, "/api/jobs/2").status, 404);

    demo.terminate();
    EXPECT_EQ(demo.wait(), 0) << demo.standard_error();
}

// The browser app is compiled into the binary: served from a working directory that holds
// nothing, with its script and stylesheet cached as immutable and sent gzip-compressed.
TEST(DemoEndToEnd, ServesTheBrowserAppFromAnyDirectory) {
    TemporaryDirectory dir;
    ChildProcess demo({binary, "demo", "--port", "0", "--data", (dir.path() / "data").string(),
                       "--readings", "2"},
                      dir.path());
    ASSERT_TRUE(demo.wait_for_output("serving http://", std::chrono::seconds(30)))
        << demo.standard_error();
    const auto port = served_port(demo.standard_output());
    namespace http = boost::beast::http;

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

TEST(DemoEndToEnd, ReadingsSurviveARestart) {
    TemporaryDirectory dir;
    const auto data = (dir.path() / "data").string();
    for (int run = 1; run <= 2; ++run) {
        ChildProcess demo({binary, "demo", "--port", "0", "--data", data, "--readings", "3"},
                          dir.path());
        ASSERT_TRUE(demo.wait_for_output("serving http://", std::chrono::seconds(30)))
            << demo.standard_error();
        const auto port = served_port(demo.standard_output());
        const auto jobs = nlohmann::json::parse(test_support::http_get(port, "/api/jobs").body);
        EXPECT_EQ(jobs["total"], run); // each start adds a job; none is overwritten
        demo.terminate();
        demo.wait();
    }
}

TEST(DemoEndToEnd, APortInUseFailsWithOneLineAndWritesNothing) {
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

TEST(DemoEndToEnd, AnUnusableDataDirectoryFailsWithOneLine) {
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
