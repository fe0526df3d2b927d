// The records commands of the callab binary, on SQLite and on a private PostgreSQL server:
// users with a password on stdin, an all-or-nothing CSV import, statistics, backup and
// restore, and `audit verify` catching rows changed behind the lab's back.
#include "support/child_process.hpp"
#include "support/postgresql_server.hpp"
#include "support/temporary_directory.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace callab {
namespace {

using test_support::ChildProcess;
using test_support::TemporaryDirectory;

const std::string binary = CALLAB_BINARY;

struct CommandRun {
    int status;
    std::string out;
    std::string err;
};

// Runs a shell command line (for stdin pipes) and collects its output.
CommandRun shell(const std::string& command, const TemporaryDirectory& dir) {
    ChildProcess child({"/bin/sh", "-c", command}, dir.path());
    const int status = child.wait();
    return {status, child.standard_output(), child.standard_error()};
}

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

class RecordsCommands : public ::testing::TestWithParam<std::string> {
protected:
    TemporaryDirectory dir_;
    std::string uri_ = GetParam() == "sqlite"
                           ? "sqlite:" + (dir_.path() / "var" / "callab.db").string()
                           : test_support::PostgresqlServer::instance().create_database();

    CommandRun callab(const std::string& arguments, const std::string& input = "") {
        const std::string pipe = input.empty() ? "" : "printf '%s\\n' '" + input + "' | ";
        return shell(pipe + binary + " " + arguments + " --db '" + uri_ + "'", dir_);
    }

    // Changes the audit trail directly in the database, as an intruder would.
    void tamper(const std::string& statement) {
        const std::string tool = GetParam() == "sqlite"
                                     ? "sqlite3 '" + uri_.substr(7) + "'"
                                     : "/usr/lib/postgresql/15/bin/psql -q '" + uri_ + "' -c";
        ASSERT_EQ(shell(tool + " \"" + statement + "\"", dir_).status, 0);
    }
};

TEST_P(RecordsCommands, AddsUsersWithThePasswordFromStdin) {
    auto added =
        callab("user add --username alice --role technician --password-stdin", "correct horse");
    EXPECT_EQ(added.status, 0) << added.err;
    EXPECT_NE(added.out.find("alice (technician)"), std::string::npos);
    auto again = callab("user add --username alice --role reviewer --password-stdin", "x1234567");
    EXPECT_EQ(again.status, 1);
    EXPECT_NE(again.err.find("username: 'alice' is already taken"), std::string::npos);
    auto bad_role = callab("user add --username bob --role boss --password-stdin", "x1234567");
    EXPECT_EQ(bad_role.status, 2);
    EXPECT_NE(bad_role.err.find("--role"), std::string::npos);
}

TEST_P(RecordsCommands, ImportsAllRowsOrNoneAndExportsThem) {
    const auto file = dir_.path() / "enterprises.csv";
    write(file, "name,credit_code,region,size\n"
                "A Co.,91350100M000100Y43,Fujian,small\n"
                "B Co.,91350100M000100Y44,Fujian,small\n");
    const auto rejected = callab("import enterprises " + file.string());
    EXPECT_EQ(rejected.status, 1);
    EXPECT_NE(rejected.err.find(file.string() + ":3: credit_code"), std::string::npos)
        << rejected.err;
    EXPECT_EQ(callab("export enterprises").out, "name,credit_code,region,size,industry,contacts\n");

    write(file, "name,credit_code,region,size\n"
                "A Co.,91350100M000100Y43,Fujian,small\n"
                "C Co.,91310000MA1FL1JP22,Shanghai,medium\n");
    const auto imported = callab("import enterprises " + file.string());
    EXPECT_EQ(imported.status, 0) << imported.err;
    // Output to a file is not a terminal: the result alone, no progress line.
    EXPECT_EQ(imported.out, "imported 2 " + file.string() + " rows\n");
    EXPECT_EQ(imported.err, "");
    const auto exported = callab("export enterprises").out;
    EXPECT_NE(exported.find("C Co.,91310000MA1FL1JP22,Shanghai,medium,,"), std::string::npos);
    // A second import of a registered code is refused whole, naming the line.
    const auto duplicate = callab("import enterprises " + file.string());
    EXPECT_EQ(duplicate.status, 1);
    EXPECT_NE(duplicate.err.find(":2: enterprise 1: credit_code"), std::string::npos)
        << duplicate.err;
}

TEST_P(RecordsCommands, AuditVerifyNamesTheFirstBrokenEntry) {
    ASSERT_EQ(
        callab("user add --username alice --role technician --password-stdin", "pw123456").status,
        0);
    ASSERT_EQ(callab("user add --username bob --role reviewer --password-stdin", "pw123456").status,
              0);
    ASSERT_EQ(
        callab("user add --username carol --role manager --password-stdin", "pw123456").status, 0);
    const auto intact = callab("audit verify");
    EXPECT_EQ(intact.status, 0) << intact.err;
    EXPECT_NE(intact.out.find("audit trail intact: 3 entries"), std::string::npos);

    tamper("UPDATE audit_entry SET after_text = 'username=mallory' WHERE sequence = 2");
    const auto edited = callab("audit verify");
    EXPECT_EQ(edited.status, 1);
    EXPECT_NE(edited.err.find("audit trail broken at entry 2"), std::string::npos) << edited.err;

    tamper("DELETE FROM audit_entry WHERE sequence = 2");
    const auto deleted = callab("audit verify");
    EXPECT_EQ(deleted.status, 1);
    EXPECT_NE(deleted.err.find("broken at entry 3"), std::string::npos) << deleted.err;
}

TEST_P(RecordsCommands, ReportsStatisticsAndRefusesAnInvertedPeriod) {
    const auto json = callab("report stats --from 2026-01-01 --to 2026-12-31 --format json");
    EXPECT_EQ(json.status, 0) << json.err;
    EXPECT_NE(json.out.find("\"jobs\":0"), std::string::npos) << json.out;
    const auto inverted = callab("report stats --from 2026-02-01 --to 2026-01-31");
    EXPECT_EQ(inverted.status, 2);
    EXPECT_NE(inverted.err.find("--to"), std::string::npos);
}

TEST_P(RecordsCommands, ImportShowsAProgressLineOnATerminal) {
    const auto file = dir_.path() / "enterprises.csv";
    write(file, "name,credit_code,region,size\n"
                "A Co.,91350100M000100Y43,Fujian,small\n"
                "C Co.,91310000MA1FL1JP22,Shanghai,medium\n");
    // script(1) runs the command on a pseudo-terminal and copies what it wrote.
    const auto run = shell("script -qec \"" + binary + " import enterprises " + file.string() +
                               " --db '" + uri_ + "'\" /dev/null",
                           dir_);
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.out.find("\rstoring " + file.string() + "  [####################]  100 %  2/2"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("imported 2 " + file.string() + " rows"), std::string::npos);
}

TEST_P(RecordsCommands, BackupAndRestoreRoundTrip) {
    const auto file = dir_.path() / "enterprises.csv";
    write(file, "name,credit_code,region,size\nA Co.,91350100M000100Y43,Fujian,small\n");
    ASSERT_EQ(callab("import enterprises " + file.string()).status, 0);
    const auto backup_file = dir_.path() / "callab.backup";
    const auto backup = callab("backup --to " + backup_file.string());
    ASSERT_EQ(backup.status, 0) << backup.err;
    EXPECT_EQ(backup.out, "backup of " + uri_ + " written to " + backup_file.string() + "\n");
    EXPECT_EQ(backup.err, "");
    const std::string original = uri_;
    uri_ = GetParam() == "sqlite" ? "sqlite:" + (dir_.path() / "restored.db").string()
                                  : test_support::PostgresqlServer::instance().create_database();
    const auto restore =
        shell(binary + " restore --from " + backup_file.string() + " --db '" + uri_ + "'", dir_);
    ASSERT_EQ(restore.status, 0) << restore.err;
    EXPECT_NE(callab("export enterprises").out.find("A Co.,91350100M000100Y43"), std::string::npos);
    EXPECT_EQ(callab("audit verify").status, 0);
}

INSTANTIATE_TEST_SUITE_P(Backend, RecordsCommands, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                             return param.param;
                         });

} // namespace
} // namespace callab
