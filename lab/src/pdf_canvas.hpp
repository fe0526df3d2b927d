// A4 pages drawn with cairo, text set with Pango in Noto Sans CJK SC. In measuring mode the
// same calls only measure, so a first pass can count the pages before the second draws.
#pragma once

#include <cairo.h>
#include <map>
#include <pango/pangocairo.h>
#include <string>
#include <string_view>

namespace callab::lab {

enum class TextAlign { left, center, right };

struct TextStyle {
    double size = 8.5; ///< points
    bool bold = false;
    TextAlign align = TextAlign::left;
};

class PdfCanvas {
public:
    static constexpr double page_width = 595.276; // A4, points
    static constexpr double page_height = 841.890;
    static constexpr double margin = 42.0;

    /// Writes the PDF into `sink` when `drawing`; otherwise measures only and writes nothing.
    /// `creation_date` is ISO 8601 (`2026-03-07T00:00:00Z`), so the bytes are reproducible.
    PdfCanvas(std::string& sink, bool drawing, const std::string& creation_date);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    bool drawing() const { return drawing_; }

    /// Height of `text` set in `width`.
    double measure(std::string_view text, const TextStyle& style, double width);
    /// Sets `text` with its top-left at (x, y) in `width`; returns its height.
    double text(double x, double y, double width, std::string_view text, const TextStyle& style);
    void line(double x1, double y1, double x2, double y2, double width = 0.5);
    void rectangle(double x, double y, double width, double height, double line_width = 0.5);

    cairo_t* cairo() { return cairo_; }
    void show_page();
    /// Ends the document; false with the reason when cairo failed on the way.
    bool finish(std::string& why);

private:
    void prepare(std::string_view text, const TextStyle& style, double width);
    PangoFontDescription* font(const TextStyle& style);

    std::string discard_;
    bool drawing_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cairo_ = nullptr;
    PangoLayout* layout_ = nullptr;
    std::map<std::pair<int, bool>, PangoFontDescription*> fonts_;
};

} // namespace callab::lab
