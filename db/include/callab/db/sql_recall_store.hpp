#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/recall_schedule.hpp>

namespace callab::db {

/// lab::RecallStore on the lab's SQL database; the due list is read in bulk by due day.
class SqlRecallStore final : public lab::RecallStore {
public:
    explicit SqlRecallStore(Database& database) : database_(database) {}

    lab::Outcome<std::vector<lab::RecallSchedule>>
    add_schedules(std::span<const lab::RecallSchedule> schedules, std::string_view actor) override;
    std::vector<lab::RecallSchedule> due_list(lab::Date today, int within_days) override;

private:
    Database& database_;
};

} // namespace callab::db
