// A small chart of the error of indication against the test points, with ±U bars and the
// ±MPE limits, drawn with cairo.
#pragma once

#include "pdf_flow.hpp"

#include <callab/lab/certificate_content.hpp>

namespace callab::lab {

/// Height the chart takes in the flow.
double error_chart_height();

void draw_error_chart(PdfFlow& flow, const ResultGroup& group);

} // namespace callab::lab
