#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/recall_notice.hpp>

namespace callab::db {

/// lab::NoticeStore on the lab's SQL database: one notice per schedule and day (a unique
/// key), generated in one serialised transaction, and the mail log with the notices each
/// message carried. Throws DatabaseError when the database fails.
class SqlNoticeStore final : public lab::NoticeStore {
public:
    explicit SqlNoticeStore(Database& database) : database_(database) {}

    std::size_t generate_notices(lab::Date day) override;
    std::vector<lab::RecallNotice> notices_of(lab::Date day) override;
    std::vector<lab::RecallNotice> claim_unmailed_notices(lab::Date day) override;
    void record_mail(const lab::MailAttempt& attempt) override;
    std::vector<lab::MailAttempt> mail_log(std::size_t limit) override;

private:
    Database& database_;
};

} // namespace callab::db
