#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/enterprise_store.hpp>

#include <functional>

namespace callab::db {

/// lab::EnterpriseStore on the lab's SQL database. Throws DatabaseError when the database
/// fails.
class SqlEnterpriseStore final : public lab::EnterpriseStore {
public:
    explicit SqlEnterpriseStore(Database& database) : database_(database) {}

    lab::Outcome<std::vector<lab::Enterprise>>
    add_enterprises(std::span<const lab::NewEnterprise> batch, std::string_view actor) override;
    std::optional<lab::Enterprise> find_enterprise(lab::EnterpriseId id) override;
    std::vector<lab::Enterprise> list_enterprises() override;

    lab::Outcome<std::vector<lab::Instrument>>
    add_instruments(std::span<const lab::NewInstrument> batch, std::string_view actor) override;
    std::optional<lab::Instrument> find_instrument(lab::InstrumentId id) override;
    std::vector<lab::Instrument> instruments_of(lab::EnterpriseId owner) override;
    lab::InstrumentPage list_instruments(const lab::InstrumentFilter& filter, std::int64_t offset,
                                         std::int64_t limit) override;

    /// Called while a batch is stored (every 500 rows and at the end; before the commit).
    using Progress = std::function<void(std::size_t done, std::size_t total)>;
    void set_progress(Progress progress) { progress_ = std::move(progress); }

private:
    void report_progress(std::size_t done, std::size_t total) const;
    Database& database_;
    Progress progress_;
};

} // namespace callab::db
