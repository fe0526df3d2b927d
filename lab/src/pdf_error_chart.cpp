#include "pdf_error_chart.hpp"

#include "certificate_text.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace callab::lab {
namespace {

constexpr double plot_width = 330;
constexpr double plot_height = 120;
constexpr double caption_height = 14;
constexpr double axis_labels = 26;

/// A step of 1, 2 or 5 × 10ⁿ giving about two ticks each side of zero.
double tick_step(double limit) {
    const double rough = limit / 2;
    const double decade = std::pow(10.0, std::floor(std::log10(rough)));
    for (double m : {1.0, 2.0, 5.0}) {
        if (m * decade >= rough) {
            return m * decade;
        }
    }
    return 10 * decade;
}

double largest_extent(const ResultGroup& group) {
    double extent = 0;
    for (const auto& p : group.points) {
        extent = std::max({extent, std::abs(p.error) + p.expanded_uncertainty, p.mpe.value_or(0)});
    }
    return extent > 0 ? extent : 1.0;
}

} // namespace

double error_chart_height() {
    return caption_height + plot_height + axis_labels + 6;
}

void draw_error_chart(PdfFlow& flow, const ResultGroup& group) {
    flow.ensure(error_chart_height());
    PdfCanvas& canvas = flow.canvas();
    const auto unit = std::string(certificate_text::printed_unit(group.unit).value_or(""));
    const double x0 = flow.left() + (flow.width() - plot_width) / 2;
    const double top = flow.y();
    canvas.text(flow.left(), top, flow.width(),
                "示值误差与扩展不确定度 U  Error of indication with U" +
                    (unit.empty() ? std::string() : " (" + unit + ")"),
                {7.5, true, TextAlign::center});
    const double y0 = top + caption_height;
    const double step = tick_step(largest_extent(group) * 1.1);
    const double limit = std::ceil(largest_extent(group) * 1.1 / step) * step;
    const auto y_of = [&](double v) { return y0 + plot_height / 2 - v / limit * plot_height / 2; };
    const auto n = group.points.size();
    const auto x_of = [&](std::size_t i) {
        return x0 + (static_cast<double>(i) + 0.5) * plot_width / static_cast<double>(n);
    };
    const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step))));
    for (double v = -limit; v <= limit + step / 2; v += step) {
        canvas.text(x0 - 44, y_of(v) - 4.5, 40, certificate_text::fixed(v, decimals),
                    {6.5, false, TextAlign::right});
    }
    const std::size_t label_every = std::max<std::size_t>(1, (n + 11) / 12);
    for (std::size_t i = 0; i < n; i += label_every) {
        canvas.text(x_of(i) - 25, y0 + plot_height + 2, 50,
                    certificate_text::fixed(group.points[i].nominal, group.decimals),
                    {6.5, false, TextAlign::center});
    }
    canvas.text(flow.left(), y0 + plot_height + 12, flow.width(),
                "标称值 Nominal value" + (unit.empty() ? std::string() : " (" + unit + ")"),
                {6.5, false, TextAlign::center});
    if (canvas.drawing()) {
        cairo_t* cr = canvas.cairo();
        cairo_save(cr);
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        for (double v = -limit; v <= limit + step / 2; v += step) {
            canvas.line(x0, y_of(v), x0 + plot_width, y_of(v), std::abs(v) < step / 2 ? 0.6 : 0.2);
        }
        cairo_set_source_rgb(cr, 0, 0, 0);
        canvas.rectangle(x0, y0, plot_width, plot_height, 0.6);
        // ±MPE as dashed steps around each point.
        const double dash[] = {3.0, 2.0};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
        const double half_slot = plot_width / static_cast<double>(n) / 2;
        for (std::size_t i = 0; i < n; ++i) {
            if (const auto mpe = group.points[i].mpe) {
                for (double sign : {-1.0, 1.0}) {
                    canvas.line(x_of(i) - half_slot, y_of(sign * *mpe), x_of(i) + half_slot,
                                y_of(sign * *mpe), 0.6);
                }
            }
        }
        cairo_set_dash(cr, nullptr, 0, 0);
        cairo_set_source_rgb(cr, 0.05, 0.2, 0.55);
        for (std::size_t i = 0; i < n; ++i) {
            const auto& p = group.points[i];
            const double x = x_of(i);
            const double cap = std::min(3.0, half_slot / 2);
            canvas.line(x, y_of(p.error - p.expanded_uncertainty), x,
                        y_of(p.error + p.expanded_uncertainty), 0.7);
            canvas.line(x - cap, y_of(p.error + p.expanded_uncertainty), x + cap,
                        y_of(p.error + p.expanded_uncertainty), 0.7);
            canvas.line(x - cap, y_of(p.error - p.expanded_uncertainty), x + cap,
                        y_of(p.error - p.expanded_uncertainty), 0.7);
            cairo_arc(cr, x, y_of(p.error), std::min(2.0, half_slot / 2), 0, 2 * std::numbers::pi);
            cairo_fill(cr);
        }
        cairo_restore(cr);
    }
    flow.advance(error_chart_height());
}

} // namespace callab::lab
