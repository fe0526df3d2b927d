#pragma once
// A JobStore in a vector, for testing lab rules without a database. The SQL stores are
// tested against the same expectations in tests/db.

#include <callab/lab/job_store.hpp>

#include <algorithm>

namespace callab::test_support {
using lab::Job;
using lab::JobId;
using lab::JobStore;
using lab::NewJob;
using lab::ReadingId;
using lab::ReadingRecord;

class InMemoryJobStore final : public JobStore {
public:
    Job create_job(const NewJob& spec) override {
        jobs_.push_back({JobId{static_cast<std::int64_t>(jobs_.size() + 1)}, spec,
                         std::chrono::system_clock::now()});
        return jobs_.back();
    }
    std::optional<Job> find_job(JobId id) override {
        for (const auto& job : jobs_) {
            if (job.id == id) {
                return job;
            }
        }
        return std::nullopt;
    }
    std::vector<Job> list_jobs() override { return {jobs_.rbegin(), jobs_.rend()}; }
    ReadingRecord append_reading(const ReadingRecord& reading) override {
        readings_.push_back(reading);
        readings_.back().id = ReadingId{static_cast<std::int64_t>(readings_.size())};
        return readings_.back();
    }
    std::vector<ReadingRecord> readings_of(JobId job) override {
        std::vector<ReadingRecord> out;
        std::copy_if(readings_.begin(), readings_.end(), std::back_inserter(out),
                     [job](const ReadingRecord& r) { return r.job == job; });
        return out;
    }

    bool change_status(JobId id, lab::JobStatus from, lab::JobStatus to,
                       const lab::User& by) override {
        for (auto& job : jobs_) {
            if (job.id == id && job.status == from) {
                job.status = to;
                if (to == lab::JobStatus::reviewed) {
                    job.reviewer = by.id;
                }
                if (to == lab::JobStatus::approved) {
                    job.approver = by.id;
                }
                return true;
            }
        }
        return false;
    }
    bool return_job(JobId id, lab::JobStatus from, const std::string& reason,
                    const lab::User& by) override {
        if (!change_status(id, from, lab::JobStatus::returned, by)) {
            return false;
        }
        returns_.emplace_back(
            id, lab::JobReturn{reason, by.data.username, std::chrono::system_clock::now()});
        return true;
    }
    std::vector<lab::JobReturn> returns_of(JobId job) override {
        std::vector<lab::JobReturn> out;
        for (const auto& [id, r] : returns_) {
            if (id == job) {
                out.push_back(r);
            }
        }
        return out;
    }
    void record_standard_use(const lab::StandardUse& use) override { uses_.push_back(use); }
    std::vector<lab::StandardUse> standards_used(JobId job) override {
        std::vector<lab::StandardUse> out;
        std::copy_if(uses_.begin(), uses_.end(), std::back_inserter(out),
                     [job](const lab::StandardUse& u) { return u.job == job; });
        return out;
    }
    void record_run_start(const lab::RunStart& start) override { starts_.push_back(start); }
    std::vector<lab::RunStart> run_starts_of(JobId job) override {
        std::vector<lab::RunStart> out;
        std::copy_if(starts_.begin(), starts_.end(), std::back_inserter(out),
                     [job](const lab::RunStart& s) { return s.job == job; });
        return out;
    }

private:
    std::vector<lab::StandardUse> uses_;
    std::vector<lab::RunStart> starts_;
    std::vector<std::pair<JobId, lab::JobReturn>> returns_;
    std::vector<Job> jobs_;
    std::vector<ReadingRecord> readings_;
};

} // namespace callab::test_support
