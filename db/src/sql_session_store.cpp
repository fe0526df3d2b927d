#include "sql_support.hpp"

#include <callab/db/sql_session_store.hpp>

namespace callab::db {
namespace {

long long to_us(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

} // namespace

void SqlSessionStore::create_session(const lab::WebSession& session) {
    with_session(database_, "cannot store session", [&](soci::session& sql) {
        const long long user = session.user.value();
        const long long expires = to_us(session.expires_at);
        sql << "INSERT INTO web_session (token_digest, user_id, csrf_token, expires_at_us) "
               "VALUES (:t, :u, :c, :e)",
            soci::use(session.token_digest), soci::use(user), soci::use(session.csrf_token),
            soci::use(expires);
    });
}

std::optional<lab::WebSession> SqlSessionStore::find_session(std::string_view token_digest) {
    return with_session(database_, "cannot read session",
                        [&](soci::session& sql) -> std::optional<lab::WebSession> {
                            const std::string digest(token_digest);
                            long long user = 0;
                            long long expires = 0;
                            std::string csrf;
                            sql << "SELECT user_id, csrf_token, expires_at_us FROM web_session "
                                   "WHERE token_digest = :t",
                                soci::use(digest), soci::into(user), soci::into(csrf),
                                soci::into(expires);
                            if (!sql.got_data()) {
                                return std::nullopt;
                            }
                            return lab::WebSession{digest, lab::UserId{user}, csrf,
                                                   std::chrono::system_clock::time_point(
                                                       std::chrono::microseconds(expires))};
                        });
}

void SqlSessionStore::delete_session(std::string_view token_digest) {
    with_session(database_, "cannot delete session", [&](soci::session& sql) {
        const std::string digest(token_digest);
        sql << "DELETE FROM web_session WHERE token_digest = :t", soci::use(digest);
    });
}

int SqlSessionStore::delete_expired(std::chrono::system_clock::time_point now) {
    return with_session(database_, "cannot delete expired sessions", [&](soci::session& sql) {
        const long long cutoff = to_us(now);
        soci::statement st =
            (sql.prepare << "DELETE FROM web_session WHERE expires_at_us < :n", soci::use(cutoff));
        st.execute(true);
        return static_cast<int>(st.get_affected_rows());
    });
}

} // namespace callab::db
