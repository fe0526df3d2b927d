#pragma once

#include <callab/lab/rejection.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace callab::lab {

/// A row of a CSV file with the 1-based line it starts on.
struct CsvRow {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

/// A CSV file (RFC 4180: comma separated, fields in double quotes may hold commas, quotes
/// doubled and line breaks): its header and its non-empty rows.
struct CsvTable {
    std::vector<std::string> header;
    std::vector<CsvRow> rows;

    /// The position of a header column, or -1.
    int column(std::string_view name) const;
};

/// Parses CSV text (a UTF-8 byte-order mark is skipped). Rejects an unterminated quote or an
/// empty file, naming the line.
Outcome<CsvTable> parse_csv(std::string_view text);

/// One field as CSV: quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view value);

} // namespace callab::lab
