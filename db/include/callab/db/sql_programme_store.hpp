#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/programme.hpp>

namespace callab::db {

/// lab::ProgrammeStore on the lab's SQL database.
class SqlProgrammeStore final : public lab::ProgrammeStore {
public:
    explicit SqlProgrammeStore(Database& database) : database_(database) {}

    lab::Outcome<lab::Programme> add_programme(const lab::NewProgramme& programme,
                                               std::string_view actor) override;
    std::optional<lab::Programme> find_programme(lab::ProgrammeId id) override;
    std::vector<lab::Programme> programmes() override;
    long long fees_waived_cents(lab::ProgrammeId id) override;

private:
    Database& database_;
};

} // namespace callab::db
