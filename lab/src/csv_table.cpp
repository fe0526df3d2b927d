#include <callab/lab/csv_table.hpp>

namespace callab::lab {

int CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

Outcome<CsvTable> parse_csv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::vector<CsvRow> rows;
    CsvRow row{1, {}};
    std::string field;
    std::size_t line = 1;
    bool quoted = false;
    std::size_t quote_line = 0;
    const auto end_row = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        const bool blank = row.fields.size() == 1 && row.fields[0].empty();
        if (!blank) {
            rows.push_back(std::move(row));
        }
        row = CsvRow{line + 1, {}};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') {
                    ++line;
                }
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
            quote_line = line;
        } else if (c == ',') {
            row.fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && (i + 1 == text.size() || text[i + 1] == '\n')) {
            // The CR of a CRLF line end, outside quotes: a CR inside quotes is content.
            continue;
        } else if (c == '\n') {
            end_row();
            ++line;
        } else {
            field += c;
        }
    }
    if (quoted) {
        return reject(errc::invalid_field,
                      "line " + std::to_string(quote_line) + ": a quoted field is not closed");
    }
    if (!field.empty() || !row.fields.empty()) {
        end_row();
    }
    if (rows.empty()) {
        return reject(errc::invalid_field, "line 1: the file has no header");
    }
    CsvTable table;
    table.header = std::move(rows.front().fields);
    for (auto& name : table.header) {
        const auto first = name.find_first_not_of(" \t");
        const auto last = name.find_last_not_of(" \t");
        name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
    }
    table.rows.assign(std::make_move_iterator(rows.begin() + 1),
                      std::make_move_iterator(rows.end()));
    return table;
}

std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(value);
    }
    std::string quoted = "\"";
    for (const char c : value) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

} // namespace callab::lab
