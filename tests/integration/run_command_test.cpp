// `callab run` killed with SIGKILL mid-run: every reading it reported stored is in the
// database, and `callab run JOB` resumes from the last stored reading and completes.
#include "support/callab_run.hpp"

#include <callab/db/database.hpp>
#include <callab/db/sql_job_store.hpp>

#include <gtest/gtest.h>

#include <csignal>
#include <map>
#include <sstream>
#include <thread>

namespace callab::test_support {
namespace {

/// The "reading ID point P SOURCE VALUE UNIT" lines printed, by reading id.
std::map<std::int64_t, double> printed_readings(const std::string& output) {
    std::map<std::int64_t, double> readings;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string word;
        std::string point;
        std::string source;
        std::int64_t id = 0;
        int test_point = 0;
        double value = 0;
        if (words >> word && word == "reading" &&
            words >> id >> point >> test_point >> source >> value) {
            readings[id] = value;
        }
    }
    return readings;
}

std::size_t count_lines(const std::string& output, const std::string& prefix) {
    std::size_t n = 0;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        n += line.rfind(prefix, 0) == 0 ? 1 : 0;
    }
    return n;
}

TEST(RunCommand, KilledMidRunLosesNoStoredReadingAndResumes) {
    TemporaryDirectory dir;
    const std::string db_uri = "sqlite:" + (dir.path() / "callab.db").string();
    std::int64_t job = 0;
    std::map<std::int64_t, double> before;
    std::size_t kept_count = 0;
    {
        TemporaryDirectory out;
        ChildProcess run({CALLAB_BINARY, "run", "--db", db_uri, "--interval-ms", "40"}, out.path());
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (count_lines(run.standard_output(), "reading ") < 12 && run.running() &&
               std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ASSERT_TRUE(run.running()) << run.standard_output() << run.standard_error();
        run.kill_hard();
        EXPECT_EQ(run.wait(), 128 + SIGKILL);
        const std::string output = run.standard_output();
        ASSERT_EQ(output.rfind("standard ", 0), 0U) << output;
        const auto job_line = output.find("\njob ");
        ASSERT_NE(job_line, std::string::npos) << output;
        job = std::stoll(output.substr(job_line + 5));
        before = printed_readings(output);
        ASSERT_GE(before.size(), 12U);
        ASSERT_LT(before.size(), 30U);
    }
    {
        auto database = db::Database::open(db_uri);
        db::SqlJobStore jobs(*database);
        const auto stored = jobs.readings_of(lab::JobId{job});
        std::map<std::int64_t, double> kept;
        for (const auto& r : stored) {
            kept[r.id.value()] = r.value;
        }
        for (const auto& [id, value] : before) {
            ASSERT_TRUE(kept.count(id)) << "reading " << id << " lost";
            EXPECT_DOUBLE_EQ(kept[id], value);
        }
        kept_count = stored.size();
        EXPECT_LE(kept_count, before.size() + 1); // one may have been stored, not printed
    }
    const auto resumed = run_callab({"run", std::to_string(job), "--db", db_uri});
    ASSERT_EQ(resumed.status, 0) << resumed.output << resumed.error;
    EXPECT_NE(resumed.output.find("finished 3 points"), std::string::npos) << resumed.output;
    auto database = db::Database::open(db_uri);
    db::SqlJobStore jobs(*database);
    const auto stored = jobs.readings_of(lab::JobId{job});
    EXPECT_EQ(stored.size(), 30U);
    // Only the missing readings were taken: each id printed before the kill is still there,
    // and the resumed run printed only new ones.
    const auto after = printed_readings(resumed.output);
    EXPECT_EQ(after.size(), 30U - kept_count);
    for (const auto& [id, value] : after) {
        EXPECT_GT(id, before.rbegin()->first);
    }
}

} // namespace
} // namespace callab::test_support
