// Concurrent reading appends share transactions (group commit): every caller gets its own
// stored reading back, nothing is lost or doubled, the audit chain stays linear, and a
// reading that cannot be stored fails only its own caller.
#include "records_fixture.hpp"

#include <callab/lab/audit_entry.hpp>

#include <atomic>
#include <set>
#include <thread>

namespace callab::test_support {
namespace {

constexpr int writers = 8;
constexpr int readings_per_writer = 20;

class ReadingGroupCommitTest : public RecordsTest {
protected:
    std::unique_ptr<db::Database> shared_ = db::Database::open(uri_, writers);
    lab::Job job_ = jobs_.create_job({"group commit", "FT-1", "object_temperature", "degC", 0.1});

    lab::ReadingRecord reading(lab::JobId job, double value) const {
        return {lab::ReadingId{}, job, value, "degC", "manual", std::chrono::system_clock::now(),
                "alice"};
    }
};

TEST_P(ReadingGroupCommitTest, ConcurrentWritersEachGetTheirOwnDurableReading) {
    std::vector<std::vector<lab::ReadingRecord>> returned(writers);
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            db::SqlJobStore store(*shared_); // one store per client, one queue per database
            for (int k = 0; k < readings_per_writer; ++k) {
                returned[static_cast<std::size_t>(w)].push_back(
                    store.append_reading(reading(job_.id, w * 1000.0 + k)));
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    std::set<long long> ids;
    for (int w = 0; w < writers; ++w) {
        for (int k = 0; k < readings_per_writer; ++k) {
            const auto& r = returned[static_cast<std::size_t>(w)][static_cast<std::size_t>(k)];
            EXPECT_EQ(r.value, w * 1000.0 + k);
            EXPECT_EQ(r.job, job_.id);
            ids.insert(r.id.value());
        }
    }
    EXPECT_EQ(ids.size(), static_cast<std::size_t>(writers * readings_per_writer));

    auto reopened = db::Database::open(uri_);
    db::SqlJobStore again(*reopened);
    const auto stored = again.readings_of(job_.id);
    ASSERT_EQ(stored.size(), ids.size());
    for (const auto& r : stored) {
        EXPECT_TRUE(ids.count(r.id.value()));
    }
    db::SqlAuditLog audit(*reopened);
    const auto entries = audit.entries();
    EXPECT_FALSE(lab::verify_audit_chain(entries));
}

TEST_P(ReadingGroupCommitTest, AnUnknownJobFailsOnlyItsOwnCaller) {
    std::atomic<int> refused{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            db::SqlJobStore store(*shared_);
            for (int k = 0; k < readings_per_writer; ++k) {
                const bool bad = (w + k) % 5 == 0;
                try {
                    store.append_reading(reading(bad ? lab::JobId{404} : job_.id, k));
                    EXPECT_FALSE(bad);
                } catch (const db::DatabaseError& e) {
                    EXPECT_TRUE(bad) << e.what();
                    EXPECT_NE(std::string(e.what()).find("cannot store reading"),
                              std::string::npos);
                    ++refused;
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    const int expected_bad = writers * readings_per_writer / 5;
    EXPECT_EQ(refused, expected_bad);
    EXPECT_EQ(jobs_.readings_of(job_.id).size(),
              static_cast<std::size_t>(writers * readings_per_writer - expected_bad));
    EXPECT_FALSE(lab::verify_audit_chain(audit_.entries()));
}

CALLAB_STORE_TEST_SUITE(ReadingGroupCommitTest);

} // namespace
} // namespace callab::test_support
