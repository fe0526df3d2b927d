// Recall notices on both backends: generated once per schedule and day from the start of
// the lead time, mailed once per recipient and day through a NoticeSender, every message
// logged with the server's reply; a refused message leaves its notices unmailed.
#include "records_fixture.hpp"

#include <callab/db/sql_notice_store.hpp>
#include <callab/db/sql_recall_store.hpp>
#include <callab/lab/audit_entry.hpp>
#include <callab/lab/recall_notifier.hpp>

#include <algorithm>

namespace callab::test_support {
namespace {

/// Accepts every message except those to `refused`, and keeps what it was given.
class RecordingSender final : public lab::NoticeSender {
public:
    std::string refused;
    std::vector<lab::NoticeMail> mails;
    lab::Outcome<std::string> send(const lab::NoticeMail& mail) override {
        mails.push_back(mail);
        if (mail.to == refused) {
            return lab::reject(lab::errc::delivery_failed,
                               "550 5.1.1 <" + mail.to + ">: recipient unknown");
        }
        return std::string("250 OK");
    }
};

class SqlNoticeStoreTest : public RecordsTest {
protected:
    db::SqlRecallStore recalls_{*database_};
    db::SqlNoticeStore notices_{*database_};
    lab::User li_ = add_mailed_user("li.wei", "li.wei@lab.example");
    lab::User wang_ = add_mailed_user("wang.fang", "wang.fang@lab.example");

    lab::User add_mailed_user(const std::string& name, const std::string& email) {
        lab::NewUser user{name, lab::Role::manager, std::nullopt, name};
        user.email = email;
        return users_.add_user(user, "hash", "admin").value();
    }

    void add_schedules() {
        using enum lab::RecallKind;
        const std::vector<lab::RecallSchedule> schedules{
            // lead time starts 2026-03-10: not yet on 2026-03-01
            {{}, lab::RecallItem::instrument, 1, calibration, day(2026, 4, 9), 365, 30, li_.id},
            // lead time started 2026-02-25
            {{},
             lab::RecallItem::standard,
             2,
             intermediate_check,
             day(2026, 3, 11),
             90,
             14,
             li_.id},
            // overdue
            {{}, lab::RecallItem::equipment, 3, maintenance, day(2026, 2, 1), 180, 7, wang_.id},
            // nobody responsible: listed, not mailed
            {{}, lab::RecallItem::instrument, 4, calibration, day(2026, 3, 2), 365, 30}};
        ASSERT_TRUE(recalls_.add_schedules(schedules, "manager"));
    }
};

TEST_P(SqlNoticeStoreTest, GeneratesEachDaysNoticesOnce) {
    add_schedules();
    EXPECT_EQ(notices_.generate_notices(day(2026, 3, 1)), 3U);
    EXPECT_EQ(notices_.generate_notices(day(2026, 3, 1)), 0U);
    const auto notices = notices_.notices_of(day(2026, 3, 1));
    ASSERT_EQ(notices.size(), 3U);
    EXPECT_EQ(notices[0].schedule.item_id, 3); // by due day
    EXPECT_EQ(lab::days_left(notices[0]), -28);
    EXPECT_EQ(notices[0].recipient, "wang.fang");
    EXPECT_EQ(notices[0].email, "wang.fang@lab.example");
    EXPECT_EQ(notices[1].schedule.item_id, 4);
    EXPECT_EQ(notices[1].recipient, "");
    EXPECT_EQ(notices[2].schedule.kind, lab::RecallKind::intermediate_check);
    EXPECT_EQ(lab::days_left(notices[2]), 10);
    EXPECT_EQ(notices_.generate_notices(day(2026, 3, 10)), 4U); // the next day's, and item 1
    EXPECT_EQ(notices_.notices_of(day(2026, 3, 1)).size(), 3U);
}

TEST_P(SqlNoticeStoreTest, MailsEachRecipientOnceADayAndLogsWhatWasSent) {
    add_schedules();
    RecordingSender sender;
    const auto at = std::chrono::sys_days{day(2026, 3, 1)} + std::chrono::hours{6};
    lab::RecallNotifier notifier(notices_, &sender, [at] { return at; });
    const auto first = notifier.run(day(2026, 3, 1));
    EXPECT_EQ(first.generated, 3U);
    EXPECT_EQ(first.sent, 2U);
    EXPECT_EQ(first.failed, 0U);
    ASSERT_EQ(sender.mails.size(), 2U);
    EXPECT_EQ(sender.mails[0].to, "li.wei@lab.example");
    EXPECT_NE(sender.mails[0].body.find("standard 2: intermediate check due in 10 days"),
              std::string::npos);
    EXPECT_NE(sender.mails[1].body.find("equipment 3: maintenance overdue by 28 days"),
              std::string::npos);

    const auto again = notifier.run(day(2026, 3, 1));
    EXPECT_EQ(again.generated + again.sent + again.failed, 0U);
    EXPECT_EQ(sender.mails.size(), 2U);

    const auto log = notices_.mail_log(10);
    ASSERT_EQ(log.size(), 2U);
    EXPECT_TRUE(log[0].sent);
    EXPECT_EQ(log[0].reply, "250 OK");
    EXPECT_EQ(log[0].at, at);
    EXPECT_EQ(log[0].notices.size(), 1U);
    for (const auto& notice : notices_.notices_of(day(2026, 3, 1))) {
        EXPECT_EQ(notice.mailed_at.has_value(), !notice.email.empty());
    }
}

TEST_P(SqlNoticeStoreTest, ARefusedRecipientIsLoggedNotMarkedSentAndTriedTheNextDay) {
    add_schedules();
    RecordingSender sender;
    sender.refused = "wang.fang@lab.example";
    lab::RecallNotifier notifier(notices_, &sender);
    const auto first = notifier.run(day(2026, 3, 1));
    EXPECT_EQ(first.sent, 1U);
    EXPECT_EQ(first.failed, 1U);
    const auto log = notices_.mail_log(10);
    const auto refused =
        std::find_if(log.begin(), log.end(), [](const auto& a) { return !a.sent; });
    ASSERT_NE(refused, log.end());
    EXPECT_EQ(refused->recipient, "wang.fang@lab.example");
    EXPECT_EQ(refused->reply, "550 5.1.1 <wang.fang@lab.example>: recipient unknown");
    for (const auto& notice : notices_.notices_of(day(2026, 3, 1))) {
        if (notice.recipient == "wang.fang") {
            EXPECT_FALSE(notice.mailed_at);
        }
    }
    EXPECT_EQ(notifier.run(day(2026, 3, 1)).failed, 0U); // not again the same day

    sender.refused.clear();
    const auto next = notifier.run(day(2026, 3, 2));
    EXPECT_EQ(next.sent, 2U);
    EXPECT_EQ(sender.mails.back().to, "wang.fang@lab.example");
    EXPECT_FALSE(lab::verify_audit_chain(audit_.entries()));
}

TEST_P(SqlNoticeStoreTest, WithoutASenderNoticesAreOnlyListed) {
    add_schedules();
    lab::RecallNotifier notifier(notices_, nullptr);
    EXPECT_EQ(notifier.run(day(2026, 3, 1)).generated, 3U);
    EXPECT_TRUE(notices_.mail_log(10).empty());
    EXPECT_EQ(notices_.claim_unmailed_notices(day(2026, 3, 1)).size(), 2U);
    EXPECT_TRUE(notices_.claim_unmailed_notices(day(2026, 3, 1)).empty()); // claimed once
}

TEST_P(SqlNoticeStoreTest, UsersKeepTheirAddress) {
    EXPECT_EQ(users_.find_user(li_.id)->data.email, "li.wei@lab.example");
    ASSERT_TRUE(users_.set_email(li_.id, "wei.li@lab.example", "admin"));
    EXPECT_EQ(users_.find_user(li_.id)->data.email, "wei.li@lab.example");
    const auto bad = users_.set_email(li_.id, "li wei@lab", "admin");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("email"), std::string::npos);
    EXPECT_FALSE(users_.set_email(lab::UserId{999}, "x@y.z", "admin"));
}

CALLAB_STORE_TEST_SUITE(SqlNoticeStoreTest);

} // namespace
} // namespace callab::test_support
