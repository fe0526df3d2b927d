#pragma once
// Group commit: concurrent callers hand their work to a queue; one of them (the leader)
// runs everything pending in a single batch (one transaction, one fsync), and every caller
// returns only after the batch holding its work has finished. Pure synchronisation, no SQL:
// the executor a caller passes does the storage part.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <utility>
#include <vector>

namespace callab::db {

template <typename Context> class GroupCommit {
public:
    /// One caller's part of a batch. The executor runs `work` and sets `error` when that
    /// work alone failed (the rest of the batch going on).
    struct Entry {
        std::function<void(Context&)> work;
        std::exception_ptr error;
        bool done = false;
    };
    /// Runs a batch: opens the transaction, runs each entry's work, commits. Throwing fails
    /// every entry of the batch with that exception.
    using Executor = std::function<void(std::span<Entry* const> batch)>;

    explicit GroupCommit(std::size_t max_batch = 512) : max_batch_(max_batch) {}

    /// Queues `work`, takes the leader's part when no batch is running, and returns once the
    /// batch holding `work` has finished; rethrows the failure of that work or its batch.
    void submit(std::function<void(Context&)> work, const Executor& executor) {
        Entry entry{std::move(work), nullptr, false};
        std::unique_lock lock(mutex_);
        pending_.push_back(&entry);
        while (!entry.done) {
            if (leader_active_) {
                changed_.wait(lock);
                continue;
            }
            lead(lock, executor);
        }
        if (entry.error) {
            std::rethrow_exception(entry.error);
        }
    }

    /// How many callers wait for a batch to take their work (for tests).
    std::size_t waiting() {
        std::lock_guard lock(mutex_);
        return pending_.size();
    }

    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;

private:
    void lead(std::unique_lock<std::mutex>& lock, const Executor& executor) {
        leader_active_ = true;
        std::vector<Entry*> batch;
        while (!pending_.empty() && batch.size() < max_batch_) {
            batch.push_back(pending_.front());
            pending_.pop_front();
        }
        lock.unlock();
        try {
            executor(batch);
        } catch (...) {
            const auto failure = std::current_exception();
            for (Entry* entry : batch) {
                entry->error = failure;
            }
        }
        lock.lock();
        for (Entry* entry : batch) {
            entry->done = true;
        }
        leader_active_ = false;
        changed_.notify_all();
    }

    std::size_t max_batch_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Entry*> pending_;
    bool leader_active_ = false;
};

} // namespace callab::db
