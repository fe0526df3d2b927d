#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/job_store.hpp>

#include <span>

namespace callab::db {

/// lab::JobStore on the lab's SQL database. Throws DatabaseError when the database fails.
class SqlJobStore final : public lab::JobStore {
public:
    explicit SqlJobStore(Database& database) : database_(database) {}

    lab::Job create_job(const lab::NewJob& job) override;
    std::optional<lab::Job> find_job(lab::JobId id) override;
    std::vector<lab::Job> list_jobs() override;
    /// Filters, counts and pages in SQL.
    lab::JobPage find_jobs(const lab::JobFilter& filter, long long offset,
                           long long limit) override;
    lab::ReadingRecord append_reading(const lab::ReadingRecord& reading) override;
    /// Appends several readings (each audited) in one transaction: all or none.
    std::vector<lab::ReadingRecord> append_readings(std::span<const lab::ReadingRecord> readings);
    std::vector<lab::ReadingRecord> readings_of(lab::JobId job) override;
    bool change_status(lab::JobId job, lab::JobStatus from, lab::JobStatus to,
                       const lab::User& by) override;
    bool return_job(lab::JobId job, lab::JobStatus from, const std::string& reason,
                    const lab::User& by) override;
    std::vector<lab::JobReturn> returns_of(lab::JobId job) override;
    void record_standard_use(const lab::StandardUse& use) override;
    std::vector<lab::StandardUse> standards_used(lab::JobId job) override;
    /// The run start and its environment readings in one transaction.
    void record_run_start(const lab::RunStart& start) override;
    std::vector<lab::RunStart> run_starts_of(lab::JobId job) override;

private:
    Database& database_;
};

} // namespace callab::db
