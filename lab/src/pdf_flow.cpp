#include "pdf_flow.hpp"

#include "certificate_text.hpp"

#include <algorithm>

namespace callab::lab {
namespace {

constexpr double header_height = 46;
constexpr double footer_height = 30;

} // namespace

PdfFlow::PdfFlow(PdfCanvas& canvas, const CertificateContent& content, int total_pages)
    : canvas_(canvas), content_(content), total_pages_(total_pages) {}

double PdfFlow::bottom() const {
    return PdfCanvas::page_height - PdfCanvas::margin - footer_height;
}

void PdfFlow::begin() {
    page_ = 1;
    draw_header();
}

bool PdfFlow::fits(double height) const {
    return y_ + height <= bottom();
}

void PdfFlow::ensure(double height) {
    if (!fits(height)) {
        new_page();
    }
}

void PdfFlow::new_page() {
    draw_footer();
    canvas_.show_page();
    ++page_;
    draw_header();
}

void PdfFlow::end() {
    draw_footer();
    canvas_.show_page();
}

void PdfFlow::draw_header() {
    const double top = PdfCanvas::margin;
    const TextStyle name_style{9.5, true, TextAlign::left};
    const TextStyle small{7.5, false, TextAlign::left};
    const double half = width() / 2;
    canvas_.text(left(), top, half + 60, content_.laboratory.name.zh, name_style);
    canvas_.text(left(), top + 14, half + 60, content_.laboratory.name.en, small);
    const TextStyle number_style{9, true, TextAlign::right};
    canvas_.text(left() + half, top, half, "证书编号 Certificate No.",
                 {7.5, false, TextAlign::right});
    canvas_.text(left() + half, top + 12, half, content_.number, number_style);
    canvas_.line(left(), top + header_height - 12, left() + width(), top + header_height - 12, 0.8);
    y_ = top + header_height;
}

void PdfFlow::draw_footer() {
    const double top = PdfCanvas::page_height - PdfCanvas::margin - footer_height + 8;
    canvas_.line(left(), top, left() + width(), top, 0.5);
    const auto total = total_pages_ > 0 ? std::to_string(total_pages_) : std::string("00");
    const auto current = std::to_string(page_);
    const std::string text =
        "第 " + current + " 页 共 " + total + " 页 / Page " + current + " of " + total;
    canvas_.text(left(), top + 5, width(), text, {8, false, TextAlign::center});
    canvas_.text(left(), top + 5, width(), content_.number, {7, false, TextAlign::left});
}

void PdfFlow::heading(const std::string& zh, const std::string& en, double keep_with) {
    const TextStyle style{10, true, TextAlign::left};
    const std::string text = zh + "  " + en;
    const double height = canvas_.measure(text, style, width());
    ensure(height + 6 + keep_with);
    advance(6);
    canvas_.text(left(), y_, width(), text, style);
    advance(height + 3);
}

void PdfFlow::paragraph(const std::string& text, const TextStyle& style, double indent) {
    const double height = canvas_.measure(text, style, width() - indent);
    ensure(height);
    canvas_.text(left() + indent, y_, width() - indent, text, style);
    advance(height + 2);
}

void PdfFlow::field(const std::string& label, const std::string& value, double label_width) {
    const TextStyle label_style{8.5, false, TextAlign::left};
    const TextStyle value_style{8.5, false, TextAlign::left};
    const double value_width = width() - label_width;
    const double height = std::max(canvas_.measure(label, label_style, label_width - 6),
                                   canvas_.measure(value, value_style, value_width));
    ensure(height);
    canvas_.text(left(), y_, label_width - 6, label, label_style);
    canvas_.text(left() + label_width, y_, value_width, value, value_style);
    advance(height + 3);
}

} // namespace callab::lab
