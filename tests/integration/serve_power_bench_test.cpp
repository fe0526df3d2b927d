// Power-analyser jobs over HTTP on `callab serve --simulated-bench`: the bench's power source
// is set to each point's voltage, current and power factor, the analyser's voltage (PA-VOLTAGE),
// active power (PA-POWER) or current (PA-CURRENT) is read against the source's own read-back, and
// each point's error and U are what the simulators' known behaviour gives by hand. An IR
// thermometer job on the same server still runs at the blackbody, a restart on the same
// database reuses the bench's reference standards instead of storing them again, and a job
// measured before a restart is issued by the next server process from the stored records.
#include "support/callab_run.hpp"
#include "support/http_get.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <regex>
#include <thread>

namespace callab {
namespace {

using test_support::ChildProcess;
using test_support::run_program;
using test_support::TemporaryDirectory;
namespace http = boost::beast::http;

const std::string binary = CALLAB_BINARY;

struct Reply {
    int status = 0;
    nlohmann::json json;
};

class ServePowerBench : public ::testing::Test {
protected:
    void SetUp() override {
        db_ = "sqlite:" + (dir_.path() / "callab.db").string();
        technician_id_ = add_user("wang.fang", "technician");
        add_user("zhao.admin", "admin");
        start_serve();
    }

    void start_serve() {
        serve_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{binary, "serve", "--db", db_, "--port", "0",
                                     "--simulated-bench", "--reading-interval-ms", "0"},
            dir_.path());
        ASSERT_TRUE(serve_->wait_for_output("listening on http://", std::chrono::seconds(30)))
            << serve_->standard_error();
        std::smatch match;
        const auto output = serve_->standard_output();
        ASSERT_TRUE(std::regex_search(output, match, std::regex(R"(127\.0\.0\.1:(\d+))")));
        port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
        admin_ = sign_in("zhao.admin");
        technician_ = sign_in("wang.fang");
    }

    void TearDown() override { stop_serve(); }

    void stop_serve() {
        if (serve_) {
            serve_->terminate();
            EXPECT_EQ(serve_->wait(), 0) << serve_->standard_error();
            serve_.reset();
        }
    }

    std::int64_t add_user(const std::string& username, const std::string& role) {
        const auto added = run_program({"/bin/sh", "-c",
                                        "printf '%s\\n' 'correct horse battery' | '" + binary +
                                            "' user add --db '" + db_ + "' --username " + username +
                                            " --role " + role + " --password-stdin"});
        EXPECT_EQ(added.status, 0) << added.error;
        std::smatch match;
        EXPECT_TRUE(std::regex_search(added.output, match, std::regex(R"(user (\d+))")))
            << added.output;
        return match.empty() ? 0 : std::stoll(match[1]);
    }

    std::pair<std::string, std::string> sign_in(const std::string& username) {
        const auto reply = test_support::http_send(
            port_, http::verb::post, "/api/session",
            nlohmann::json{{"username", username}, {"password", "correct horse battery"}}.dump(),
            {});
        EXPECT_EQ(reply.result_int(), 200) << reply.body();
        const std::string cookie(reply[http::field::set_cookie]);
        const auto json = nlohmann::json::parse(reply.body(), nullptr, false);
        return {cookie.substr(0, cookie.find(';')),
                json.is_object() ? json.value("csrf_token", "") : ""};
    }

    Reply send(const std::pair<std::string, std::string>& who, http::verb verb,
               const std::string& target, const nlohmann::json& body = nullptr) {
        std::vector<std::pair<std::string, std::string>> headers{{"Cookie", who.first}};
        if (verb != http::verb::get) {
            headers.emplace_back("X-CSRF-Token", who.second);
        }
        const auto reply = test_support::http_send(port_, verb, target,
                                                   body.is_null() ? "" : body.dump(), headers);
        return {static_cast<int>(reply.result_int()),
                nlohmann::json::parse(reply.body(), nullptr, false)};
    }

    /// Opens a job of the latest version of `code`, starts it on the bench and waits until its
    /// run is no longer running; returns the job id and the run.
    std::pair<std::int64_t, nlohmann::json> run_job(const std::string& code,
                                                    const std::string& quantity,
                                                    const std::string& unit, double resolution,
                                                    const nlohmann::json& customer = {}) {
        const auto authorised =
            send(admin_, http::verb::post,
                 "/api/users/" + std::to_string(technician_id_) + "/authorisations",
                 {{"procedure_code", code}});
        EXPECT_EQ(authorised.status, 200) << authorised.json.dump();
        const auto procedures =
            send(technician_, http::verb::get, "/api/procedures?code=" + code + "&latest=true");
        EXPECT_EQ(procedures.status, 200) << procedures.json.dump();
        if (procedures.json["items"].empty()) {
            ADD_FAILURE() << "no procedure " << code << ": " << procedures.json.dump();
            return {0, nullptr};
        }
        nlohmann::json body{
            {"title", code + " job"},   {"instrument", "WT300 SN 91"},
            {"quantity", quantity},     {"unit", unit},
            {"resolution", resolution}, {"procedure_id", procedures.json["items"][0]["id"]}};
        if (customer.is_object()) {
            body.update(customer); // enterprise_id and instrument_id, for a job to be issued
        }
        const auto opened = send(technician_, http::verb::post, "/api/jobs", body);
        EXPECT_EQ(opened.status, 201) << opened.json.dump();
        const auto job = std::to_string(opened.json.value("id", std::int64_t{0}));
        const auto started = send(technician_, http::verb::post, "/api/jobs/" + job + "/start");
        EXPECT_EQ(started.status, 200) << started.json.dump();
        Reply run;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        do {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            run = send(technician_, http::verb::get, "/api/jobs/" + job + "/run");
        } while (run.json.value("state", "") == "running" &&
                 std::chrono::steady_clock::now() < deadline);
        // The run reports finished before its worker moves the job to measured and frees
        // the bench.
        while (send(technician_, http::verb::get, "/api/jobs/" + job).json.value("status", "") ==
                   "measuring" &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return {std::stoll(job), run.json};
    }

    TemporaryDirectory dir_;
    std::string db_;
    std::int64_t technician_id_ = 0;
    std::unique_ptr<ChildProcess> serve_;
    std::uint16_t port_ = 0;
    std::pair<std::string, std::string> admin_;
    std::pair<std::string, std::string> technician_;
};

// The simulated analyser reads the voltage 0.04 V high (power_analyser_voltage_error) without
// noise, to 5 significant digits as it displays them; the source reads back exactly what it
// was set to. Its certificate states
// U = 0.046 V (k = 2), U = 0.3 W (k = 2); PA-VOLTAGE and PA-POWER carry source stability and
// environment, rectangular of half-width 0.01 V (0.1 W); the job's resolution is 0.01 V (0.1 W).
double combined_u(double reference_u, double resolution, double procedure_half_width) {
    return std::sqrt(reference_u * reference_u + std::pow(resolution / 2, 2) / 3 +
                     2 * std::pow(procedure_half_width, 2) / 3);
}

TEST_F(ServePowerBench, VoltagePointsReadTheAnalysersVoltageAgainstTheSource) {
    const auto [job, run] = run_job("PA-VOLTAGE", "voltage", "V", 0.01);
    ASSERT_EQ(run.value("state", ""), "finished") << run.dump();
    ASSERT_EQ(run["points"].size(), 3U) << run.dump();
    for (const auto& point : run["points"]) {
        EXPECT_NEAR(point["reference_mean"].get<double>(), 230.0, 1e-9) << point.dump();
        EXPECT_NEAR(point["indication_mean"].get<double>(), 230.04, 1e-9) << point.dump();
        EXPECT_EQ(point["conformity"], "pass");
    }
    // Point 0 (230 V, 5 A, PF 1) by hand: E = 230.04 − 230; six equal indications give a
    // Type A u of 0, so ν_eff is infinite and k = 1.96; U = max(k·u_c, CMC 0.05 V).
    const auto& first = run["points"][0];
    const double u = combined_u(0.046 / 2, 0.01, 0.01); // 0.024576 V
    EXPECT_NEAR(first["error"].get<double>(), 0.04, 1e-9);
    EXPECT_NEAR(first["correction"].get<double>(), -0.04, 1e-9);
    EXPECT_NEAR(first["u"].get<double>(), u, 1e-9);
    EXPECT_NEAR(first["k"].get<double>(), 1.959964, 1e-6);
    EXPECT_NEAR(first["U_evaluated"].get<double>(), 1.959964 * u, 1e-6); // 0.048169 V
    EXPECT_NEAR(first["U"].get<double>(), 0.05, 1e-12);

    const auto measured = send(technician_, http::verb::get, "/api/jobs/" + std::to_string(job));
    EXPECT_EQ(measured.json["status"], "measured") << measured.json.dump();
    ASSERT_EQ(measured.json["readings"].size(), 36U); // 3 points × (6 reference + 6 analyser)
    for (const auto& reading : measured.json["readings"]) {
        EXPECT_EQ(reading["unit"], "V");
        const std::string source = reading["source"];
        EXPECT_TRUE(source.starts_with("reference:scpi-tcp://127.0.0.1:") ||
                    source.starts_with("scpi-tcp://127.0.0.1:"))
            << source;
    }
}

TEST_F(ServePowerBench, AJobMeasuredBeforeARestartIsIssuedFromTheStoredRecords) {
    add_user("li.reviewer", "reviewer");
    add_user("chen.signatory", "signatory");
    const auto enterprise = send(admin_, http::verb::post, "/api/enterprises",
                                 {{"name", "Fuzhou Power Meters Co."},
                                  {"credit_code", "91350100M000100Y43"},
                                  {"region", "Fujian/Fuzhou"},
                                  {"industry", "instruments"},
                                  {"size", "small"},
                                  {"contacts", ""}});
    ASSERT_EQ(enterprise.status, 201) << enterprise.json.dump();
    const auto instrument = send(admin_, http::verb::post, "/api/instruments",
                                 {{"kind", "power_analyser"},
                                  {"maker", "Yokogawa"},
                                  {"model", "WT300"},
                                  {"serial", "SN 91"},
                                  {"range_low", 0},
                                  {"range_high", 600},
                                  {"unit", "V"},
                                  {"resolution", 0.01},
                                  {"enterprise_id", enterprise.json["id"]}});
    ASSERT_EQ(instrument.status, 201) << instrument.json.dump();
    const auto [job, run] = run_job(
        "PA-VOLTAGE", "voltage", "V", 0.01,
        {{"enterprise_id", enterprise.json["id"]}, {"instrument_id", instrument.json["id"]}});
    ASSERT_EQ(run.value("state", ""), "finished") << run.dump();
    stop_serve();
    start_serve();
    const auto reviewer = sign_in("li.reviewer");
    const auto signatory = sign_in("chen.signatory");
    const std::string path = "/api/jobs/" + std::to_string(job);
    // This server never held the run: the job's point results come from the stored readings,
    // the same as the run computed.
    const auto measured = send(reviewer, http::verb::get, path);
    ASSERT_TRUE(measured.json["run"].is_null()) << measured.json.dump();
    ASSERT_EQ(measured.json["points"].size(), run["points"].size()) << measured.json.dump();
    for (std::size_t i = 0; i < run["points"].size(); ++i) {
        for (const char* key : {"error", "u", "k", "U"}) {
            EXPECT_NEAR(measured.json["points"][i][key].get<double>(),
                        run["points"][i][key].get<double>(), 1e-9)
                << key << " at point " << i;
        }
    }
    ASSERT_EQ(send(reviewer, http::verb::post, path + "/review").status, 200);
    ASSERT_EQ(send(signatory, http::verb::post, path + "/approve").status, 200);
    // The default laboratory identity knows the power analysers' method title.
    const auto issued = send(signatory, http::verb::post, path + "/issue");
    ASSERT_EQ(issued.status, 201) << issued.json.dump();
    EXPECT_EQ(issued.json["status"], "valid");
    EXPECT_EQ(issued.json["job_id"], job);
    EXPECT_EQ(send(signatory, http::verb::post, path + "/issue").status, 409);
}

TEST_F(ServePowerBench, PowerAndCurrentPointsReadTheirQuantityAtEachPowerFactor) {
    const auto [job, run] = run_job("PA-POWER", "active_power", "W", 0.1);
    ASSERT_EQ(run.value("state", ""), "finished") << run.dump();
    ASSERT_EQ(run["points"].size(), 3U) << run.dump();
    // Point 1 (230 V, 5 A, PF 0.5L): the source outputs 575 W, the analyser reads
    // 230.04 V · 5 A · cos 60° = 575.1 W.
    const auto& lagging = run["points"][1];
    const double u = combined_u(0.3 / 2, 0.1, 0.1); // 0.173205 W
    EXPECT_NEAR(lagging["reference_mean"].get<double>(), 575.0, 1e-9);
    EXPECT_NEAR(lagging["indication_mean"].get<double>(), 575.1, 1e-9);
    EXPECT_NEAR(lagging["error"].get<double>(), 0.1, 1e-9);
    EXPECT_NEAR(lagging["u"].get<double>(), u, 1e-9);
    EXPECT_NEAR(lagging["U"].get<double>(), std::max(1.959964 * u, 0.5), 1e-6); // CMC 0.5 W
    EXPECT_NEAR(run["points"][0]["error"].get<double>(), 0.2, 1e-9);            // 1150.2 − 1150 W
    EXPECT_NEAR(run["points"][2]["error"].get<double>(), 0.1, 1e-9);

    // PA-CURRENT on the same bench: the analyser's current is the source's 5 A exactly.
    const auto [current_job, current] = run_job("PA-CURRENT", "current", "A", 0.001);
    ASSERT_EQ(current.value("state", ""), "finished") << current.dump();
    ASSERT_EQ(current["points"].size(), 3U) << current.dump();
    for (const auto& point : current["points"]) {
        EXPECT_NEAR(point["reference_mean"].get<double>(), 5.0, 1e-12) << point.dump();
        EXPECT_NEAR(point["error"].get<double>(), 0.0, 1e-12) << point.dump();
    }
}

TEST_F(ServePowerBench, AnInfraredThermometerJobStillRunsAtTheBlackbody) {
    const auto [job, run] = run_job("IRT-FOREHEAD", "object_temperature", "degC", 0.1);
    ASSERT_EQ(run.value("state", ""), "finished") << run.dump();
    ASSERT_EQ(run["points"].size(), 3U) << run.dump();
    EXPECT_NEAR(run["points"][1]["reference_mean"].get<double>(), 37.0, 0.05) << run.dump();
}

TEST_F(ServePowerBench, ARestartReusesTheBenchsStandards) {
    const auto before = send(admin_, http::verb::get, "/api/standards?per_page=100");
    ASSERT_EQ(before.status, 200) << before.json.dump();
    ASSERT_EQ(before.json["total"], 2) << before.json.dump();
    stop_serve();
    start_serve();
    admin_ = sign_in("zhao.admin");
    const auto after = send(admin_, http::verb::get, "/api/standards?per_page=100");
    ASSERT_EQ(after.status, 200) << after.json.dump();
    EXPECT_EQ(after.json["items"], before.json["items"]);
    EXPECT_EQ(after.json["total"], 2) << after.json.dump();
}

} // namespace
} // namespace callab
