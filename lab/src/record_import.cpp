#include <callab/lab/record_import.hpp>

#include <charconv>
#include <cstdio>
#include <set>

namespace callab::lab {
namespace {

// The fields of one row by column name, with the problems found reading them.
class RowReader {
public:
    RowReader(const CsvTable& table, const CsvRow& row) : table_(table), row_(row) {}

    std::string text(const char* column, bool required = true) {
        const int index = table_.column(column);
        if (index < 0 || static_cast<std::size_t>(index) >= row_.fields.size() ||
            row_.fields[static_cast<std::size_t>(index)].empty()) {
            if (required) {
                fail(std::string(column) + ": empty");
            }
            return {};
        }
        return row_.fields[static_cast<std::size_t>(index)];
    }

    double number(const char* column) {
        const auto value = text(column);
        double parsed = 0.0;
        const auto* end = value.data() + value.size();
        const auto [ptr, ec] = std::from_chars(value.data(), end, parsed);
        if (!value.empty() && (ec != std::errc{} || ptr != end)) {
            fail(std::string(column) + ": '" + value + "' is not a number");
        }
        return parsed;
    }

    template <typename E, std::size_t N>
    E choice(const char* column, const EnumNames<E, N>& names, std::optional<E> fallback = {}) {
        const auto value = text(column, !fallback);
        if (value.empty() && fallback) {
            return *fallback;
        }
        const auto parsed = parse_enum(value, names);
        if (!parsed && !value.empty()) {
            std::string allowed;
            for (const auto& [v, name] : names) {
                allowed += (allowed.empty() ? "" : "|") + std::string(name);
            }
            fail(std::string(column) + ": '" + value + "' is not one of " + allowed);
        }
        return parsed.value_or(names[0].first);
    }

    void fail(std::string message) {
        if (problem_.empty()) {
            problem_ = std::move(message);
        }
    }
    const std::string& problem() const { return problem_; }

private:
    const CsvTable& table_;
    const CsvRow& row_;
    std::string problem_;
};

std::optional<std::string> missing_columns(const CsvTable& table,
                                           std::initializer_list<const char*> required) {
    std::string missing;
    for (const char* name : required) {
        if (table.column(name) < 0) {
            missing += (missing.empty() ? "" : ", ") + std::string(name);
        }
    }
    return missing.empty() ? std::nullopt : std::optional<std::string>{missing};
}

std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", value);
    return text;
}

} // namespace

ImportRows<NewEnterprise> enterprises_from_csv(const CsvTable& table) {
    ImportRows<NewEnterprise> out;
    if (const auto missing = missing_columns(table, {"name", "credit_code", "region", "size"})) {
        out.problems.push_back({1, "header: missing column(s) " + *missing});
        return out;
    }
    std::set<std::string> seen;
    for (const auto& row : table.rows) {
        RowReader read(table, row);
        NewEnterprise e;
        e.name = read.text("name");
        e.credit_code = read.text("credit_code");
        e.region = read.text("region");
        e.size = read.choice("size", size_class_names);
        e.industry = read.text("industry", false);
        e.contacts = read.text("contacts", false);
        if (read.problem().empty()) {
            if (auto valid = validate_enterprise(e); !valid) {
                read.fail(valid.error().message);
            } else if (!seen.insert(e.credit_code).second) {
                read.fail("credit_code: " + e.credit_code + " appears earlier in the file");
            }
        }
        if (!read.problem().empty()) {
            out.problems.push_back({row.line, read.problem()});
            continue;
        }
        out.records.push_back(std::move(e));
        out.lines.push_back(row.line);
    }
    return out;
}

ImportRows<NewInstrument> instruments_from_csv(
    const CsvTable& table,
    const std::function<std::optional<EnterpriseId>(const std::string&)>& owner_of) {
    ImportRows<NewInstrument> out;
    if (const auto missing =
            missing_columns(table, {"kind", "maker", "model", "serial", "range_low", "range_high",
                                    "unit", "resolution", "owner_credit_code"})) {
        out.problems.push_back({1, "header: missing column(s) " + *missing});
        return out;
    }
    for (const auto& row : table.rows) {
        RowReader read(table, row);
        NewInstrument in;
        in.kind = read.choice("kind", instrument_kind_names);
        in.maker = read.text("maker");
        in.model = read.text("model");
        in.serial = read.text("serial");
        in.range_low = read.number("range_low");
        in.range_high = read.number("range_high");
        in.unit = read.text("unit");
        in.resolution = read.number("resolution");
        in.regime = read.choice("regime", metrology_regime_names,
                                std::optional{MetrologyRegime::calibration});
        const auto owner_code = read.text("owner_credit_code");
        if (read.problem().empty()) {
            if (const auto owner = owner_of(owner_code)) {
                in.owner = *owner;
            } else {
                read.fail("owner_credit_code: no enterprise is registered under " + owner_code);
            }
        }
        if (read.problem().empty()) {
            if (auto valid = validate_instrument(in); !valid) {
                read.fail(valid.error().message);
            }
        }
        if (!read.problem().empty()) {
            out.problems.push_back({row.line, read.problem()});
            continue;
        }
        out.records.push_back(std::move(in));
        out.lines.push_back(row.line);
    }
    return out;
}

std::string enterprise_csv_row(const Enterprise& e) {
    return csv_field(e.data.name) + "," + csv_field(e.data.credit_code) + "," +
           csv_field(e.data.region) + "," + std::string(enum_name(e.data.size, size_class_names)) +
           "," + csv_field(e.data.industry) + "," + csv_field(e.data.contacts);
}

std::string instrument_csv_row(const Instrument& i, const std::string& owner_credit_code) {
    return std::string(enum_name(i.data.kind, instrument_kind_names)) + "," +
           csv_field(i.data.maker) + "," + csv_field(i.data.model) + "," +
           csv_field(i.data.serial) + "," + number_text(i.data.range_low) + "," +
           number_text(i.data.range_high) + "," + csv_field(i.data.unit) + "," +
           number_text(i.data.resolution) + "," + csv_field(owner_credit_code) + "," +
           std::string(enum_name(i.data.regime, metrology_regime_names));
}

} // namespace callab::lab
