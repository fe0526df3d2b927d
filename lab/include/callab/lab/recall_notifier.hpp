#pragma once

#include <callab/lab/notice_sender.hpp>
#include <callab/lab/recall_notice.hpp>

#include <chrono>
#include <functional>
#include <span>

namespace callab::lab {

/// What one daily run did.
struct NotifyReport {
    std::size_t generated = 0; ///< notices created (0 when the day's were already there)
    std::size_t sent = 0;      ///< messages accepted by the mail server
    std::size_t failed = 0;    ///< messages refused or not delivered (retried the next day)
};

/// The reminder mail for one recipient's notices of a day.
NoticeMail compose_notice_mail(const std::string& address, std::span<const RecallNotice> notices);

/// The daily recall run: generates the day's notices and, with a sender, mails each
/// recipient one message listing their notices of the day that have not been tried yet,
/// logging every message with the server's reply. A refused message leaves its notices
/// unmailed; the next day's notices of the same schedules are tried the next day.
class RecallNotifier {
public:
    using Clock = std::function<std::chrono::system_clock::time_point()>;
    RecallNotifier(NoticeStore& store, NoticeSender* sender, Clock clock = {});
    NotifyReport run(Date day);

private:
    NoticeStore& store_;
    NoticeSender* sender_;
    Clock clock_;
};

} // namespace callab::lab
