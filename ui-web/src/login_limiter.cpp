#include "login_limiter.hpp"

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
}

void LoginLimiter::reset(const std::string& key) {
    const std::lock_guard lock(mutex_);
    failures_.erase(key);
}

} // namespace callab::web
