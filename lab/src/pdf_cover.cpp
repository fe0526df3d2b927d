#include "certificate_text.hpp"
#include "pdf_qr_code.hpp"
#include "pdf_sections.hpp"

namespace callab::lab::pdf {
namespace {

namespace text = certificate_text;

constexpr double qr_size = 66;

std::string date_lines(std::chrono::year_month_day date) {
    return text::chinese_date(date) + "\n" + text::iso_date(date);
}

void draw_title(PdfFlow& flow, const CertificateContent& c) {
    const auto title = text::title(c.kind);
    PdfCanvas& canvas = flow.canvas();
    flow.advance(8);
    flow.advance(
        canvas.text(flow.left(), flow.y(), flow.width(), title.zh, {22, true, TextAlign::center}));
    flow.advance(
        canvas.text(flow.left(), flow.y(), flow.width(), title.en, {13, false, TextAlign::center}));
    flow.advance(6);
    if (c.replaces_number) {
        flow.paragraph("本证书替代证书 " + *c.replaces_number +
                           "，原证书自本证书发布之日起作废。\n" +
                           "This certificate replaces certificate No. " + *c.replaces_number +
                           ", which is withdrawn from the date of issue of this certificate.",
                       {8, true, TextAlign::center});
    }
}

void draw_item_fields(PdfFlow& flow, const CertificateContent& c) {
    const auto act = activity(c.kind);
    flow.field("委托方\nCustomer", lines(c.customer.name));
    flow.field("委托方地址\nCustomer address", lines(c.customer.address));
    flow.field("器具名称\nItem", lines(c.item.kind));
    if (!c.item.manufacturer.empty()) {
        flow.field("制造厂\nManufacturer", lines(c.item.manufacturer));
    }
    if (!c.item.model.empty()) {
        flow.field("型号规格\nModel", c.item.model);
    }
    if (!c.item.serial.empty()) {
        flow.field("出厂编号\nSerial number", c.item.serial);
    }
    for (const auto& id : c.item.identifications) {
        flow.field(lines(id.name), id.value);
    }
    if (!c.item.condition.empty()) {
        flow.field("器具状态\nCondition on receipt", lines(c.item.condition));
    }
    flow.field("接收日期\nDate of receipt", date_lines(c.receipt_date));
    std::string performed = date_lines(c.performance_begin);
    if (c.performance_end != c.performance_begin) {
        performed = text::chinese_date(c.performance_begin) + " 至 " +
                    text::chinese_date(c.performance_end) + "\n" +
                    text::iso_date(c.performance_begin) + " to " +
                    text::iso_date(c.performance_end);
    }
    flow.field(act.zh + "日期\nDate of " + act.en, performed);
    flow.field("发布日期\nDate of issue", date_lines(c.issue_date));
    flow.field(act.zh + "地点\nPlace of " + act.en, lines(c.place));
    flow.field(act.zh + "依据\nMethod", c.method.reference + " " + c.method.title.zh + "\n" +
                                            c.method.reference + " " + c.method.title.en);
    if (c.recalibration_interval_requested && c.recalibration_interval_months) {
        const auto months = std::to_string(*c.recalibration_interval_months);
        flow.field("复校时间间隔\nRecalibration interval",
                   months + " 个月（应委托方要求）\n" + months +
                       " months (at the customer's request)");
    }
}

void draw_people(PdfFlow& flow, const CertificateContent& c) {
    const auto act = activity(c.kind);
    const struct {
        std::string label;
        const CertificatePerson* person;
    } people[] = {
        {act.zh + "员\n" +
             (c.kind == CertificateKind::calibration ? "Calibrated by" : "Verified by"),
         &c.calibrator},
        {"核验员\nChecked by", &c.reviewer},
        {"批准人\nApproved by", &c.signatory},
    };
    flow.ensure(70);
    flow.advance(10);
    const double column = flow.width() / 3;
    double tallest = 0;
    for (std::size_t i = 0; i < 3; ++i) {
        const double x = flow.left() + column * static_cast<double>(i);
        std::string body = people[i].label + "\n\n" + lines(people[i].person->name);
        if (!people[i].person->title.empty()) {
            body += "\n" + lines(people[i].person->title);
        }
        tallest = std::max(tallest, flow.canvas().text(x, flow.y(), column - 10, body, {8.5}));
        flow.canvas().line(x, flow.y() + 33, x + column - 20, flow.y() + 33, 0.4);
    }
    flow.advance(tallest + 8);
}

void draw_laboratory(PdfFlow& flow, const CertificateContent& c) {
    std::string contact = lines(c.laboratory.name) + "\n" + lines(c.laboratory.address);
    if (!c.laboratory.phone.empty()) {
        contact += "\n电话 Tel. " + c.laboratory.phone;
    }
    if (!c.laboratory.email.empty()) {
        contact += "\n电子邮件 E-mail " + c.laboratory.email;
    }
    flow.field("实验室\nLaboratory", contact);
    if (!c.laboratory.accreditation.empty()) {
        flow.field("认可\nAccreditation", c.laboratory.accreditation);
    }
}

} // namespace

BilingualText activity(CertificateKind kind) {
    if (kind == CertificateKind::calibration) {
        return {"校准", "calibration"};
    }
    return {"检定", "verification"};
}

std::string lines(const BilingualText& t) {
    if (t.zh.empty() || t.en.empty()) {
        return t.zh + t.en;
    }
    return t.zh + "\n" + t.en;
}

std::string validity_statement() {
    return "本证书仅对被校对象有效。未经本实验室书面批准，不得部分复制本证书。\n"
           "The results relate only to the item calibrated. This certificate shall not be "
           "reproduced except in full without the written approval of the laboratory.";
}

bool draw_cover(PdfFlow& flow, const CertificateContent& c) {
    const double qr_x = flow.left() + flow.width() - qr_size;
    const double qr_y = flow.y();
    const bool encoded = draw_qr_code(flow.canvas(), qr_x, qr_y, qr_size, c.verification_url);
    flow.canvas().text(qr_x - 30, qr_y + qr_size + 2, qr_size + 30, "扫码核验\nScan to verify",
                       {6.5, false, TextAlign::right});
    draw_title(flow, c);
    flow.advance(std::max(0.0, qr_y + qr_size + 22 - flow.y()));
    draw_item_fields(flow, c);
    draw_people(flow, c);
    draw_laboratory(flow, c);
    flow.advance(6);
    flow.paragraph(validity_statement(), {7.5, false, TextAlign::left});
    flow.paragraph("核验地址 Verification: " + c.verification_url, {7, false, TextAlign::left});
    return encoded;
}

} // namespace callab::lab::pdf
