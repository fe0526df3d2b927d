#include "certificate_text.hpp"
#include "pdf_error_chart.hpp"
#include "pdf_sections.hpp"
#include "pdf_table.hpp"

#include <callab/lab/certificate_pdf.hpp>
#include <callab/lab/errc.hpp>

#include <algorithm>

namespace callab::lab {
namespace pdf {
namespace {

namespace text = certificate_text;

void draw_standards(PdfFlow& flow, const CertificateContent& c) {
    flow.heading("所用计量标准", "Reference standards used");
    const std::vector<PdfTableColumn> columns{
        {"名称\nName", 0.24, TextAlign::left},
        {"型号 / 编号\nModel / serial no.", 0.16},
        {"证书编号 / 发证机构\nCertificate / issued by", 0.26, TextAlign::left},
        {"有效期至\nValid until", 0.12},
        {"不确定度或准确度等级\nU or accuracy class", 0.22},
    };
    std::vector<PdfTableRow> rows;
    for (const auto& s : c.reference_standards) {
        rows.push_back({lines(s.name), s.model + "\n" + s.serial,
                        s.certificate_number + "\n" + lines(s.issuer), text::iso_date(s.due_date),
                        s.characteristics});
    }
    draw_table(flow, columns, rows);
}

void draw_conditions(PdfFlow& flow, const CertificateContent& c) {
    const auto act = activity(c.kind);
    flow.heading(act.zh + "地点及环境条件", "Place and environmental conditions");
    flow.field("地点\nPlace", lines(c.place), 120);
    const auto range = [](const EnvironmentRange& r) {
        const auto unit = std::string(text::printed_unit(r.unit).value_or(""));
        if (r.minimum == r.maximum) {
            return text::shortest(r.minimum) + " " + unit;
        }
        return "(" + text::shortest(r.minimum) + " ~ " + text::shortest(r.maximum) + ") " + unit;
    };
    flow.field("温度\nTemperature", range(c.environment.temperature), 120);
    flow.field("相对湿度\nRelative humidity", range(c.environment.humidity), 120);
}

std::string uncertainty_cell(const ResultPoint& p, int decimals) {
    return text::fixed(p.expanded_uncertainty, decimals) +
           " (k=" + text::shortest(p.coverage_factor) + ")";
}

void draw_group(PdfFlow& flow, const ResultGroup& group) {
    const auto unit = std::string(text::printed_unit(group.unit).value_or(""));
    const std::string in_unit = unit.empty() ? std::string() : "\n(" + unit + ")";
    flow.ensure(60);
    flow.paragraph(group.quantity.zh + " / " + group.quantity.en, {8.5, true, TextAlign::left});
    const std::vector<PdfTableColumn> columns{
        {"标称值\nNominal" + in_unit, 0.11},    {"参考值\nReference" + in_unit, 0.11},
        {"示值\nIndication" + in_unit, 0.11},   {"示值误差\nError" + in_unit, 0.11},
        {"修正值\nCorrection" + in_unit, 0.11}, {"扩展不确定度\nU" + in_unit, 0.15},
        {"最大允许误差\nMPE" + in_unit, 0.12},  {"符合性\nConformity", 0.18},
    };
    std::vector<PdfTableRow> rows;
    rows.reserve(group.points.size());
    for (const auto& p : group.points) {
        const auto conformity = text::conformity_words(p.conformity);
        rows.push_back(
            {text::fixed(p.nominal, group.decimals), text::fixed(p.reference_value, group.decimals),
             text::fixed(p.indication, group.decimals), text::fixed(p.error, group.decimals),
             text::fixed(p.correction, group.decimals), uncertainty_cell(p, group.decimals),
             p.mpe ? "±" + text::shortest(*p.mpe) : std::string("—"),
             p.conformity == Conformity::not_stated ? std::string("—")
                                                    : conformity.zh + " " + conformity.en});
    }
    draw_table(flow, columns, rows);
    const bool same_p = std::all_of(group.points.begin(), group.points.end(), [&](const auto& p) {
        return p.coverage_probability == group.points.front().coverage_probability;
    });
    const auto p = same_p ? text::shortest(group.points.front().coverage_probability * 100) + " %"
                          : std::string("见各点 / as stated per point");
    flow.paragraph("示值误差 = 示值 − 参考值；修正值 = −示值误差；U 为扩展不确定度，k 为包含因子，"
                   "包含概率约 " +
                       p +
                       "。\nError = indication − reference value; correction = "
                       "−error; U is the expanded uncertainty with coverage factor k, coverage "
                       "probability about " +
                       p + ".",
                   {7, false, TextAlign::left});
    draw_error_chart(flow, group);
}

bool any_conformity(const CertificateContent& c) {
    return std::any_of(c.results.begin(), c.results.end(), [](const ResultGroup& g) {
        return g.points.front().conformity != Conformity::not_stated;
    });
}

void draw_closing(PdfFlow& flow, const CertificateContent& c) {
    if (any_conformity(c)) {
        flow.heading("判定规则与符合性", "Decision rule and statement of conformity");
        flow.paragraph(lines(c.decision_rule));
        flow.paragraph(
            "各测试点的符合性见上表。\nThe conformity of each test point is stated in the "
            "results table above.");
    }
    if (c.recalibration_interval_requested && c.recalibration_interval_months) {
        const auto months = std::to_string(*c.recalibration_interval_months);
        flow.heading("复校时间间隔", "Recalibration interval");
        flow.paragraph("应委托方要求，建议复校时间间隔为 " + months +
                       " 个月。\nAt the customer's request, the recommended recalibration "
                       "interval is " +
                       months + " months.");
    }
    if (c.replaces_number) {
        flow.heading("证书修订", "Amendment");
        flow.paragraph("替代证书 Replaces certificate No. " + *c.replaces_number + "\n" +
                       lines(c.amendment_reason));
    }
    if (!c.remarks.empty()) {
        flow.heading("备注", "Remarks");
        flow.paragraph(lines(c.remarks));
    }
    flow.heading("声明", "Statements");
    flow.paragraph(validity_statement());
    flow.paragraph("证书真伪核验 Verification of this certificate: " + c.verification_url);
    flow.ensure(30);
    flow.advance(10);
    flow.advance(flow.canvas().text(flow.left(), flow.y(), flow.width(),
                                    "—— 以下空白 ——\nEnd of certificate",
                                    {9, true, TextAlign::center}));
}

} // namespace

void draw_body(PdfFlow& flow, const CertificateContent& c) {
    const auto act = activity(c.kind);
    flow.heading(act.zh + "依据", "Method");
    flow.paragraph(c.method.reference + " " + c.method.title.zh + "\n" + c.method.reference + " " +
                   c.method.title.en);
    flow.paragraph(c.method.deviations.empty()
                       ? std::string("偏离方法的情况：无\nDeviations from the method: none")
                       : "偏离方法的情况 Deviations from the method:\n" +
                             lines(c.method.deviations));
    draw_standards(flow, c);
    flow.heading("计量溯源性", "Metrological traceability");
    flow.paragraph(lines(c.traceability));
    draw_conditions(flow, c);
    flow.heading(act.zh + "结果", "Results", 80);
    for (const auto& group : c.results) {
        draw_group(flow, group);
    }
    draw_closing(flow, c);
}

} // namespace pdf

namespace {

/// Lays the certificate out once; returns the number of pages, or 0 when the QR code failed.
int lay_out(PdfCanvas& canvas, const CertificateContent& content, int total_pages) {
    PdfFlow flow(canvas, content, total_pages);
    flow.begin();
    if (!pdf::draw_cover(flow, content)) {
        return 0;
    }
    pdf::draw_body(flow, content);
    flow.end();
    return flow.page();
}

} // namespace

boost::system::result<std::string, CertificateError>
render_certificate_pdf(const CertificateContent& content) {
    if (auto checked = check_certificate_content(content); !checked) {
        return checked.error();
    }
    const std::string creation_date = certificate_text::iso_date(content.issue_date) + "T00:00:00Z";
    std::string pdf;
    int pages = 0;
    {
        PdfCanvas measuring(pdf, false, creation_date);
        pages = lay_out(measuring, content, 0);
    }
    if (pages == 0) {
        return CertificateError{errc::render_failed, "verification_url",
                                "cannot be encoded as a QR code"};
    }
    PdfCanvas drawing(pdf, true, creation_date);
    lay_out(drawing, content, pages);
    std::string why;
    if (!drawing.finish(why)) {
        return CertificateError{errc::render_failed, "pdf", "cairo failed: " + why};
    }
    return pdf;
}

} // namespace callab::lab
