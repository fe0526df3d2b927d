#include "pdf_table.hpp"

#include <algorithm>

namespace callab::lab {
namespace {

constexpr double padding = 2.5;

struct Table {
    PdfFlow& flow;
    const std::vector<PdfTableColumn>& columns;
    double font_size;

    double column_width(std::size_t i) const { return columns[i].share * flow.width(); }

    double row_height(const PdfTableRow& cells, bool bold) {
        double height = 0;
        for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
            const TextStyle style{font_size, bold, columns[i].align};
            height = std::max(
                height, flow.canvas().measure(cells[i], style, column_width(i) - 2 * padding));
        }
        return height + 2 * padding;
    }

    void draw_row(const PdfTableRow& cells, bool bold, double height) {
        double x = flow.left();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const double w = column_width(i);
            flow.canvas().rectangle(x, flow.y(), w, height, 0.4);
            if (i < cells.size()) {
                const TextStyle style{font_size, bold, columns[i].align};
                flow.canvas().text(x + padding, flow.y() + padding, w - 2 * padding, cells[i],
                                   style);
            }
            x += w;
        }
        flow.advance(height);
    }
};

} // namespace

void draw_table(PdfFlow& flow, const std::vector<PdfTableColumn>& columns,
                const std::vector<PdfTableRow>& rows, double font_size) {
    Table table{flow, columns, font_size};
    PdfTableRow header;
    for (const auto& column : columns) {
        header.push_back(column.header);
    }
    const double header_height = table.row_height(header, true);
    const double first_row = rows.empty() ? 0 : table.row_height(rows.front(), false);
    flow.ensure(header_height + first_row);
    table.draw_row(header, true, header_height);
    for (const auto& row : rows) {
        const double height = table.row_height(row, false);
        if (!flow.fits(height)) {
            flow.new_page();
            table.draw_row(header, true, header_height);
        }
        table.draw_row(row, false, height);
    }
    flow.advance(4);
}

} // namespace callab::lab
