#include "login_limiter.hpp"

#include <algorithm>
#include <iterator>

namespace callab::web {

void LoginLimiter::expire(std::deque<Clock::time_point>& failures, Clock::time_point now) const {
    while (!failures.empty() && now - failures.front() >= window_) {
        failures.pop_front();
    }
}

std::chrono::seconds LoginLimiter::wait_for(const std::string& key, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    const auto it = failures_.find(key);
    if (it == failures_.end()) {
        return std::chrono::seconds{0};
    }
    expire(it->second, now);
    if (static_cast<int>(it->second.size()) < limit_) {
        return std::chrono::seconds{0};
    }
    const auto left = window_ - (now - it->second.front());
    return std::chrono::ceil<std::chrono::seconds>(left);
}

void LoginLimiter::record_failure(const std::string& key, Clock::time_point now) {
    const std::lock_guard lock(mutex_);
    auto& failures = failures_[key];
    expire(failures, now);
    failures.push_back(now);
    if (failures_.size() < sweep_at_) {
        return;
    }
    for (auto it = failures_.begin(); it != failures_.end();) {
        expire(it->second, now);
        it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
    sweep_at_ = std::max<std::size_t>(1024, 2 * failures_.size());
}

std::size_t LoginLimiter::keys() const {
    const std::lock_guard lock(mutex_);
    return failures_.size();
}

void LoginLimiter::reset(const std::string& key) {
    const std::lock_guard lock(mutex_);
    failures_.erase(key);
}

} // namespace callab::web
