#pragma once

#include <callab/lab/strong_id.hpp>

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace callab::web {

/// A message as the hub hands it out: one copy shared by every subscriber of its job.
using LiveMessage = std::shared_ptr<const std::string>;

/// One client's place in the hub: the messages of its job waiting to be sent, oldest first.
/// Filled by the hub on the publishing thread, drained by the client's own thread.
class LiveSubscription {
public:
    /// Called (from the publishing thread, under the hub's lock) when the queue turns from
    /// empty to non-empty and when it overflows. It must only schedule work, never send.
    using Wake = std::function<void()>;

    LiveSubscription(lab::JobId job, std::size_t limit, Wake wake)
        : job_(job), limit_(limit), wake_(std::move(wake)) {}

    lab::JobId job() const { return job_; }

    /// The oldest waiting message, or nothing.
    std::optional<LiveMessage> next();
    /// Whether the queue overflowed: the client fell behind and was dropped by the hub.
    bool overflowed() const;

private:
    friend class LiveHub;
    void push(LiveMessage message); ///< under the hub's lock

    lab::JobId job_;
    std::size_t limit_;
    Wake wake_;
    mutable std::mutex mutex_;
    std::deque<LiveMessage> queue_;
    bool overflowed_ = false;
};

/// Publish/subscribe of the live run events, per job. Publishing never waits for a client:
/// each subscriber has a bounded queue, and a subscriber whose queue is full when a message
/// arrives is dropped (its queue emptied, overflowed() set, woken once more) so that it can
/// close its connection. The latest `state` message of each job is kept, so that a new
/// subscriber starts with the job's current state.
class LiveHub {
public:
    /// `queue_limit` ≥ 1: the messages one subscriber may have waiting.
    explicit LiveHub(std::size_t queue_limit);

    /// Subscribes to `job`. The first message queued is the job's latest published state,
    /// or `initial_state` when none was published in this process.
    std::shared_ptr<LiveSubscription> subscribe(lab::JobId job, std::string initial_state,
                                                LiveSubscription::Wake wake);
    /// Ends a subscription; no message reaches it afterwards. Safe to call twice.
    void unsubscribe(const LiveSubscription& subscription);

    /// Queues `message` for every subscriber of `job`.
    void publish(lab::JobId job, std::string message);
    /// Like publish(), and keeps the message as the job's current state.
    void publish_state(lab::JobId job, std::string message);

    /// Forgets every subscriber's wake function (at shutdown, before the clients' executors go).
    void close_all();

    std::size_t subscribers(lab::JobId job) const;
    std::size_t queue_limit() const { return queue_limit_; }

private:
    void deliver(lab::JobId job, const LiveMessage& message); ///< under mutex_

    std::size_t queue_limit_;
    mutable std::mutex mutex_;
    std::map<lab::JobId, std::vector<std::shared_ptr<LiveSubscription>>> subscribers_;
    std::map<lab::JobId, LiveMessage> states_;
};

} // namespace callab::web
