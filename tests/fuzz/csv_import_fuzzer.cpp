// Any bytes as a CSV import: the file is refused with a message naming the line, or parsed
// into rows that, written back field by field with csv_field(), parse to the same fields; the
// enterprise and instrument importers either take a row or name its line and problem.
#include <callab/lab/csv_table.hpp>
#include <callab/lab/record_import.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using namespace callab::lab;

std::string write(const CsvTable& table) {
    std::string text = "header\n";
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.fields.size(); ++i) {
            text += (i == 0 ? "" : ",") + csv_field(row.fields[i]);
        }
        text += "\n";
    }
    return text;
}

template <typename T> void check_import(const ImportRows<T>& imported, const CsvTable& table) {
    if (imported.records.size() != imported.lines.size()) {
        std::abort(); // every record knows its line
    }
    // A header without the required columns refuses the whole file with one problem on line 1;
    // otherwise every row is taken or refused.
    const bool header_refused =
        imported.problems.size() == 1 && imported.problems[0].line == 1 && imported.records.empty();
    if (!header_refused && imported.records.size() + imported.problems.size() < table.rows.size()) {
        std::abort();
    }
    for (const auto& problem : imported.problems) {
        if (problem.message.empty() || problem.line == 0) {
            std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto table = parse_csv(text);
    if (!table) {
        if (!table.error().message.starts_with("line ")) {
            std::abort();
        }
        return 0;
    }
    const auto again = parse_csv(write(*table));
    if (!again || again->rows.size() != table->rows.size()) {
        std::abort();
    }
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
        if (again->rows[i].fields != table->rows[i].fields) {
            std::abort();
        }
        if (i > 0 && table->rows[i].line <= table->rows[i - 1].line) {
            std::abort(); // rows are numbered by the line they start on
        }
    }
    check_import(enterprises_from_csv(*table), *table);
    check_import(instruments_from_csv(*table,
                                      [](const std::string& code) -> std::optional<EnterpriseId> {
                                          if (code.empty()) {
                                              return std::nullopt;
                                          }
                                          return EnterpriseId{1};
                                      }),
                 *table);
    return 0;
}
