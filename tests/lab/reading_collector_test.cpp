#include "support/in_memory_job_store.hpp"

#include <callab/drivers/errc.hpp>
#include <callab/lab/reading_collector.hpp>

#include <gtest/gtest.h>

#include <deque>

namespace callab::lab {
namespace {

// A meter that answers from a script: a number, or a fault.
class ScriptedMeter final : public drivers::Meter {
public:
    explicit ScriptedMeter(std::deque<boost::system::result<double>> script)
        : script_(std::move(script)) {}

    boost::system::result<drivers::Reading> read() override {
        auto next = script_.front();
        script_.pop_front();
        if (!next) {
            return next.error();
        }
        return drivers::Reading{"object_temperature", *next, "degC",
                                std::chrono::system_clock::now(), device()};
    }
    std::string device() const override { return "modbus-tcp://127.0.0.1:1502"; }

private:
    std::deque<boost::system::result<double>> script_;
};

TEST(ReadingCollector, StoresEveryReadingWithItsSource) {
    test_support::InMemoryJobStore store;
    const auto job = store.create_job({"t", "i", "object_temperature", "degC", 0.1});
    ScriptedMeter meter({37.0, 37.1, 36.9});
    ReadingCollector collector(store, "alice");

    const auto taken = collector.collect(job.id, meter, 3, std::chrono::milliseconds(0));
    ASSERT_TRUE(taken);
    EXPECT_EQ(*taken, 3U);
    const auto readings = store.readings_of(job.id);
    ASSERT_EQ(readings.size(), 3U);
    EXPECT_DOUBLE_EQ(readings[1].value, 37.1);
    EXPECT_EQ(readings[1].source, "modbus-tcp://127.0.0.1:1502");
    EXPECT_EQ(readings[1].recorded_by, "alice");
}

TEST(ReadingCollector, AFaultStopsTheSeriesAndKeepsWhatWasStored) {
    test_support::InMemoryJobStore store;
    const auto job = store.create_job({"t", "i", "object_temperature", "degC", 0.1});
    ScriptedMeter meter({37.0, 37.1, drivers::make_error_code(drivers::errc::timeout), 37.2});
    ReadingCollector collector(store, "alice");

    const auto taken = collector.collect(job.id, meter, 4, std::chrono::milliseconds(0));
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().cause, drivers::errc::timeout);
    EXPECT_EQ(taken.error().message(),
              "device modbus-tcp://127.0.0.1:1502: the device did not answer in time");
    EXPECT_EQ(store.readings_of(job.id).size(), 2U); // no made-up value for the fault
}

} // namespace
} // namespace callab::lab
