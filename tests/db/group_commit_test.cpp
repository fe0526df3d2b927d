#include "group_commit.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

namespace callab::db {
namespace {

struct Batch {
    std::vector<int> log; ///< what the works wrote, in batch order
};
using Commit = GroupCommit<Batch>;

/// An executor that runs every work of the batch on one Batch, records the batch size and,
/// when a work throws std::runtime_error, fails only that entry.
struct RecordingExecutor {
    std::vector<std::size_t> sizes;
    std::vector<int> committed;
    void operator()(std::span<Commit::Entry* const> batch) {
        Batch context;
        for (auto* entry : batch) {
            try {
                entry->work(context);
            } catch (const std::runtime_error&) {
                entry->error = std::current_exception();
            }
        }
        sizes.push_back(batch.size());
        committed.insert(committed.end(), context.log.begin(), context.log.end());
    }
};

TEST(GroupCommitTest, OneCallerRunsItsOwnBatch) {
    Commit commit;
    RecordingExecutor executor;
    commit.submit([](Batch& b) { b.log.push_back(7); }, std::ref(executor));
    EXPECT_EQ(executor.sizes, std::vector<std::size_t>{1});
    EXPECT_EQ(executor.committed, std::vector<int>{7});
}

TEST(GroupCommitTest, CallersArrivingDuringABatchShareTheNextOne) {
    Commit commit;
    RecordingExecutor executor;
    std::promise<void> gate;
    std::shared_future<void> open = gate.get_future().share();
    std::atomic<bool> first_running{false};
    auto blocking = [&](std::span<Commit::Entry* const> batch) {
        first_running = true;
        open.wait();
        executor(batch);
    };
    std::thread first([&] { commit.submit([](Batch& b) { b.log.push_back(0); }, blocking); });
    while (!first_running) {
        std::this_thread::yield();
    }
    std::vector<std::thread> later;
    for (int i = 1; i <= 3; ++i) {
        later.emplace_back(
            [&, i] { commit.submit([i](Batch& b) { b.log.push_back(i); }, blocking); });
    }
    while (commit.waiting() < 3) {
        std::this_thread::yield();
    }
    gate.set_value();
    first.join();
    for (auto& t : later) {
        t.join();
    }
    EXPECT_EQ(executor.sizes, (std::vector<std::size_t>{1, 3}));
    EXPECT_EQ(executor.committed.size(), 4U);
}

TEST(GroupCommitTest, AFailingWorkFailsOnlyItsCaller) {
    Commit commit;
    RecordingExecutor executor;
    EXPECT_THROW(
        commit.submit([](Batch&) { throw std::runtime_error("unknown job"); }, std::ref(executor)),
        std::runtime_error);
    commit.submit([](Batch& b) { b.log.push_back(1); }, std::ref(executor));
    EXPECT_EQ(executor.committed, std::vector<int>{1});
}

TEST(GroupCommitTest, AFailingBatchFailsEveryCallerInIt) {
    Commit commit;
    std::promise<void> gate;
    std::shared_future<void> open = gate.get_future().share();
    std::atomic<bool> first_running{false};
    std::atomic<int> batches{0};
    auto failing = [&](std::span<Commit::Entry* const>) {
        if (batches++ == 0) {
            first_running = true;
            open.wait();
            return;
        }
        throw std::runtime_error("disk full");
    };
    std::thread first([&] { commit.submit([](Batch&) {}, failing); });
    while (!first_running) {
        std::this_thread::yield();
    }
    std::atomic<int> failures{0};
    std::vector<std::thread> later;
    for (int i = 0; i < 4; ++i) {
        later.emplace_back([&] {
            try {
                commit.submit([](Batch&) {}, failing);
            } catch (const std::runtime_error& e) {
                EXPECT_STREQ(e.what(), "disk full");
                ++failures;
            }
        });
    }
    while (commit.waiting() < 4) {
        std::this_thread::yield();
    }
    gate.set_value();
    first.join();
    for (auto& t : later) {
        t.join();
    }
    EXPECT_EQ(failures, 4);
    EXPECT_EQ(batches, 2);
}

TEST(GroupCommitTest, ManyThreadsEachWorkRunsExactlyOnce) {
    Commit commit;
    RecordingExecutor executor;
    constexpr int threads = 8;
    constexpr int per_thread = 200;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            for (int k = 0; k < per_thread; ++k) {
                commit.submit([v = t * per_thread + k](Batch& b) { b.log.push_back(v); },
                              std::ref(executor));
            }
        });
    }
    for (auto& w : workers) {
        w.join();
    }
    auto committed = executor.committed;
    std::sort(committed.begin(), committed.end());
    ASSERT_EQ(committed.size(), static_cast<std::size_t>(threads * per_thread));
    for (int v = 0; v < threads * per_thread; ++v) {
        EXPECT_EQ(committed[static_cast<std::size_t>(v)], v);
    }
}

} // namespace
} // namespace callab::db
