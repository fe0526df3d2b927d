#include <callab/lab/reading_collector.hpp>

#include <thread>

namespace callab::lab {

ReadingCollector::ReadingCollector(JobStore& store, std::string recorded_by)
    : store_(store), recorded_by_(std::move(recorded_by)) {}

boost::system::result<std::size_t, ReadingCollector::Fault>
ReadingCollector::collect(JobId job, drivers::Meter& meter, std::size_t count,
                          std::chrono::milliseconds interval) {
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0) {
            std::this_thread::sleep_for(interval);
        }
        auto reading = meter.read();
        if (!reading) {
            return Fault{meter.device(), reading.error()};
        }
        store_.append_reading(ReadingRecord{ReadingId{}, job, reading->value, reading->unit,
                                            reading->device, reading->timestamp, recorded_by_});
    }
    return count;
}

} // namespace callab::lab
