#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/session_store.hpp>

namespace callab::db {

/// lab::SessionStore on the lab's SQL database (table web_session, migration 6). Throws
/// DatabaseError when the database fails.
class SqlSessionStore final : public lab::SessionStore {
public:
    explicit SqlSessionStore(Database& database) : database_(database) {}

    void create_session(const lab::WebSession& session) override;
    std::optional<lab::WebSession> find_session(std::string_view token_digest) override;
    void delete_session(std::string_view token_digest) override;
    int delete_expired(std::chrono::system_clock::time_point now) override;

private:
    Database& database_;
};

} // namespace callab::db
