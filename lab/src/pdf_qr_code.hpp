// The verification address as a QR code (libqrencode), drawn as filled squares.
#pragma once

#include "pdf_canvas.hpp"

#include <string>

namespace callab::lab {

/// Draws `text` as a QR code (error correction level M) in a `size` square at (x, y).
/// False when libqrencode cannot encode it (e.g. too long).
bool draw_qr_code(PdfCanvas& canvas, double x, double y, double size, const std::string& text);

} // namespace callab::lab
