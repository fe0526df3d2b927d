// callab recall against a local SMTP sink (aiosmtpd): schedules with a responsible user,
// the day's notices generated and mailed once, a refused recipient logged with the
// server's reply and not marked sent, and the [smtp] section of a config file.
#include "mail/smtp_sink.hpp"
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

class RecallCommand : public ::testing::Test {
protected:
    TemporaryDirectory dir_;
    std::string uri_ = "sqlite:" + (dir_.path() / "callab.db").string();
    test_support::SmtpSink sink_;

    CommandRun callab(const std::string& arguments) {
        ChildProcess child({"/bin/sh", "-c",
                            "printf 'password-123\\n' | " + std::string(CALLAB_BINARY) + " " +
                                arguments + " --db '" + uri_ + "'"},
                           dir_.path());
        const int status = child.wait();
        return {status, child.standard_output(), child.standard_error()};
    }

    std::string smtp() const {
        return " --smtp-host 127.0.0.1 --smtp-port " + std::to_string(sink_.port()) +
               " --smtp-from callab@lab.example";
    }

    void SetUp() override {
        ASSERT_EQ(callab("user add --username li.wei --role manager --email li.wei@lab.example "
                         "--password-stdin")
                      .status,
                  0);
        ASSERT_EQ(callab("user add --username wang.fang --role technician "
                         "--email refused.wang@lab.example --password-stdin")
                      .status,
                  0);
        const auto added = callab("recall add --item standard --item-id 2 --kind "
                                  "intermediate_check --due 2026-03-11 --interval-days 90 "
                                  "--lead-days 14 --responsible li.wei");
        ASSERT_EQ(added.status, 0) << added.err;
        ASSERT_EQ(callab("recall add --item equipment --item-id 3 --kind maintenance --due "
                         "2026-02-01 --interval-days 180 --lead-days 7 --responsible wang.fang")
                      .status,
                  0);
    }
};

TEST_F(RecallCommand, MailsTheDaysNoticesOnceAndLogsARefusal) {
    const auto first = callab("recall notify --date 2026-03-01" + smtp());
    EXPECT_EQ(first.status, 1); // one message refused
    EXPECT_NE(first.out.find("2 new, 1 messages sent, 1 not delivered"), std::string::npos)
        << first.out;
    EXPECT_NE(first.err.find("see callab recall mail-log"), std::string::npos) << first.err;

    const auto messages = sink_.messages();
    ASSERT_EQ(messages.size(), 1U);
    EXPECT_EQ(messages[0]["rcpt_tos"], nlohmann::json::array({"li.wei@lab.example"}));
    EXPECT_EQ(messages[0]["headers"]["Subject"],
              "Recall reminder 2026-03-01: 1 item due · 到期提醒");
    EXPECT_NE(messages[0]["body"].get<std::string>().find(
                  "standard 2: intermediate check due in 10 days (2026-03-11"),
              std::string::npos)
        << messages[0]["body"];

    const auto again = callab("recall notify --date 2026-03-01" + smtp());
    EXPECT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.out.find("0 new, 0 messages sent, 0 not delivered"), std::string::npos);
    EXPECT_EQ(sink_.messages().size(), 1U);

    const auto log = callab("recall mail-log");
    EXPECT_NE(log.out.find("li.wei@lab.example sent 1 notices: 250 "), std::string::npos)
        << log.out;
    EXPECT_NE(log.out.find("refused.wang@lab.example refused 1 notices: 550 5.1.1 "
                           "<refused.wang@lab.example>: Recipient address rejected"),
              std::string::npos)
        << log.out;
    const auto notices = callab("recall notices --date 2026-03-01");
    EXPECT_NE(notices.out.find("maintenance due 2026-02-01 (-28 days) to wang.fang not mailed"),
              std::string::npos)
        << notices.out;
    EXPECT_NE(notices.out.find("to li.wei mailed"), std::string::npos) << notices.out;

    // The next day, with the address corrected, the reminder goes through.
    ASSERT_EQ(callab("user set-email --username wang.fang --email wang.fang@lab.example").status,
              0);
    const auto next = callab("recall notify --date 2026-03-02" + smtp());
    EXPECT_EQ(next.status, 0) << next.err;
    EXPECT_EQ(sink_.messages().size(), 3U);
}

TEST_F(RecallCommand, ReadsTheSmtpSectionOfAConfigFile) {
    const auto config = dir_.path() / "callab.toml";
    std::ofstream(config) << "[smtp]\nhost = \"127.0.0.1\"\nport = " << sink_.port()
                          << "\nfrom = \"callab@lab.example\"\nhelo = \"bench-1.lab.example\"\n";
    const auto run = callab("recall notify --date 2026-03-01 --config " + config.string());
    EXPECT_EQ(run.status, 1) << run.err; // wang.fang's address is refused
    const auto messages = sink_.messages();
    ASSERT_EQ(messages.size(), 1U);
    EXPECT_EQ(messages[0]["helo"], "bench-1.lab.example");

    std::ofstream(config) << "[smtp]\nhost = \"127.0.0.1\"\nport = \"twenty-five\"\n";
    const auto bad = callab("recall notify --config " + config.string());
    EXPECT_EQ(bad.status, 2);
    EXPECT_NE(bad.err.find("smtp.port must be an integer"), std::string::npos) << bad.err;
}

TEST_F(RecallCommand, WithoutSmtpNoticesAreOnlyGenerated) {
    const auto run = callab("recall notify --date 2026-03-01");
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find("2 new, 0 messages sent, 0 not delivered (no SMTP server configured)"),
              std::string::npos)
        << run.out;
    EXPECT_TRUE(sink_.messages().empty());
    const auto due = callab("recall list --date 2026-03-01 --within-days 30");
    EXPECT_EQ(due.out, "2026-02-01 equipment 3 maintenance (schedule 2)\n"
                       "2026-03-11 standard 2 intermediate_check (schedule 1)\n");
}

} // namespace
} // namespace callab
