#pragma once
// Turns CSV rows into new records, checking every field, and records into CSV rows. The
// headers are documented in docs/records.md.

#include <callab/lab/csv_table.hpp>
#include <callab/lab/enterprise.hpp>
#include <callab/lab/instrument.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace callab::lab {

/// A CSV line that cannot be imported and why.
struct LineProblem {
    std::size_t line = 0;
    std::string message; ///< names the column and the cause
};

template <typename T> struct ImportRows {
    std::vector<T> records;         ///< the good rows, in file order
    std::vector<std::size_t> lines; ///< the line of each record
    std::vector<LineProblem> problems;
};

/// Required columns name, credit_code, region, size; optional industry, contacts. Also
/// refuses a credit code that appears twice in the file.
ImportRows<NewEnterprise> enterprises_from_csv(const CsvTable& table);

/// Required columns kind, maker, model, serial, range_low, range_high, unit, resolution,
/// owner_credit_code; optional regime (verification|calibration, default calibration).
/// `owner_of` finds the enterprise registered under a credit code.
ImportRows<NewInstrument> instruments_from_csv(
    const CsvTable& table,
    const std::function<std::optional<EnterpriseId>(const std::string&)>& owner_of);

inline constexpr const char* enterprise_csv_header =
    "name,credit_code,region,size,industry,contacts";
inline constexpr const char* instrument_csv_header =
    "kind,maker,model,serial,range_low,range_high,unit,resolution,owner_credit_code,regime";

std::string enterprise_csv_row(const Enterprise& enterprise);
std::string instrument_csv_row(const Instrument& instrument, const std::string& owner_credit_code);

} // namespace callab::lab
