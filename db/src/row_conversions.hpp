#pragma once
// Conversions between the lab's values and the columns that store them.

#include <soci/soci.h>

#include <chrono>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

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

/// `value` as text that reads back as the same double (17 significant digits).
std::string exact_number(double value);

/// A record as audit text: one "name=value" line per field.
std::string audit_fields(std::initializer_list<std::pair<std::string_view, std::string>> fields);

} // namespace callab::db
