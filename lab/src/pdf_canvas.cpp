#include "pdf_canvas.hpp"

#include <cairo-pdf.h>
#include <cmath>

namespace callab::lab {
namespace {

cairo_status_t append_to(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

constexpr const char* font_family = "DejaVu Sans, Noto Sans CJK SC";

} // namespace

PdfCanvas::PdfCanvas(std::string& sink, bool drawing, const std::string& creation_date)
    : drawing_(drawing) {
    surface_ = cairo_pdf_surface_create_for_stream(append_to, drawing ? &sink : &discard_,
                                                   page_width, page_height);
    cairo_pdf_surface_restrict_to_version(surface_, CAIRO_PDF_VERSION_1_5);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, creation_date.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "callab");
    cairo_ = cairo_create(surface_);
    layout_ = pango_cairo_create_layout(cairo_);
    PangoContext* context = pango_layout_get_context(layout_);
    // Outline metrics at 72 dpi: one point of font size is one unit of the page, and the
    // measuring pass and the drawing pass break lines at the same places.
    pango_cairo_context_set_resolution(context, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(layout_);
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
}

PdfCanvas::~PdfCanvas() {
    for (auto& [key, description] : fonts_) {
        pango_font_description_free(description);
    }
    g_object_unref(layout_);
    cairo_destroy(cairo_);
    cairo_surface_destroy(surface_);
}

PangoFontDescription* PdfCanvas::font(const TextStyle& style) {
    const auto key = std::make_pair(static_cast<int>(std::lround(style.size * 10)), style.bold);
    auto found = fonts_.find(key);
    if (found != fonts_.end()) {
        return found->second;
    }
    PangoFontDescription* description = pango_font_description_new();
    pango_font_description_set_family(description, font_family);
    pango_font_description_set_size(description,
                                    static_cast<int>(std::lround(style.size * PANGO_SCALE)));
    pango_font_description_set_weight(description,
                                      style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    fonts_.emplace(key, description);
    return description;
}

void PdfCanvas::prepare(std::string_view text, const TextStyle& style, double width) {
    pango_layout_set_font_description(layout_, font(style));
    pango_layout_set_width(layout_, static_cast<int>(std::lround(width * PANGO_SCALE)));
    switch (style.align) {
    case TextAlign::left:
        pango_layout_set_alignment(layout_, PANGO_ALIGN_LEFT);
        break;
    case TextAlign::center:
        pango_layout_set_alignment(layout_, PANGO_ALIGN_CENTER);
        break;
    case TextAlign::right:
        pango_layout_set_alignment(layout_, PANGO_ALIGN_RIGHT);
        break;
    }
    pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
}

double PdfCanvas::measure(std::string_view text, const TextStyle& style, double width) {
    prepare(text, style, width);
    int w = 0;
    int h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

double PdfCanvas::text(double x, double y, double width, std::string_view text,
                       const TextStyle& style) {
    const double height = measure(text, style, width);
    if (drawing_) {
        cairo_move_to(cairo_, x, y);
        pango_cairo_show_layout(cairo_, layout_);
    }
    return height;
}

void PdfCanvas::line(double x1, double y1, double x2, double y2, double width) {
    if (!drawing_) {
        return;
    }
    cairo_set_line_width(cairo_, width);
    cairo_move_to(cairo_, x1, y1);
    cairo_line_to(cairo_, x2, y2);
    cairo_stroke(cairo_);
}

void PdfCanvas::rectangle(double x, double y, double width, double height, double line_width) {
    if (!drawing_) {
        return;
    }
    cairo_set_line_width(cairo_, line_width);
    cairo_rectangle(cairo_, x, y, width, height);
    cairo_stroke(cairo_);
}

void PdfCanvas::show_page() {
    cairo_show_page(cairo_);
}

bool PdfCanvas::finish(std::string& why) {
    if (const cairo_status_t drawn = cairo_status(cairo_); drawn != CAIRO_STATUS_SUCCESS) {
        why = cairo_status_to_string(drawn);
        return false;
    }
    cairo_surface_finish(surface_);
    const cairo_status_t status = cairo_surface_status(surface_);
    if (status != CAIRO_STATUS_SUCCESS) {
        why = cairo_status_to_string(status);
        return false;
    }
    return true;
}

} // namespace callab::lab
