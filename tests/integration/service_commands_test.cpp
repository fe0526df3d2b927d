// `callab request` and `callab activity` on a SQLite file: an enterprise user asks, the lab
// asks back, accepts and answers in writing; an activity is recorded; `report stats` counts
// both; refused steps name the rule.
#include "support/child_process.hpp"
#include "support/temporary_directory.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace callab {
namespace {

using test_support::ChildProcess;
using test_support::TemporaryDirectory;

struct CommandRun {
    int status;
    std::string out;
    std::string err;
};

class ServiceCommands : public ::testing::Test {
protected:
    TemporaryDirectory dir_;
    std::string uri_ = "sqlite:" + (dir_.path() / "callab.db").string();

    CommandRun callab(const std::string& arguments, const std::string& input = "") {
        const std::string pipe = input.empty() ? "" : "printf '%s\\n' '" + input + "' | ";
        ChildProcess child(
            {"/bin/sh", "-c", pipe + CALLAB_BINARY + " " + arguments + " --db '" + uri_ + "'"},
            dir_.path());
        const int status = child.wait();
        return {status, child.standard_output(), child.standard_error()};
    }

    void SetUp() override {
        std::ofstream(dir_.path() / "e.csv")
            << "name,credit_code,region,size\nA Co.,91350100M000100Y43,Henan/Zhengzhou,small\n";
        ASSERT_EQ(callab("import enterprises " + (dir_.path() / "e.csv").string()).status, 0);
        ASSERT_EQ(callab("user add --username client --role enterprise_user --enterprise 1 "
                         "--password-stdin",
                         "pw123456")
                      .status,
                  0);
        ASSERT_EQ(callab("user add --username tech --role technician --password-stdin", "pw123456")
                      .status,
                  0);
    }
};

TEST_F(ServiceCommands, AnEnterpriseAsksTheLabAsksBackAndAnswersInWriting) {
    const auto added = callab("request add --as client --kind technical_advice --subject "
                              "'Calibration interval' --details 'How often?'");
    ASSERT_EQ(added.status, 0) << added.err;
    EXPECT_NE(added.out.find("request 1 technical_advice submitted enterprise 1"),
              std::string::npos)
        << added.out;

    const auto refused = callab("request accept 1 --as client");
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.err.find("only lab staff accept service requests"), std::string::npos)
        << refused.err;

    ASSERT_EQ(callab("request ask 1 --as tech --question 'Which meters?'").status, 0);
    const auto answered = callab("request answer 1 --as client --text 'Energy meters'");
    ASSERT_EQ(answered.status, 0) << answered.err;
    EXPECT_NE(answered.out.find("answer: Energy meters"), std::string::npos) << answered.out;
    ASSERT_EQ(callab("request accept 1 --as tech").status, 0);
    const auto done = callab("request convert 1 --as tech --answer 'Once a year'");
    ASSERT_EQ(done.status, 0) << done.err;
    EXPECT_NE(done.out.find("completed"), std::string::npos);
    EXPECT_NE(done.out.find("written answer: Once a year"), std::string::npos);

    const auto late = callab("request reject 1 --as tech --reason 'too late'");
    EXPECT_EQ(late.status, 1);
    EXPECT_NE(late.err.find("service request 1 is completed and cannot become rejected"),
              std::string::npos)
        << late.err;

    const auto listed = callab("request list --as client --status completed");
    EXPECT_EQ(listed.status, 0) << listed.err;
    EXPECT_NE(listed.out.find("1 of 1 requests"), std::string::npos) << listed.out;

    const auto activity = callab(
        "activity add --as tech --kind training --date 2026-03-02 --region Henan/Zhengzhou "
        "--topic Chargers --enterprise 1 --attendees 30 --attendee 'Wang Fang' --problem drift");
    ASSERT_EQ(activity.status, 0) << activity.err;
    EXPECT_NE(activity.out.find("attendees: 30 (Wang Fang)"), std::string::npos) << activity.out;
    const auto bad = callab("activity add --as tech --kind training --date 2026-03-02 --region R "
                            "--topic T --enterprise 1 --attendees 0 --attendee 'Wang Fang'");
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("attendee_count: must be at least the number of attendees named"),
              std::string::npos)
        << bad.err;
    EXPECT_NE(callab("activity list --kind training").out.find("1 of 1 activities"),
              std::string::npos);

    const auto stats = callab("report stats --from 2020-01-01 --to 2030-12-31 --format json");
    ASSERT_EQ(stats.status, 0) << stats.err;
    EXPECT_NE(stats.out.find("\"services\":{\"requests_received\":1,\"requests_handled\":1,"
                             "\"visits\":0,\"trainings\":1,\"training_attendees\":30"),
              std::string::npos)
        << stats.out;
    const auto csv = callab("report stats --from 2026-03-01 --to 2026-03-31 --format csv");
    EXPECT_NE(csv.out.find("region.Henan/Zhengzhou.trainings,1"), std::string::npos) << csv.out;
    EXPECT_NE(csv.out.find("month.2026-03.problems_solved,1"), std::string::npos) << csv.out;
}

} // namespace
} // namespace callab
