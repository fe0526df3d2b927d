#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/service_activity_store.hpp>

namespace callab::db {

/// lab::ServiceActivityStore on the lab's SQL database: the activity, its enterprises and
/// the attendees and problems it names, in the order given.
class SqlServiceActivityStore final : public lab::ServiceActivityStore {
public:
    explicit SqlServiceActivityStore(Database& database) : database_(database) {}

    lab::Outcome<lab::ServiceActivity> add_activity(const lab::NewServiceActivity& activity,
                                                    std::string_view actor) override;
    std::optional<lab::ServiceActivity> find_activity(lab::ServiceActivityId id) override;
    lab::ServiceActivityPage list_activities(const lab::ServiceActivityFilter& filter) override;

private:
    Database& database_;
};

} // namespace callab::db
