#include "daily_recall.hpp"

#include "smtp_notice_sender.hpp"

#include <callab/db/sql_notice_store.hpp>
#include <callab/lab/recall_notifier.hpp>

#include <spdlog/spdlog.h>

namespace callab::app {

DailyRecall::DailyRecall(db::Database& database, std::optional<mail::SmtpSettings> smtp)
    : database_(database), smtp_(std::move(smtp)),
      thread_([this](const std::stop_token& stop) { loop(stop); }) {}

DailyRecall::~DailyRecall() {
    thread_.request_stop();
    thread_.join();
}

void DailyRecall::run_once() {
    const auto day = lab::date_of(std::chrono::system_clock::now());
    try {
        db::SqlNoticeStore notices(database_);
        std::optional<SmtpNoticeSender> sender;
        if (smtp_) {
            sender.emplace(*smtp_);
        }
        const auto report = lab::RecallNotifier(notices, sender ? &*sender : nullptr).run(day);
        spdlog::info("recall notices of {}: {} new, {} messages sent, {} not delivered",
                     lab::format_date(day), report.generated, report.sent, report.failed);
    } catch (const std::exception& e) {
        // The next day's run tries again; the server keeps serving.
        spdlog::error("recall notices of {}: {}", lab::format_date(day), e.what());
    }
}

void DailyRecall::loop(const std::stop_token& stop) {
    while (!stop.stop_requested()) {
        run_once();
        const auto now = std::chrono::system_clock::now();
        const auto next = std::chrono::floor<std::chrono::days>(now) + std::chrono::days{1} +
                          std::chrono::seconds{5};
        std::unique_lock lock(mutex_);
        wake_.wait_until(lock, stop, next, [] { return false; });
    }
}

} // namespace callab::app
