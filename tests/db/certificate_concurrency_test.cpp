// Two processes with several threads each issue the same approved jobs at once: each job is
// issued exactly once, and the numbers are distinct and without gaps (1 … jobs).
#include "records_fixture.hpp"

#include <callab/db/sql_certificate_store.hpp>
#include <callab/lab/certificate_digest.hpp>

#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace callab::test_support {
namespace {

constexpr int processes = 2;
constexpr int threads_per_process = 4;
constexpr int job_count = 24;

class CertificateConcurrencyTest : public RecordsTest {
protected:
    lab::User signatory_ = add_user("sig", lab::Role::signatory);
    std::vector<lab::JobId> jobs_approved_ = approved_jobs();

    std::vector<lab::JobId> approved_jobs() {
        std::vector<lab::JobId> ids;
        for (int i = 0; i < job_count; ++i) {
            const auto job = jobs_.create_job(
                {"IR " + std::to_string(i), "FT-1", "object_temperature", "degC", 0.1});
            lab::JobStatus from = lab::JobStatus::draft;
            for (const auto to : {lab::JobStatus::measuring, lab::JobStatus::measured,
                                  lab::JobStatus::reviewed, lab::JobStatus::approved}) {
                EXPECT_TRUE(jobs_.change_status(job.id, from, to, signatory_));
                from = to;
            }
            ids.push_back(job.id);
        }
        return ids;
    }

    // Runs in a child process: every thread tries every job, in its own order.
    void race(int process, const std::filesystem::path& out) {
        auto database = db::Database::open(uri_, threads_per_process);
        db::SqlCertificateStore store(*database);
        std::mutex mutex;
        std::ofstream file(out);
        std::vector<std::thread> threads;
        for (int t = 0; t < threads_per_process; ++t) {
            threads.emplace_back([&, t] {
                for (int k = 0; k < job_count; ++k) {
                    const auto job = jobs_approved_[(k * 5 + t * 3 + process) % job_count];
                    const lab::IssueRequest request{job, "CAL-{year}-{seq:6}", day(2026, 3, 7),
                                                    "sig"};
                    const auto issued = store.issue(request, [](const std::string& number) {
                        const std::string pdf = "%PDF-1.5 " + number;
                        const std::string dcc = "<dcc>" + number + "</dcc>";
                        const auto digest = lab::digest_certificate(pdf, dcc);
                        return lab::Outcome<lab::FrozenCertificate>{lab::FrozenCertificate{
                            "FT-1", pdf, dcc, digest.pdf_sha256, digest.dcc_sha256}};
                    });
                    std::lock_guard lock(mutex);
                    file << job.value() << " "
                         << (issued ? "won " + std::to_string(issued->sequence) : "lost") << "\n";
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
    }
};

TEST_P(CertificateConcurrencyTest, EachJobOnceWithDistinctGapFreeNumbers) {
    std::vector<pid_t> children;
    for (int p = 0; p < processes; ++p) {
        const pid_t pid = ::fork();
        ASSERT_NE(pid, -1);
        if (pid == 0) {
            int status = 0;
            try {
                race(p, dir_.path() / ("race-" + std::to_string(p)));
            } catch (const std::exception& e) {
                std::ofstream(dir_.path() / ("error-" + std::to_string(p))) << e.what();
                status = 1;
            }
            ::_exit(status);
        }
        children.push_back(pid);
    }
    for (const pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    std::multiset<long long> jobs_won;
    std::set<long long> sequences;
    int tries = 0;
    for (int p = 0; p < processes; ++p) {
        std::ifstream in(dir_.path() / ("race-" + std::to_string(p)));
        std::string line;
        while (std::getline(in, line)) {
            ++tries;
            std::istringstream fields(line);
            long long job = 0;
            std::string outcome;
            fields >> job >> outcome;
            if (outcome == "won") {
                long long sequence = 0;
                fields >> sequence;
                jobs_won.insert(job);
                EXPECT_TRUE(sequences.insert(sequence).second) << "sequence " << sequence;
            }
        }
    }
    EXPECT_EQ(tries, processes * threads_per_process * job_count);
    EXPECT_EQ(jobs_won.size(), static_cast<std::size_t>(job_count));
    for (const auto id : jobs_approved_) {
        EXPECT_EQ(jobs_won.count(id.value()), 1U) << "job " << id.value();
        EXPECT_EQ(jobs_.find_job(id)->status, lab::JobStatus::issued);
    }
    ASSERT_FALSE(sequences.empty());
    EXPECT_EQ(*sequences.begin(), 1);
    EXPECT_EQ(*sequences.rbegin(), job_count);
    db::SqlCertificateStore store(*database_);
    const auto last = store.find_certificate("CAL-2026-0000" + std::to_string(job_count));
    ASSERT_TRUE(last);
    EXPECT_EQ(last->pdf, "%PDF-1.5 CAL-2026-0000" + std::to_string(job_count));
}

CALLAB_STORE_TEST_SUITE(CertificateConcurrencyTest);

} // namespace
} // namespace callab::test_support
