// callab recall add|list|notify|notices|mail-log: recall schedules, the due list, the daily
// reminder notices and their e-mail.
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"
#include "smtp_notice_sender.hpp"

#include <callab/db/sql_notice_store.hpp>
#include <callab/db/sql_recall_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/recall_notifier.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

namespace callab::app {
namespace {

struct RecallOptions {
    std::string db;
    std::string date; ///< empty: today (UTC)
    int within_days = 30;
    std::string item = "instrument";
    long long item_id = 0;
    std::string kind = "calibration";
    std::string due;
    int interval_days = 365;
    int lead_days = 30;
    std::string responsible;
    std::filesystem::path config;
    mail::SmtpSettings smtp;
    std::string smtp_password_env;
    std::size_t limit = 50;
};

lab::Date day_option(const std::string& text, const char* option) {
    if (text.empty()) {
        return lab::date_of(std::chrono::system_clock::now());
    }
    const auto day = lab::parse_date(text);
    if (!day) {
        throw CommandFailure(exit_usage,
                             std::string(option) + ": '" + text + "' is not a date (YYYY-MM-DD)");
    }
    return *day;
}

void run_add(const RecallOptions& o) {
    auto database = open_database(o.db);
    lab::RecallSchedule schedule;
    schedule.item = *lab::parse_enum(o.item, lab::recall_item_names);
    schedule.item_id = o.item_id;
    schedule.kind = *lab::parse_enum(o.kind, lab::recall_kind_names);
    schedule.due_on = day_option(o.due, "--due");
    schedule.interval_days = o.interval_days;
    schedule.lead_days = o.lead_days;
    if (!o.responsible.empty()) {
        db::SqlUserStore users(*database);
        const auto user = users.find_user_by_name(o.responsible);
        if (!user) {
            throw CommandFailure(exit_runtime_failure,
                                 "--responsible: no user '" + o.responsible + "'");
        }
        schedule.responsible = user->id;
    }
    db::SqlRecallStore recalls(*database);
    const auto added = recalls.add_schedules({&schedule, 1}, "cli");
    if (!added) {
        throw CommandFailure(exit_usage, added.error().message);
    }
    std::cout << "recall schedule " << added->front().id.value() << "\n";
}

void run_list(const RecallOptions& o) {
    auto database = open_database(o.db);
    const auto today = day_option(o.date, "--date");
    for (const auto& s : db::SqlRecallStore(*database).due_list(today, o.within_days)) {
        std::cout << lab::format_date(s.due_on) << " "
                  << lab::enum_name(s.item, lab::recall_item_names) << " " << s.item_id << " "
                  << lab::enum_name(s.kind, lab::recall_kind_names) << " (schedule " << s.id.value()
                  << ")\n";
    }
}

std::optional<mail::SmtpSettings> smtp_settings(RecallOptions& o) {
    std::optional<mail::SmtpSettings> settings;
    if (!o.config.empty()) {
        settings = smtp_settings_from_file(o.config);
    }
    if (!o.smtp.host.empty()) {
        if (!lab::is_email_address(o.smtp.from)) {
            throw CommandFailure(exit_usage, "--smtp-from: an address like callab@lab.example "
                                             "is needed with --smtp-host");
        }
        settings = o.smtp;
    }
    if (settings && !o.smtp_password_env.empty()) {
        const char* password = std::getenv(o.smtp_password_env.c_str());
        if (password == nullptr) {
            throw CommandFailure(exit_usage,
                                 "--smtp-password-env: " + o.smtp_password_env + " is not set");
        }
        settings->password = password;
    }
    return settings;
}

void run_notify(RecallOptions& o) {
    const auto day = day_option(o.date, "--date");
    const auto settings = smtp_settings(o);
    auto database = open_database(o.db);
    db::SqlNoticeStore notices(*database);
    std::unique_ptr<SmtpNoticeSender> sender;
    if (settings) {
        sender = std::make_unique<SmtpNoticeSender>(*settings);
    }
    const auto report = lab::RecallNotifier(notices, sender.get()).run(day);
    std::cout << "recall notices of " << lab::format_date(day) << ": " << report.generated
              << " new, " << report.sent << " messages sent, " << report.failed << " not delivered"
              << (settings ? "" : " (no SMTP server configured)") << "\n";
    if (report.failed > 0) {
        throw CommandFailure(exit_runtime_failure,
                             std::to_string(report.failed) +
                                 " messages not delivered (see callab recall mail-log); their "
                                 "schedules are reminded again tomorrow");
    }
}

void run_notices(const RecallOptions& o) {
    auto database = open_database(o.db);
    const auto day = day_option(o.date, "--date");
    for (const auto& n : db::SqlNoticeStore(*database).notices_of(day)) {
        std::cout << "notice " << n.id.value() << " " << lab::format_date(n.notice_day) << " "
                  << lab::enum_name(n.schedule.item, lab::recall_item_names) << " "
                  << n.schedule.item_id << " "
                  << lab::enum_name(n.schedule.kind, lab::recall_kind_names) << " due "
                  << lab::format_date(n.schedule.due_on) << " (" << lab::days_left(n)
                  << " days) to " << (n.recipient.empty() ? "-" : n.recipient) << " "
                  << (n.mailed_at ? "mailed" : "not mailed") << "\n";
    }
}

void run_mail_log(const RecallOptions& o) {
    auto database = open_database(o.db);
    for (const auto& m : db::SqlNoticeStore(*database).mail_log(o.limit)) {
        const auto day = std::chrono::floor<std::chrono::days>(m.at);
        const std::chrono::hh_mm_ss time(std::chrono::floor<std::chrono::seconds>(m.at - day));
        char clock[16];
        std::snprintf(
            clock, sizeof clock, "T%02d:%02d:%02dZ", static_cast<int>(time.hours().count()),
            static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
        std::cout << lab::format_date(lab::Date{day}) << clock << " " << m.recipient << " "
                  << (m.sent ? "sent" : "refused") << " " << m.notices.size()
                  << " notices: " << m.reply << "\n";
    }
}

} // namespace

void add_recall_command(CLI::App& app) {
    auto* recall = app.add_subcommand("recall", "Recall schedules, due list, reminder notices");
    recall->require_subcommand(1);
    auto o = std::make_shared<RecallOptions>();

    auto* add = recall->add_subcommand("add", "Add a recall schedule to an item");
    add_database_option(*add, o->db);
    add->add_option("--item", o->item, "instrument|standard|equipment")
        ->check(CLI::IsMember({"instrument", "standard", "equipment"}))
        ->capture_default_str();
    add->add_option("--item-id", o->item_id, "Id of the item")->required();
    add->add_option("--kind", o->kind, "calibration|intermediate_check|maintenance")
        ->check(CLI::IsMember({"calibration", "intermediate_check", "maintenance"}))
        ->capture_default_str();
    add->add_option("--due", o->due, "Due day YYYY-MM-DD")->required();
    add->add_option("--interval-days", o->interval_days, "Days between recalls")
        ->capture_default_str();
    add->add_option("--lead-days", o->lead_days, "Days before the due day reminders start")
        ->capture_default_str();
    add->add_option("--responsible", o->responsible, "Username reminded by e-mail");
    add->callback([o] { run_add(*o); });

    auto* list = recall->add_subcommand("list", "Schedules due within N days (overdue included)");
    add_database_option(*list, o->db);
    list->add_option("--date", o->date, "Today, YYYY-MM-DD (default: today, UTC)");
    list->add_option("--within-days", o->within_days, "Window")->capture_default_str();
    list->callback([o] { run_list(*o); });

    auto* notify = recall->add_subcommand(
        "notify", "Generate the day's reminder notices and e-mail them when SMTP is configured");
    add_database_option(*notify, o->db);
    notify->add_option("--date", o->date, "The day, YYYY-MM-DD (default: today, UTC)");
    notify->add_option("--config", o->config, "TOML file with an [smtp] section")
        ->check(CLI::ExistingFile);
    notify->add_option("--smtp-host", o->smtp.host, "SMTP server (overrides --config)");
    notify->add_option("--smtp-port", o->smtp.port, "SMTP port")->capture_default_str();
    notify->add_option("--smtp-from", o->smtp.from, "Sender address");
    notify->add_option("--smtp-helo", o->smtp.helo_name, "Name given in EHLO")
        ->capture_default_str();
    notify->add_flag("--smtp-starttls", o->smtp.starttls, "Require STARTTLS");
    notify->add_option("--smtp-user", o->smtp.username, "AUTH PLAIN user (after STARTTLS)");
    notify->add_option("--smtp-password-env", o->smtp_password_env,
                       "Environment variable holding the SMTP password");
    notify->callback([o] { run_notify(*o); });

    auto* notices = recall->add_subcommand("notices", "The reminder notices of a day");
    add_database_option(*notices, o->db);
    notices->add_option("--date", o->date, "The day, YYYY-MM-DD (default: today, UTC)");
    notices->callback([o] { run_notices(*o); });

    auto* log =
        recall->add_subcommand("mail-log", "What was mailed to whom and when, newest first");
    add_database_option(*log, o->db);
    log->add_option("--limit", o->limit, "Entries")->capture_default_str();
    log->callback([o] { run_mail_log(*o); });
}

} // namespace callab::app
