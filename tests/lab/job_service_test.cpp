#include "support/in_memory_job_store.hpp"

#include <callab/lab/errc.hpp>
#include <callab/lab/job_service.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

TEST(JobService, ReportsAJobWithItsReadingsAndResult) {
    test_support::InMemoryJobStore store;
    const auto job = store.create_job({"t", "i", "object_temperature", "degC", 0.1});
    for (double v : {37.0, 37.2}) {
        store.append_reading({ReadingId{}, job.id, v, "degC", "manual", {}, "bob"});
    }
    JobService service(store);
    const auto report = service.report(job.id);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->readings.size(), 2U);
    ASSERT_TRUE(report->summary);
    EXPECT_NEAR(report->summary->mean, 37.1, 1e-12);
}

TEST(JobService, AJobWithOneReadingHasNoResultYet) {
    test_support::InMemoryJobStore store;
    const auto job = store.create_job({"t", "i", "object_temperature", "degC", 0.1});
    store.append_reading({ReadingId{}, job.id, 37.0, "degC", "manual", {}, "bob"});
    JobService service(store);
    const auto report = service.report(job.id);
    ASSERT_TRUE(report);
    EXPECT_FALSE(report->summary);
}

TEST(JobService, UnknownJobIsNotFound) {
    test_support::InMemoryJobStore store;
    JobService service(store);
    EXPECT_EQ(service.report(JobId{42}).error(), errc::not_found);
}

TEST(JobService, ReportsNewestFirst) {
    test_support::InMemoryJobStore store;
    store.create_job({"first", "i", "q", "degC", 0.1});
    store.create_job({"second", "i", "q", "degC", 0.1});
    JobService service(store);
    const auto reports = service.reports();
    ASSERT_EQ(reports.size(), 2U);
    EXPECT_EQ(reports[0].job.spec.title, "second");
}

} // namespace
} // namespace callab::lab
