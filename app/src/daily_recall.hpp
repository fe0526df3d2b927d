#pragma once
// callab serve's recall timer: the day's reminder notices (and their e-mail when an SMTP
// server is configured) at start and then every day just after midnight UTC.

#include <callab/db/database.hpp>
#include <callab/mail/smtp_client.hpp>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace callab::app {

class DailyRecall {
public:
    /// Starts the timer thread; the first run happens at once.
    DailyRecall(db::Database& database, std::optional<mail::SmtpSettings> smtp);
    /// Stops the timer (waiting for a run in progress).
    ~DailyRecall();
    DailyRecall(const DailyRecall&) = delete;
    DailyRecall& operator=(const DailyRecall&) = delete;

private:
    void run_once();
    void loop(const std::stop_token& stop);

    db::Database& database_;
    std::optional<mail::SmtpSettings> smtp_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::jthread thread_;
};

} // namespace callab::app
