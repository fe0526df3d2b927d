#include "sql_support.hpp"

#include <callab/db/sql_notice_store.hpp>

#include <chrono>

namespace callab::db {
namespace {

lab::Date add_days(lab::Date day, int days) {
    return lab::Date{std::chrono::sys_days{day} + std::chrono::days{days}};
}

lab::RecallNotice notice_from(const soci::row& row) {
    lab::RecallNotice notice;
    notice.id = lab::RecallNoticeId{column_int64(row, "notice_id")};
    notice.notice_day = lab::parse_date(column_text(row, "notice_day")).value_or(lab::Date{});
    auto& s = notice.schedule;
    s.id = lab::RecallScheduleId{column_int64(row, "schedule_id")};
    s.item = lab::parse_enum(column_text(row, "item_kind"), lab::recall_item_names)
                 .value_or(lab::RecallItem::instrument);
    s.item_id = column_int64(row, "item_id");
    s.kind = lab::parse_enum(column_text(row, "kind"), lab::recall_kind_names)
                 .value_or(lab::RecallKind::calibration);
    s.due_on = lab::parse_date(column_text(row, "due_on")).value_or(lab::Date{});
    s.interval_days = static_cast<int>(column_int64(row, "interval_days"));
    s.lead_days = static_cast<int>(column_int64(row, "lead_days"));
    if (const auto responsible = column_optional_int64(row, "responsible_user_id")) {
        s.responsible = lab::UserId{*responsible};
    }
    notice.recipient = column_text(row, "username");
    notice.email = column_text(row, "email");
    if (const auto mailed = column_optional_int64(row, "mailed_at_us")) {
        notice.mailed_at = from_microseconds(*mailed);
    }
    return notice;
}

} // namespace

std::size_t SqlNoticeStore::generate_notices(lab::Date day) {
    return with_session(database_, "cannot generate recall notices", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        const std::string today = lab::format_date(day);
        int longest_lead = 0;
        soci::indicator any = soci::i_null;
        sql << "SELECT MAX(lead_days) FROM recall_schedule", soci::into(longest_lead, any);
        const std::string until =
            lab::format_date(add_days(day, any == soci::i_ok ? longest_lead : 0));
        soci::rowset<soci::row> candidates =
            (sql.prepare << "SELECT s.id, s.due_on, s.lead_days, s.responsible_user_id "
                            "FROM recall_schedule s WHERE s.due_on <= :until AND NOT EXISTS "
                            "(SELECT 1 FROM recall_notice n WHERE n.schedule_id = s.id AND "
                            "n.notice_day = :day) ORDER BY s.id",
             soci::use(until), soci::use(today));
        struct Due {
            long long schedule;
            OptionalKey recipient;
        };
        std::vector<Due> due;
        for (const auto& row : candidates) {
            const auto due_on = lab::parse_date(column_text(row, "due_on"));
            const int lead = static_cast<int>(column_int64(row, "lead_days"));
            if (!due_on || add_days(*due_on, -lead) > day) {
                continue;
            }
            OptionalKey recipient;
            if (const auto user = column_optional_int64(row, "responsible_user_id")) {
                recipient = {*user, soci::i_ok};
            }
            due.push_back({column_int64(row, "id"), recipient});
        }
        const long long created = to_microseconds(std::chrono::system_clock::now());
        long long schedule = 0;
        OptionalKey recipient;
        soci::statement insert =
            (sql.prepare << "INSERT INTO recall_notice (schedule_id, notice_day, recipient_id, "
                            "created_at_us) VALUES (:s, :d, :r, :c)",
             soci::use(schedule), soci::use(today), soci::use(recipient.value, recipient.indicator),
             soci::use(created));
        for (const auto& d : due) {
            schedule = d.schedule;
            recipient = d.recipient;
            insert.execute(true);
        }
        if (!due.empty()) {
            append_audit(sql, "system", "recall_notice", today, "generate", "",
                         audit_fields({{"day", today}, {"notices", std::to_string(due.size())}}));
        }
        tx.commit();
        return due.size();
    });
}

namespace {

std::vector<lab::RecallNotice> select_notices(soci::session& sql, lab::Date day,
                                              bool unclaimed_only) {
    const std::string today = lab::format_date(day);
    std::string query =
        "SELECT n.id AS notice_id, n.notice_day, s.id AS schedule_id, s.item_kind, "
        "s.item_id, s.kind, s.due_on, s.interval_days, s.lead_days, s.responsible_user_id, "
        "COALESCE(u.username, '') AS username, COALESCE(u.email, '') AS email, "
        "(SELECT MIN(m.attempted_at_us) FROM mail_log_notice mn JOIN mail_log m ON "
        "m.id = mn.mail_id WHERE mn.notice_id = n.id AND m.sent = 1) AS mailed_at_us "
        "FROM recall_notice n JOIN recall_schedule s ON s.id = n.schedule_id "
        "LEFT JOIN app_user u ON u.id = n.recipient_id WHERE n.notice_day = :day";
    if (unclaimed_only) {
        query += " AND u.email <> '' AND NOT EXISTS (SELECT 1 FROM mail_claim c "
                 "WHERE c.notice_id = n.id)";
    }
    query += " ORDER BY s.due_on, n.id";
    soci::rowset<soci::row> rows = (sql.prepare << query, soci::use(today));
    std::vector<lab::RecallNotice> notices;
    for (const auto& row : rows) {
        notices.push_back(notice_from(row));
    }
    return notices;
}

} // namespace

std::vector<lab::RecallNotice> SqlNoticeStore::notices_of(lab::Date day) {
    return with_session(database_, "cannot read recall notices",
                        [&](soci::session& sql) { return select_notices(sql, day, false); });
}

std::vector<lab::RecallNotice> SqlNoticeStore::claim_unmailed_notices(lab::Date day) {
    return with_session(database_, "cannot claim recall notices", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        auto notices = select_notices(sql, day, true);
        const long long now = to_microseconds(std::chrono::system_clock::now());
        long long notice = 0;
        soci::statement claim =
            (sql.prepare << "INSERT INTO mail_claim (notice_id, claimed_at_us) VALUES (:n, :c)",
             soci::use(notice), soci::use(now));
        for (const auto& n : notices) {
            notice = n.id.value();
            claim.execute(true);
        }
        tx.commit();
        return notices;
    });
}

void SqlNoticeStore::record_mail(const lab::MailAttempt& attempt) {
    with_session(database_, "cannot log mail", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        const long long at = to_microseconds(attempt.at);
        const int sent = attempt.sent ? 1 : 0;
        long long id = 0;
        sql << "INSERT INTO mail_log (recipient, attempted_at_us, sent, reply) "
               "VALUES (:r, :a, :s, :p) RETURNING id",
            soci::use(attempt.recipient), soci::use(at), soci::use(sent), soci::use(attempt.reply),
            soci::into(id);
        std::string notices;
        for (const auto notice : attempt.notices) {
            const long long key = notice.value();
            sql << "INSERT INTO mail_log_notice (mail_id, notice_id) VALUES (:m, :n)",
                soci::use(id), soci::use(key);
            notices += (notices.empty() ? "" : " ") + notice.to_string();
        }
        append_audit(sql, "system", "mail", std::to_string(id), attempt.sent ? "sent" : "refused",
                     "",
                     audit_fields({{"recipient", attempt.recipient},
                                   {"reply", attempt.reply},
                                   {"notices", notices}}));
        tx.commit();
    });
}

std::vector<lab::MailAttempt> SqlNoticeStore::mail_log(std::size_t limit) {
    return with_session(database_, "cannot read the mail log", [&](soci::session& sql) {
        const long long most = static_cast<long long>(limit);
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT id, recipient, attempted_at_us, sent, reply FROM mail_log "
                            "ORDER BY id DESC LIMIT :n",
             soci::use(most));
        std::vector<std::pair<long long, lab::MailAttempt>> log;
        for (const auto& row : rows) {
            log.emplace_back(
                column_int64(row, "id"),
                lab::MailAttempt{column_text(row, "recipient"),
                                 from_microseconds(column_int64(row, "attempted_at_us")),
                                 column_int64(row, "sent") == 1,
                                 column_text(row, "reply"),
                                 {}});
        }
        std::vector<lab::MailAttempt> out;
        for (auto& [id, attempt] : log) {
            soci::rowset<soci::row> notices =
                (sql.prepare << "SELECT notice_id FROM mail_log_notice WHERE mail_id = :m "
                                "ORDER BY notice_id",
                 soci::use(id));
            for (const auto& row : notices) {
                attempt.notices.push_back(lab::RecallNoticeId{column_int64(row, "notice_id")});
            }
            out.push_back(std::move(attempt));
        }
        return out;
    });
}

} // namespace callab::db
