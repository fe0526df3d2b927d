#pragma once

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/recall_schedule.hpp>
#include <callab/lab/strong_id.hpp>

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace callab::lab {

/// A reminder of one recall schedule on one day: generated each day from the first day of
/// the schedule's lead time until it is dealt with (overdue schedules keep their notices).
struct RecallNotice {
    RecallNoticeId id;
    RecallSchedule schedule; ///< as it was when the notice was read
    Date notice_day;
    std::string recipient; ///< username of the schedule's responsible user; empty: nobody
    std::string email;     ///< that user's address; empty: the notice is not mailed
    std::optional<std::chrono::system_clock::time_point> mailed_at{}; ///< when sent, if sent
};

/// Days from the notice day to the due day (negative when overdue).
int days_left(const RecallNotice& notice);

/// One message to one recipient: what the mail log keeps of it.
struct MailAttempt {
    std::string recipient; ///< the address
    std::chrono::system_clock::time_point at;
    bool sent = false;
    std::string reply; ///< the mail server's last reply (the refusal when not sent)
    std::vector<RecallNoticeId> notices{};
};

/// Recall notices and the log of the mail sent for them.
class NoticeStore {
public:
    virtual ~NoticeStore() = default;
    /// Creates the notices of `day`: one per schedule whose lead time has started by then
    /// (due_on − lead_days ≤ day, overdue ones included) and that has none for `day` yet.
    /// Idempotent; returns how many notices it created.
    virtual std::size_t generate_notices(Date day) = 0;
    /// The notices of `day`, by due day.
    virtual std::vector<RecallNotice> notices_of(Date day) = 0;
    /// Claims the notices of `day` that have an address and were not claimed before, and
    /// returns them: of several processes running the day's mail at once, each notice goes
    /// to one, and a notice is tried once.
    virtual std::vector<RecallNotice> claim_unmailed_notices(Date day) = 0;
    /// Logs one message sent (or refused) for `attempt.notices`.
    virtual void record_mail(const MailAttempt& attempt) = 0;
    /// The mail log, newest first, at most `limit` entries.
    virtual std::vector<MailAttempt> mail_log(std::size_t limit) = 0;
};

} // namespace callab::lab
