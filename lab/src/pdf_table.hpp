// Tables that break across pages: the header row is drawn again at the top of each page.
#pragma once

#include "pdf_flow.hpp"

#include <string>
#include <vector>

namespace callab::lab {

struct PdfTableColumn {
    std::string header; ///< may hold a line break between the languages
    double share;       ///< fraction of the text width
    TextAlign align = TextAlign::center;
};

using PdfTableRow = std::vector<std::string>;

void draw_table(PdfFlow& flow, const std::vector<PdfTableColumn>& columns,
                const std::vector<PdfTableRow>& rows, double font_size = 7.5);

} // namespace callab::lab
