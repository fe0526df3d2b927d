#pragma once

#include <callab/lab/web_session.hpp>

#include <optional>
#include <string_view>

namespace callab::lab {

/// Sessions of the web server, kept in the records so that several server processes on one
/// database share them. Storage failures throw.
class SessionStore {
public:
    virtual ~SessionStore() = default;

    virtual void create_session(const WebSession& session) = 0;
    /// The session with this token digest, whether expired or not (the caller checks).
    virtual std::optional<WebSession> find_session(std::string_view token_digest) = 0;
    virtual void delete_session(std::string_view token_digest) = 0;
    /// Removes every session that expired before `now`; returns how many.
    virtual int delete_expired(std::chrono::system_clock::time_point now) = 0;
};

} // namespace callab::lab
