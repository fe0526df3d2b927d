// Runs the callab binary: `callab uncertainty SPEC.json` on good and malformed specs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct CommandRun {
    int status = -1;
    std::string output;
};

class UncertaintyCommand : public ::testing::Test {
protected:
    void SetUp() override {
        directory_ = std::filesystem::temp_directory_path() /
                     ("callab-uncertainty-" + std::to_string(::getpid()));
        std::filesystem::create_directories(directory_);
    }
    void TearDown() override { std::filesystem::remove_all(directory_); }

    // stderr_only: capture stderr and drop stdout.
    CommandRun run(const std::string& spec, const std::string& arguments = "",
                   bool stderr_only = false) {
        const auto path = directory_ / "spec.json";
        std::ofstream(path) << spec;
        const std::string redirect = stderr_only ? " 2>&1 >/dev/null" : " 2>/dev/null";
        const std::string command = std::string(CALLAB_BINARY) + " uncertainty " + path.string() +
                                    " " + arguments + redirect;
        CommandRun result;
        FILE* pipe = ::popen(command.c_str(), "r");
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
            result.output.append(buffer, n);
        }
        const int status = ::pclose(pipe);
        result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return result;
    }

    void expect_usage_error(const std::string& spec, const std::string& expected,
                            const std::string& arguments = "") {
        const auto result = run(spec, arguments, true);
        EXPECT_EQ(result.status, 2) << spec;
        EXPECT_NE(result.output.find(expected), std::string::npos)
            << "stderr: " << result.output << " expected: " << expected;
        EXPECT_EQ(std::count(result.output.begin(), result.output.end(), '\n'), 1) << result.output;
    }

    std::filesystem::path directory_;
};

const std::string h2_spec = R"j({
  "outputs": {"R": "V/I*cos(phi)", "X": "V/I*sin(phi)", "Z": "sqrt(R^2+X^2)"},
  "inputs": [
    {"name": "V", "readings": [5.007, 4.994, 5.005, 4.990, 4.999]},
    {"name": "I", "readings": [19.663e-3, 19.639e-3, 19.640e-3, 19.685e-3, 19.678e-3]},
    {"name": "phi", "readings": [1.0456, 1.0438, 1.0468, 1.0428, 1.0433]}],
  "correlations": [{"between": ["V", "I"], "from_readings": true},
                   {"between": ["V", "phi"], "from_readings": true},
                   {"between": ["I", "phi"], "from_readings": true}]})j";

TEST_F(UncertaintyCommand, GumH2AsJson) {
    const auto result = run(h2_spec, "--format json");
    ASSERT_EQ(result.status, 0) << result.output;
    const auto doc = nlohmann::json::parse(result.output);
    const auto& r = doc["outputs"][0];
    EXPECT_EQ(r["name"], "R");
    EXPECT_NEAR(r["value"].get<double>(), 127.732, 0.0005);
    EXPECT_NEAR(r["u"].get<double>(), 0.071, 0.0005);
    EXPECT_NEAR(r["dof"].get<double>(), 4.0, 1e-9);
    EXPECT_EQ(r["budget"].size(), 3U);
    EXPECT_NEAR(doc["correlation"][1][2].get<double>(), 0.993, 0.0005);
    EXPECT_EQ(result.output.find("nan"), std::string::npos);
}

TEST_F(UncertaintyCommand, BothMethodsReportValidation) {
    const auto result = run(R"j({"model": "y = a + b", "inputs": [
        {"name": "a", "value": 1, "u": 0.1}, {"name": "b", "distribution": "rectangular",
         "a": 0, "b": 1}], "coverage": {"k": 2}})j",
                            "--method both --trials 20000 --seed 7 --format json");
    ASSERT_EQ(result.status, 0) << result.output;
    const auto doc = nlohmann::json::parse(result.output);
    const auto& y = doc["outputs"][0];
    EXPECT_TRUE(y["dof"].is_null()); // infinite
    EXPECT_TRUE(y["probability"].is_null());
    EXPECT_EQ(y["mcm"]["trials"], 20000);
    EXPECT_TRUE(y["validation"].contains("passed"));
    EXPECT_EQ(doc["mcm"]["seed"], 7);
}

TEST_F(UncertaintyCommand, FitsWithPredictions) {
    const auto result = run(R"j({"fit": {"kind": "polynomial", "degree": 1, "origin": 20,
        "points": [{"x": 21.521, "y": -0.171}, {"x": 22.012, "y": -0.169},
        {"x": 22.512, "y": -0.166}, {"x": 23.003, "y": -0.159}, {"x": 23.507, "y": -0.164},
        {"x": 23.999, "y": -0.165}, {"x": 24.513, "y": -0.156}, {"x": 25.002, "y": -0.157},
        {"x": 25.503, "y": -0.159}, {"x": 26.010, "y": -0.161}, {"x": 26.511, "y": -0.160}],
        "predict_y_at": [30.0]}})j",
                            "--format json");
    ASSERT_EQ(result.status, 0) << result.output;
    const auto fit = nlohmann::json::parse(result.output)["fit"];
    EXPECT_NEAR(fit["predictions"]["y_at"][0]["y"].get<double>(), -0.1494, 0.00005);
    EXPECT_NEAR(fit["predictions"]["y_at"][0]["u"].get<double>(), 0.0041, 0.00005);

    const auto line = run(R"j({"fit": {"kind": "straight-line", "method": "gdr", "points": [
        {"x": 1.2, "y": 3.4, "u_x": 0.2, "u_y": 0.2}, {"x": 1.9, "y": 4.4, "u_x": 0.2, "u_y": 0.2},
        {"x": 2.9, "y": 7.2, "u_x": 0.2, "u_y": 0.2}, {"x": 4.0, "y": 8.5, "u_x": 0.2, "u_y": 0.4},
        {"x": 4.7, "y": 10.8, "u_x": 0.2, "u_y": 0.4}, {"x": 5.9, "y": 13.5, "u_x": 0.2, "u_y": 0.4}],
        "predict_x_at": [{"value": 10.0, "u": 0.2}]}})j",
                          "--format json");
    ASSERT_EQ(line.status, 0) << line.output;
    const auto gdr = nlohmann::json::parse(line.output)["fit"];
    EXPECT_NEAR(gdr["a"]["value"].get<double>(), 0.5788, 0.00005);
    EXPECT_NEAR(gdr["b"]["u"].get<double>(), 0.1355, 0.00005);
    EXPECT_NEAR(gdr["chi2"].get<double>(), 2.743, 0.0005);
    EXPECT_EQ(gdr["predictions"]["x_at"].size(), 1U);
}

TEST_F(UncertaintyCommand, TextReportHasTheBudgetTable) {
    const auto result = run(h2_spec);
    ASSERT_EQ(result.status, 0);
    EXPECT_NE(result.output.find("result: R = 127.73 ± 0.20 (k = 2.78, p = 95 %)"),
              std::string::npos)
        << result.output;
    EXPECT_NE(result.output.find("|c_i|·u_i"), std::string::npos);
}

TEST_F(UncertaintyCommand, MalformedSpecsFailWithOneLineAndStatusTwo) {
    const std::string input = R"j({"name": "x", "value": 1, "u": 0.1})j";
    expect_usage_error(R"j({"model": "y = x * z", "inputs": [)j" + input + "]}",
                       "output 'y': unknown name 'z' at position 9");
    expect_usage_error(R"j({"model": "y = (x", "inputs": [)j" + input + "]}",
                       "output 'y': expected ')' at position 7");
    expect_usage_error(R"j({"model": "y = x", "inputs": [)j" + input + "," + input + "]}",
                       "input 'x': duplicate name");
    expect_usage_error(R"j({"outputs": {"p": "q + x", "q": "p"}, "inputs": [)j" + input + "]}",
                       "a cycle");
    expect_usage_error(R"j({"model": "y = x", "inputs": [{"name": "x", "value": 1, "u": -1}]})j",
                       "input 'x': u must be finite and not negative");
    expect_usage_error(R"j({"model": "y = x", "inputs": [{"name": "x", "value": 1, "u": 1e999}]})j",
                       "invalid JSON");
    expect_usage_error(R"j({"model": "y = x", "inputs": [{"name": "x", "value": 1, "u": "a"}]})j",
                       "input 'x': 'u' must be a number");
    expect_usage_error(R"j({"model": "y = x", "inputs": [{"name": "x", "readings": [1]}]})j",
                       "input 'x': needs at least 2 readings, got 1");
    const std::string two =
        R"j([{"name": "a", "value": 1, "u": 1}, {"name": "b", "value": 1, "u": 1},
        {"name": "c", "value": 1, "u": 1}])j";
    expect_usage_error(R"j({"model": "y = a + b", "inputs": )j" + two +
                           R"j(, "correlations": [{"between": ["a", "b"], "r": 1.5}]})j",
                       "correlation between 'a' and 'b': |r| must not exceed 1");
    expect_usage_error(R"j({"model": "y = a + b", "inputs": )j" + two +
                           R"j(, "correlations": [{"between": ["a", "b"], "r": 0.9},
                               {"between": ["b", "c"], "r": 0.9},
                               {"between": ["a", "c"], "r": -0.9}]})j",
                       "not positive semi-definite");
    expect_usage_error(R"j({"model": "y = x^2", "inputs": [{"name": "x", "value": 0, "u": 1}]})j",
                       "output 'y': all sensitivity coefficients are zero");
    expect_usage_error(R"j({"model": "y = x", "inputs": [)j" + input + "]}", "--trials: 5000",
                       "--method mcm --trials 5000");
    expect_usage_error(R"j({"model": "y = x", "inputs": [)j" + input + "]}", "--probability",
                       "--probability 1.5");
    expect_usage_error(R"j({"model": "y = x", "inputs": [)j" + input +
                           R"j(], "coverage": {"probability": 0}})j",
                       "coverage: 'probability' must lie strictly between 0 and 1");
    expect_usage_error(R"j({"fit": {"kind": "straight-line", "method": "wls", "points": [
        {"x": 1, "y": 1, "u_y": 1}, {"x": 2, "y": 2, "u_y": 1}]}})j",
                       "fit: needs at least 3 points, got 2");
    expect_usage_error(R"j({"fit": {"kind": "straight-line", "method": "wls", "points": [
        {"x": 1, "y": 1, "u_y": 1}, {"x": 1, "y": 2, "u_y": 1}, {"x": 1, "y": 3, "u_y": 1}]}})j",
                       "fit: all points have the same x");
    expect_usage_error(
        R"j({"model": "y = log(x)", "inputs": [{"name": "x", "value": 0.5, "u": 1}]})j",
        "output 'y': Monte Carlo trial", "--method mcm --trials 10000");
    expect_usage_error(R"j({"model": "y = 1/x", "inputs": [{"name": "x", "value": 0, "u": 1}]})j",
                       "output 'y': the model or its derivatives are NaN or infinite");
    expect_usage_error(R"j({"model": "y = x", "inputs": [{"name": "x", "value": 1, "hw": 1}]})j",
                       "input 'x': unknown key 'hw'");
}

TEST_F(UncertaintyCommand, DocumentedEndGaugeExample) {
    // docs/examples/uncertainty/end-gauge.json: JCGM 100 H.1 as docs/uncertainty.md shows it.
    std::ifstream file(CALLAB_SOURCE_DIR "/docs/examples/uncertainty/end-gauge.json");
    const std::string spec((std::istreambuf_iterator<char>(file)),
                           std::istreambuf_iterator<char>());
    ASSERT_FALSE(spec.empty());
    const auto result = run(spec, "--format json");
    ASSERT_EQ(result.status, 0) << result.output;
    const auto l = nlohmann::json::parse(result.output)["outputs"][0];
    EXPECT_NEAR(l["value"].get<double>(), 50000838.0, 0.5);
    EXPECT_NEAR(l["u"].get<double>(), 32.0, 0.5);
    EXPECT_NEAR(l["k"].get<double>(), 2.92, 0.005);
    EXPECT_EQ(l["rounded"]["text"], "50000838 ± 93");
}

TEST_F(UncertaintyCommand, MissingFileIsAUsageError) {
    const auto result = ::system(
        (std::string(CALLAB_BINARY) + " uncertainty /nonexistent/spec.json 2>/dev/null").c_str());
    EXPECT_EQ(WEXITSTATUS(result), 2);
}

} // namespace
