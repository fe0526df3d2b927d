#pragma once
// SOCI mappings of the lab's value types, kept beside the SQL that uses them.

#include <callab/lab/job.hpp>
#include <callab/lab/reading_record.hpp>

#include <soci/soci.h>

#include <chrono>

namespace callab::db {

inline long long to_microseconds(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

inline std::chrono::system_clock::time_point from_microseconds(long long us) {
    return std::chrono::system_clock::time_point{
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::microseconds{us})};
}

/// An integer column as int64, whatever width the backend reports: SQLite's
/// `INTEGER PRIMARY KEY` arrives as int, PostgreSQL's BIGINT as long long.
inline long long get_int64(const soci::values& v, const std::string& column) {
    switch (v.get_properties(column).get_data_type()) {
    case soci::dt_integer:
        return v.get<int>(column);
    case soci::dt_unsigned_long_long:
        return static_cast<long long>(v.get<unsigned long long>(column));
    default:
        return v.get<long long>(column);
    }
}

} // namespace callab::db

namespace soci {

template <> struct type_conversion<callab::lab::Job> {
    using base_type = values;

    static void from_base(const values& v, indicator, callab::lab::Job& job) {
        job.id = callab::lab::JobId{callab::db::get_int64(v, "id")};
        job.spec.title = v.get<std::string>("title");
        job.spec.instrument = v.get<std::string>("instrument");
        job.spec.quantity = v.get<std::string>("quantity");
        job.spec.unit = v.get<std::string>("unit");
        job.spec.resolution = v.get<double>("resolution");
        job.created_at = callab::db::from_microseconds(callab::db::get_int64(v, "created_at_us"));
    }

    static void to_base(const callab::lab::Job&, values&, indicator&) = delete;
};

template <> struct type_conversion<callab::lab::ReadingRecord> {
    using base_type = values;

    static void from_base(const values& v, indicator, callab::lab::ReadingRecord& r) {
        r.id = callab::lab::ReadingId{callab::db::get_int64(v, "id")};
        r.job = callab::lab::JobId{callab::db::get_int64(v, "job_id")};
        r.value = v.get<double>("value");
        r.unit = v.get<std::string>("unit");
        r.source = v.get<std::string>("source");
        r.taken_at = callab::db::from_microseconds(callab::db::get_int64(v, "taken_at_us"));
        r.recorded_by = v.get<std::string>("recorded_by");
    }

    static void to_base(const callab::lab::ReadingRecord&, values&, indicator&) = delete;
};

} // namespace soci
