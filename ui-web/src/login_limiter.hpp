#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace callab::web {

/// Counts failed logins per key (a username or a client address) in a sliding window;
/// a key with `limit` failures in the window is refused until the oldest leaves it.
/// Thread-safe. Kept in the process: each server process limits on its own.
class LoginLimiter {
public:
    using Clock = std::chrono::steady_clock;

    LoginLimiter(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

    /// 0 when `key` may try now, else the seconds until it may.
    std::chrono::seconds wait_for(const std::string& key, Clock::time_point now);
    void record_failure(const std::string& key, Clock::time_point now);
    void reset(const std::string& key);
    /// The keys it holds. Keys whose failures have all left the window are dropped once the
    /// map has doubled since the last sweep (and has at least 1024 keys), so failed logins
    /// under ever new usernames cannot make it grow without end.
    std::size_t keys() const;

private:
    void expire(std::deque<Clock::time_point>& failures, Clock::time_point now) const;

    int limit_;
    std::chrono::seconds window_;
    mutable std::mutex mutex_;
    std::size_t sweep_at_ = 1024;
    std::map<std::string, std::deque<Clock::time_point>> failures_;
};

} // namespace callab::web
