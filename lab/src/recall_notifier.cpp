#include <callab/lab/recall_notifier.hpp>

#include <map>
#include <vector>

namespace callab::lab {

int days_left(const RecallNotice& notice) {
    return static_cast<int>(
        (std::chrono::sys_days{notice.schedule.due_on} - std::chrono::sys_days{notice.notice_day})
            .count());
}

namespace {

std::string kind_words(RecallKind kind) {
    switch (kind) {
    case RecallKind::calibration:
        return "calibration";
    case RecallKind::intermediate_check:
        return "intermediate check";
    case RecallKind::maintenance:
        return "maintenance";
    }
    return "recall";
}

std::string due_words(const RecallNotice& notice) {
    const int left = days_left(notice);
    if (left > 0) {
        return "due in " + std::to_string(left) + (left == 1 ? " day" : " days");
    }
    if (left == 0) {
        return "due today";
    }
    return "overdue by " + std::to_string(-left) + (left == -1 ? " day" : " days");
}

} // namespace

NoticeMail compose_notice_mail(const std::string& address, std::span<const RecallNotice> notices) {
    NoticeMail mail;
    mail.to = address;
    const std::string day = notices.empty() ? "" : format_date(notices.front().notice_day);
    mail.subject = "Recall reminder " + day + ": " + std::to_string(notices.size()) +
                   (notices.size() == 1 ? " item due" : " items due") + " · 到期提醒";
    mail.body = "The following items are due for recall (notices of " + day + "):\n\n";
    for (const auto& notice : notices) {
        const auto& s = notice.schedule;
        mail.body += "- " + std::string(enum_name(s.item, recall_item_names)) + " " +
                     std::to_string(s.item_id) + ": " + kind_words(s.kind) + " " +
                     due_words(notice) + " (" + format_date(s.due_on) + ", schedule " +
                     s.id.to_string() + ")\n";
    }
    mail.body += "\nThis reminder is sent once a day while the items are due.\n";
    return mail;
}

RecallNotifier::RecallNotifier(NoticeStore& store, NoticeSender* sender, Clock clock)
    : store_(store), sender_(sender), clock_(std::move(clock)) {
    if (!clock_) {
        clock_ = [] { return std::chrono::system_clock::now(); };
    }
}

NotifyReport RecallNotifier::run(Date day) {
    NotifyReport report;
    report.generated = store_.generate_notices(day);
    if (sender_ == nullptr) {
        return report;
    }
    std::map<std::string, std::vector<RecallNotice>> by_address;
    for (auto& notice : store_.claim_unmailed_notices(day)) {
        by_address[notice.email].push_back(std::move(notice));
    }
    for (const auto& [address, notices] : by_address) {
        const auto outcome = sender_->send(compose_notice_mail(address, notices));
        MailAttempt attempt{address,
                            clock_(),
                            outcome.has_value(),
                            outcome ? *outcome : outcome.error().message,
                            {}};
        for (const auto& notice : notices) {
            attempt.notices.push_back(notice.id);
        }
        store_.record_mail(attempt);
        ++(attempt.sent ? report.sent : report.failed);
    }
    return report;
}

} // namespace callab::lab
