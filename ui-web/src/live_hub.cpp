#include "live_hub.hpp"

#include <algorithm>
#include <cassert>

namespace callab::web {

std::optional<LiveMessage> LiveSubscription::next() {
    const std::scoped_lock lock(mutex_);
    if (queue_.empty()) {
        return std::nullopt;
    }
    LiveMessage message = std::move(queue_.front());
    queue_.pop_front();
    return message;
}

bool LiveSubscription::overflowed() const {
    const std::scoped_lock lock(mutex_);
    return overflowed_;
}

void LiveSubscription::push(LiveMessage message) {
    bool wake_now = false;
    {
        const std::scoped_lock lock(mutex_);
        if (overflowed_) {
            return;
        }
        if (queue_.size() >= limit_) {
            overflowed_ = true;
            queue_.clear();
            wake_now = true;
        } else {
            wake_now = queue_.empty();
            queue_.push_back(std::move(message));
        }
    }
    // wake_ changes only under the hub's lock, which the caller holds.
    if (wake_now && wake_) {
        wake_();
    }
}

LiveHub::LiveHub(std::size_t queue_limit) : queue_limit_(queue_limit) {
    assert(queue_limit >= 1);
}

std::shared_ptr<LiveSubscription> LiveHub::subscribe(lab::JobId job, std::string initial_state,
                                                     LiveSubscription::Wake wake) {
    auto subscription = std::make_shared<LiveSubscription>(job, queue_limit_, std::move(wake));
    const std::scoped_lock lock(mutex_);
    const auto state = states_.find(job);
    subscription->push(state != states_.end()
                           ? state->second
                           : std::make_shared<const std::string>(std::move(initial_state)));
    subscribers_[job].push_back(subscription);
    return subscription;
}

void LiveHub::unsubscribe(const LiveSubscription& subscription) {
    const std::scoped_lock lock(mutex_);
    const auto found = subscribers_.find(subscription.job());
    if (found == subscribers_.end()) {
        return;
    }
    std::erase_if(found->second, [&](const auto& s) { return s.get() == &subscription; });
    if (found->second.empty()) {
        subscribers_.erase(found);
    }
}

void LiveHub::publish(lab::JobId job, std::string message) {
    const auto shared = std::make_shared<const std::string>(std::move(message));
    const std::scoped_lock lock(mutex_);
    deliver(job, shared);
}

void LiveHub::publish_state(lab::JobId job, std::string message) {
    const auto shared = std::make_shared<const std::string>(std::move(message));
    const std::scoped_lock lock(mutex_);
    states_[job] = shared;
    deliver(job, shared);
}

void LiveHub::deliver(lab::JobId job, const LiveMessage& message) {
    const auto found = subscribers_.find(job);
    if (found == subscribers_.end()) {
        return;
    }
    auto& list = found->second;
    for (const auto& subscription : list) {
        subscription->push(message);
    }
    // A subscriber that fell behind has been told (woken with overflowed() set); it gets
    // nothing more.
    std::erase_if(list, [](const auto& s) { return s->overflowed(); });
    if (list.empty()) {
        subscribers_.erase(found);
    }
}

void LiveHub::close_all() {
    const std::scoped_lock lock(mutex_);
    for (auto& [job, list] : subscribers_) {
        for (const auto& subscription : list) {
            const std::scoped_lock queue(subscription->mutex_);
            subscription->wake_ = nullptr;
        }
    }
    subscribers_.clear();
}

std::size_t LiveHub::subscribers(lab::JobId job) const {
    const std::scoped_lock lock(mutex_);
    const auto found = subscribers_.find(job);
    return found == subscribers_.end() ? 0 : found->second.size();
}

} // namespace callab::web
