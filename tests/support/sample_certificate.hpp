// A complete IR forehead thermometer certificate (JJF 1107-2003, three blackbody points) for
// the certificate tests and benchmarks. The names and numbers are made up.
#pragma once

#include <callab/lab/certificate_content.hpp>

#include <chrono>
#include <cstddef>

namespace callab::test {

inline lab::CertificateContent sample_certificate() {
    using namespace std::chrono;
    lab::CertificateContent c;
    c.number = "CAL-2026-000123";
    c.kind = lab::CertificateKind::calibration;
    c.issue_date = 2026y / March / 7d;
    c.laboratory = {{"示例计量测试研究院", "Example Institute of Metrology"},
                    {"杭州市示例路 1 号", "1 Example Road, Hangzhou"},
                    "Hangzhou",
                    "CN",
                    "CNAS L0000",
                    "+86 571 0000 0000",
                    "lab@example.org"};
    c.customer = {{"示例医疗器械有限公司", "Example Medical Devices Co., Ltd."},
                  {"宁波市示例街 8 号", "8 Example Street, Ningbo"},
                  "Ningbo",
                  "CN"};
    c.item.kind = {"红外额温计", "Infrared forehead thermometer"};
    c.item.manufacturer = {"示例电子有限公司", "Example Electronics Ltd."};
    c.item.model = "IRT-100";
    c.item.serial = "SN20240815001";
    c.item.identifications = {
        {lab::IdentificationIssuer::customer, "ZC-0042", {"管理编号", "Asset no."}}};
    c.item.condition = {"外观完好，功能正常", "No visible damage, working"};
    c.receipt_date = 2026y / March / 3d;
    c.performance_begin = 2026y / March / 5d;
    c.performance_end = 2026y / March / 5d;
    c.location = lab::PerformanceLocation::laboratory;
    c.place = {"本院温度实验室 201 室", "Temperature laboratory, room 201"};
    c.environment = {{22.6, 23.4, R"(\degreecelsius)"}, {42, 48, R"(\percent)"}};
    c.method = {"JJF 1107-2003",
                {"测量人体温度的红外温度计校准规范",
                 "Calibration Specification for Infrared Thermometers Measuring Human Body "
                 "Temperature"},
                {}};
    c.reference_standards = {
        {{"恒温水浴黑体辐射源", "Water-bath blackbody source"},
         "BB-3545",
         "BB0917",
         "RD2025-0311",
         {"浙江省计量科学研究院", "Zhejiang Institute of Metrology"},
         2027y / January / 15d,
         "U = 0.04 ℃ (k=2)"},
        {{"标准铂电阻温度计", "Standard platinum resistance thermometer"},
         "WZPB-2",
         "SPRT-07",
         "WD2025-1188",
         {"中国计量科学研究院", "National Institute of Metrology, China"},
         2026y / November / 30d,
         "二等 / second class"},
    };
    c.traceability = {"测量结果通过本院计量标准溯源至国家温度计量基准（SI 单位开尔文）。",
                      "The results are traceable to the national temperature standard (SI unit "
                      "kelvin) through the laboratory's reference standards."};
    lab::ResultGroup group;
    group.quantity = {"示值误差", "Error of indication"};
    group.unit = R"(\degreecelsius)";
    group.decimals = 2;
    const double nominal[] = {35.0, 37.0, 39.0};
    const double reference[] = {35.03, 37.02, 38.98};
    const double indication[] = {35.12, 37.10, 38.91};
    const double uncertainty[] = {0.07, 0.07, 0.08};
    for (std::size_t i = 0; i < 3; ++i) {
        lab::ResultPoint p;
        p.nominal = nominal[i];
        p.reference_value = reference[i];
        p.indication = indication[i];
        p.error = indication[i] - reference[i];
        p.correction = -p.error;
        p.expanded_uncertainty = uncertainty[i];
        p.coverage_factor = 2;
        p.coverage_probability = 0.95;
        p.mpe = 0.2;
        p.conformity = lab::Conformity::pass;
        group.points.push_back(p);
    }
    c.results = {group};
    c.decision_rule = {
        "带保护带的二元判定（ILAC-G8 4.2.2），保护带 w = U：|E| + U ≤ MPE 判为符合。",
        "Binary statement with guard band (ILAC-G8 4.2.2), w = U: pass if "
        "|E| + U ≤ MPE."};
    c.calibrator = {{"张三", "ZHANG San"}, {}};
    c.reviewer = {{"王五", "WANG Wu"}, {}};
    c.signatory = {{"李四", "LI Si"}, {"技术负责人", "Technical manager"}};
    c.remarks = {};
    c.verification_url = "https://lab.example.org/verify/CAL-2026-000123";
    return c;
}

/// The sample with `points` test points in its one results group (for page breaks).
inline lab::CertificateContent sample_certificate_with_points(std::size_t points) {
    auto c = sample_certificate();
    auto& group = c.results.front();
    const auto first = group.points.front();
    group.points.clear();
    for (std::size_t i = 0; i < points; ++i) {
        auto p = first;
        p.nominal = 30.0 + 0.25 * static_cast<double>(i);
        p.reference_value = p.nominal + 0.01;
        p.indication = p.nominal + 0.05 + 0.01 * static_cast<double>(i % 7);
        p.error = p.indication - p.reference_value;
        p.correction = -p.error;
        group.points.push_back(p);
    }
    return c;
}

} // namespace callab::test
