// Flows the certificate down the pages: a cursor, page breaks, and on every page the header
// (laboratory, certificate number) and the footer ("第 x 页 共 n 页 / Page x of n").
#pragma once

#include "pdf_canvas.hpp"

#include <callab/lab/certificate_content.hpp>

#include <string>

namespace callab::lab {

class PdfFlow {
public:
    /// `total_pages` is 0 in the measuring pass (the footer then prints a stand-in of the
    /// same width).
    PdfFlow(PdfCanvas& canvas, const CertificateContent& content, int total_pages);

    PdfCanvas& canvas() { return canvas_; }
    double left() const { return PdfCanvas::margin; }
    double width() const { return PdfCanvas::page_width - 2 * PdfCanvas::margin; }
    double y() const { return y_; }
    int page() const { return page_; }

    /// Starts the first page.
    void begin();
    /// True when `height` more fits above the footer on this page.
    bool fits(double height) const;
    /// Breaks the page unless `height` fits.
    void ensure(double height);
    void advance(double height) { y_ += height; }
    void new_page();
    /// Ends the last page.
    void end();

    /// A section heading in both languages, kept with `keep_with` points of what follows.
    void heading(const std::string& zh, const std::string& en, double keep_with = 40);
    /// A paragraph; breaks the page before it when it does not fit.
    void paragraph(const std::string& text, const TextStyle& style = {}, double indent = 0);
    /// A label column and a value column (value may have several lines).
    void field(const std::string& label, const std::string& value, double label_width = 150);

private:
    void draw_header();
    void draw_footer();
    double bottom() const;

    PdfCanvas& canvas_;
    const CertificateContent& content_;
    int total_pages_;
    int page_ = 0;
    double y_ = 0;
};

} // namespace callab::lab
