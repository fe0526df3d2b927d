// callab activity add|list: visits, trainings and consultations with enterprises.
#include "command_failure.hpp"
#include "database_option.hpp"
#include "service_commands.hpp"

#include <callab/db/sql_service_activity_store.hpp>
#include <callab/db/sql_user_store.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace callab::app {
namespace {

struct ActivityOptions {
    std::string db;
    std::string as;
    std::string kind;
    std::string date;
    std::string from;
    std::string to;
    std::string region;
    std::string topic;
    std::vector<long long> enterprises;
    int attendee_count = -1; ///< -1: as many as named
    std::vector<std::string> attendees;
    int problems_solved = -1; ///< -1: as many as described
    std::vector<std::string> problems;
    int page = 1;
    int per_page = 50;
};

lab::Date date_option(const std::string& name, const std::string& text) {
    const auto date = lab::parse_date(text);
    if (!date) {
        throw CommandFailure(exit_usage, name + ": '" + text + "' is not a YYYY-MM-DD date");
    }
    return *date;
}

std::optional<lab::ActivityKind> kind_option(const std::string& text) {
    if (text.empty()) {
        return std::nullopt;
    }
    const auto kind = lab::parse_enum(text, lab::activity_kind_names);
    if (!kind) {
        throw CommandFailure(exit_usage,
                             "--kind: '" + text + "' is not one of visit, training, consultation");
    }
    return kind;
}

void print(const lab::ServiceActivity& a) {
    std::cout << "activity " << a.id.value() << " "
              << lab::enum_name(a.data.kind, lab::activity_kind_names) << " "
              << lab::format_date(a.data.held_on) << " " << a.data.region << ": " << a.data.topic
              << "\n  enterprises:";
    for (const auto id : a.data.enterprises) {
        std::cout << " " << id.value();
    }
    std::cout << "\n  attendees: " << a.data.attendee_count;
    for (std::size_t i = 0; i < a.data.attendees.size(); ++i) {
        std::cout << (i == 0 ? " (" : ", ") << a.data.attendees[i];
    }
    std::cout << (a.data.attendees.empty() ? "" : ")")
              << "\n  problems solved: " << a.data.problems_solved << "\n";
    for (const auto& problem : a.data.problem_descriptions) {
        std::cout << "  - " << problem << "\n";
    }
}

void run_add(const ActivityOptions& options) {
    lab::NewServiceActivity activity;
    activity.kind = kind_option(options.kind).value_or(lab::ActivityKind::visit);
    activity.held_on = date_option("--date", options.date);
    activity.region = options.region;
    activity.topic = options.topic;
    for (const auto id : options.enterprises) {
        activity.enterprises.emplace_back(id);
    }
    activity.attendees = options.attendees;
    activity.attendee_count = options.attendee_count < 0
                                  ? static_cast<int>(options.attendees.size())
                                  : options.attendee_count;
    activity.problem_descriptions = options.problems;
    activity.problems_solved = options.problems_solved < 0
                                   ? static_cast<int>(options.problems.size())
                                   : options.problems_solved;
    auto database = open_database(options.db);
    db::SqlUserStore users(*database);
    const auto user = users.find_user_by_name(options.as);
    if (!user) {
        throw CommandFailure(exit_usage, "--as: no user '" + options.as + "'");
    }
    if (user->data.role == lab::Role::enterprise_user) {
        throw CommandFailure(exit_runtime_failure, "only lab staff record service activities");
    }
    db::SqlServiceActivityStore store(*database);
    const auto added = store.add_activity(activity, user->data.username);
    if (!added) {
        throw CommandFailure(added.error().code == lab::errc::invalid_field ? exit_usage
                                                                            : exit_runtime_failure,
                             added.error().message);
    }
    print(*added);
}

void run_list(const ActivityOptions& options) {
    lab::ServiceActivityFilter filter;
    if (!options.from.empty()) {
        filter.from = date_option("--from", options.from);
    }
    if (!options.to.empty()) {
        filter.to = date_option("--to", options.to);
    }
    filter.kind = kind_option(options.kind);
    if (options.enterprises.size() == 1) {
        filter.enterprise = lab::EnterpriseId{options.enterprises.front()};
    }
    filter.page = options.page;
    filter.per_page = options.per_page;
    auto database = open_database(options.db);
    db::SqlServiceActivityStore store(*database);
    const auto page = store.list_activities(filter);
    for (const auto& activity : page.items) {
        print(activity);
    }
    std::cout << page.items.size() << " of " << page.total << " activities\n";
}

} // namespace

void add_activity_command(CLI::App& app) {
    auto* activity = app.add_subcommand("activity", "Visits, trainings and consultations");
    activity->require_subcommand(1);
    auto options = std::make_shared<ActivityOptions>();

    auto* add = activity->add_subcommand("add", "Record a visit, training or consultation");
    add_database_option(*add, options->db);
    add->add_option("--as", options->as, "Username of the staff member recording it")->required();
    add->add_option("--kind", options->kind, "visit|training|consultation")->required();
    add->add_option("--date", options->date, "Day held, YYYY-MM-DD")->required();
    add->add_option("--region", options->region, "Where, e.g. Henan/Zhengzhou")->required();
    add->add_option("--topic", options->topic, "Topic")->required();
    add->add_option("--enterprise", options->enterprises, "Enterprise id; repeat")->required();
    add->add_option("--attendees", options->attendee_count,
                    "Number of attendees (default: the names given)");
    add->add_option("--attendee", options->attendees, "Attendee's name; repeat");
    add->add_option("--problems", options->problems_solved,
                    "Number of problems solved (default: the descriptions given)");
    add->add_option("--problem", options->problems, "A problem solved; repeat");
    add->callback([options] { run_add(*options); });

    auto* list = activity->add_subcommand("list", "Activities, latest first");
    add_database_option(*list, options->db);
    list->add_option("--from", options->from, "First day, YYYY-MM-DD");
    list->add_option("--to", options->to, "Last day, YYYY-MM-DD");
    list->add_option("--kind", options->kind, "visit|training|consultation");
    list->add_option("--enterprise", options->enterprises, "Enterprise id")->expected(1);
    list->add_option("--page", options->page, "Page, from 1")->check(CLI::PositiveNumber);
    list->add_option("--per-page", options->per_page, "1..500")->check(CLI::Range(1, 500));
    list->callback([options] { run_list(*options); });
}

} // namespace callab::app
