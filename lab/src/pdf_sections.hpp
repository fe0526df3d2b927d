// The parts of the certificate PDF, drawn into a PdfFlow by render_certificate_pdf().
#pragma once

#include "pdf_flow.hpp"

#include <callab/lab/certificate_content.hpp>

#include <string>

namespace callab::lab::pdf {

/// 校准 / calibration or 检定 / verification, for labels such as "校准日期 Date of …".
BilingualText activity(CertificateKind kind);

/// "zh\nen" for a two-line cell or value.
std::string lines(const BilingualText& text);

/// The opening: title, QR code, customer, item, dates, place, people, laboratory,
/// statements.
/// False when the QR code cannot be encoded.
bool draw_cover(PdfFlow& flow, const CertificateContent& content);

/// What follows: method, standards, traceability, conditions, results, decision rule,
/// interval, amendment, remarks, statements and the end mark.
void draw_body(PdfFlow& flow, const CertificateContent& content);

/// The two statements every certificate carries (§7.8.2.1 l and the NOTE on copying).
std::string validity_statement();

} // namespace callab::lab::pdf
