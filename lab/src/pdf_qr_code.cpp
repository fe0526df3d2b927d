#include "pdf_qr_code.hpp"

#include <memory>
#include <qrencode.h>

namespace callab::lab {
namespace {

struct QrDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

} // namespace

bool draw_qr_code(PdfCanvas& canvas, double x, double y, double size, const std::string& text) {
    std::unique_ptr<QRcode, QrDeleter> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) {
        return false;
    }
    if (!canvas.drawing()) {
        return true;
    }
    const int modules = code->width;
    const double module = size / modules;
    cairo_t* cr = canvas.cairo();
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int row = 0; row < modules; ++row) {
        for (int column = 0; column < modules; ++column) {
            if (code->data[row * modules + column] & 1) {
                cairo_rectangle(cr, x + column * module, y + row * module, module, module);
            }
        }
    }
    cairo_fill(cr);
    cairo_restore(cr);
    return true;
}

} // namespace callab::lab
