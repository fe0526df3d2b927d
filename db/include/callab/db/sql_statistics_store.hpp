#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/statistics.hpp>

namespace callab::db {

/// lab::StatisticsStore on the lab's SQL database.
class SqlStatisticsStore final : public lab::StatisticsStore {
public:
    explicit SqlStatisticsStore(Database& database) : database_(database) {}
    lab::Statistics statistics(lab::Date from, lab::Date to) override;

private:
    Database& database_;
};

} // namespace callab::db
