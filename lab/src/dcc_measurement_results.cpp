#include "certificate_text.hpp"
#include "dcc_sections.hpp"

#include <functional>

namespace callab::lab::dcc {
namespace {

namespace text = certificate_text;

void write_method(XmlBuilder& xml, const CertificateMethod& method) {
    xml.open("dcc:usedMethods");
    xml.open("dcc:usedMethod", {{"refType", "basic_calibrationMethod"}});
    xml.bilingual("dcc:name", method.title);
    if (!method.deviations.empty()) {
        xml.bilingual("dcc:description", method.deviations);
    }
    xml.element("dcc:norm", trimmed(method.reference));
    xml.close();
    xml.open("dcc:usedMethod", {{"refType", "basic_uncertainty"}});
    xml.bilingual("dcc:name", {"测量不确定度评定", "Evaluation of measurement uncertainty"});
    xml.bilingual("dcc:description",
                  {"扩展不确定度 U 为合成标准不确定度与包含因子 k 之积，按 JJF 1059.1 评定。",
                   "The expanded uncertainty U is the combined standard uncertainty multiplied "
                   "by the coverage factor k, evaluated according to the GUM (JCGM 100:2008)."});
    xml.element("dcc:norm", "JJF 1059.1-2012");
    xml.element("dcc:norm", "JCGM 100:2008");
    xml.close();
    xml.close();
}

void write_standard(XmlBuilder& xml, const ReferenceStandardUsed& s) {
    xml.open("dcc:measuringEquipment", {{"refType", "basic_normalUsed"}});
    xml.bilingual("dcc:name", s.name);
    const auto due = text::iso_date(s.due_date);
    xml.bilingual("dcc:description",
                  {"证书编号 " + s.certificate_number + "，" + s.issuer.zh + "出具，有效期至 " +
                       due + "；" + s.characteristics,
                   "Certificate " + s.certificate_number + " issued by " + s.issuer.en +
                       ", valid until " + due + "; " + s.characteristics});
    if (!trimmed(s.model).empty()) {
        xml.element("dcc:model", trimmed(s.model));
    }
    xml.open("dcc:identifications");
    if (!trimmed(s.serial).empty()) {
        xml.open("dcc:identification", {{"refType", "basic_serialNumber"}});
        xml.element("dcc:issuer", "manufacturer");
        xml.element("dcc:value", trimmed(s.serial));
        xml.bilingual("dcc:name", {"出厂编号", "Serial no."});
        xml.close();
    }
    xml.open("dcc:identification", {{"refType", "basic_certificateNumber"}});
    xml.element("dcc:issuer", "other");
    xml.element("dcc:value", trimmed(s.certificate_number));
    xml.bilingual("dcc:name", {"校准/检定证书编号", "Certificate no."});
    xml.close();
    xml.close();
    xml.close();
}

void write_range(XmlBuilder& xml, std::string_view ref_type, const BilingualText& name,
                 const EnvironmentRange& range) {
    xml.open("dcc:influenceCondition", {{"refType", ref_type}});
    xml.bilingual("dcc:name", name);
    xml.open("dcc:data");
    const std::string min_type = std::string(ref_type) + "Min";
    const std::string max_type = std::string(ref_type) + "Max";
    for (const auto& [type, label, value] :
         {std::tuple{std::string_view(min_type), BilingualText{"最低", "Minimum"}, range.minimum},
          std::tuple{std::string_view(max_type), BilingualText{"最高", "Maximum"},
                     range.maximum}}) {
        xml.open("dcc:quantity", {{"refType", type}});
        xml.bilingual("dcc:name", label);
        xml.open("si:real");
        xml.element("si:value", text::shortest(value));
        xml.element("si:unit", range.unit);
        xml.close();
        xml.close();
    }
    xml.close();
    xml.close();
}

void write_environment(XmlBuilder& xml, const CertificateEnvironment& environment) {
    xml.open("dcc:influenceConditions");
    write_range(xml, "basic_temperature", {"环境温度", "Ambient temperature"},
                environment.temperature);
    write_range(xml, "basic_humidityRelative", {"环境相对湿度", "Ambient relative humidity"},
                environment.humidity);
    xml.close();
}

std::string joined(const ResultGroup& group,
                   const std::function<std::string(const ResultPoint&)>& field_of) {
    std::string out;
    for (const auto& point : group.points) {
        if (!out.empty()) {
            out += ' ';
        }
        out += field_of(point);
    }
    return out;
}

std::string joined_values(const ResultGroup& group, double ResultPoint::*member) {
    return joined(group,
                  [&](const ResultPoint& p) { return text::fixed(p.*member, group.decimals); });
}

void write_list_quantity(XmlBuilder& xml, std::string_view ref_type, const BilingualText& name,
                         const ResultGroup& group, double ResultPoint::*member) {
    if (ref_type.empty()) {
        xml.open("dcc:quantity");
    } else {
        xml.open("dcc:quantity", {{"refType", ref_type}});
    }
    xml.bilingual("dcc:name", name);
    xml.open("si:realListXMLList");
    xml.element("si:valueXMLList", joined_values(group, member));
    xml.element("si:unitXMLList", group.unit);
    xml.close();
    xml.close();
}

void write_limits(XmlBuilder& xml, const ResultGroup& group) {
    for (const auto& [type, name, sign] :
         {std::tuple{"basic_acceptanceLimitLower",
                     BilingualText{"最大允许误差下限", "Lower limit (−MPE)"}, -1.0},
          std::tuple{"basic_acceptanceLimitUpper",
                     BilingualText{"最大允许误差上限", "Upper limit (+MPE)"}, 1.0}}) {
        xml.open("dcc:quantity", {{"refType", type}});
        xml.bilingual("dcc:name", name);
        xml.open("si:realListXMLList");
        // A named copy: lambdas may not capture structured bindings under clang 14.
        const double limit_sign = sign;
        xml.element("si:valueXMLList", joined(group, [limit_sign](const ResultPoint& p) {
                        return text::shortest(limit_sign * p.mpe.value_or(0.0));
                    }));
        xml.element("si:unitXMLList", group.unit);
        xml.close();
        xml.close();
    }
}

void write_error(XmlBuilder& xml, const ResultGroup& group, const BilingualText& decision_rule) {
    xml.open("dcc:quantity", {{"refType", "basic_measurementError"}});
    xml.bilingual("dcc:name",
                  {"示值误差（示值 − 参考值）", "Error of indication (indicated − reference)"});
    xml.open("si:realListXMLList");
    xml.element("si:valueXMLList", joined_values(group, &ResultPoint::error));
    xml.element("si:unitXMLList", group.unit);
    xml.open("si:measurementUncertaintyUnivariateXMLList");
    xml.open("si:expandedMUXMLList");
    xml.element("si:valueExpandedMUXMLList",
                joined_values(group, &ResultPoint::expanded_uncertainty));
    xml.element("si:coverageFactorXMLList", joined(group, [](const ResultPoint& p) {
                    return text::shortest(p.coverage_factor);
                }));
    xml.element("si:coverageProbabilityXMLList", joined(group, [](const ResultPoint& p) {
                    return text::shortest(p.coverage_probability);
                }));
    xml.element("si:distributionXMLList", "normal");
    xml.close();
    xml.close();
    xml.close();
    if (group.points.front().conformity != Conformity::not_stated) {
        xml.open("dcc:measurementMetaData");
        xml.open("dcc:metaData", {{"refType", "basic_conformity"}});
        xml.bilingual("dcc:declaration", decision_rule);
        xml.element("dcc:conformityXMLList", joined(group, [](const ResultPoint& p) {
                        return std::string(text::conformity_dcc(p.conformity));
                    }));
        xml.open("dcc:data");
        write_limits(xml, group);
        xml.close();
        xml.close();
        xml.close();
    }
    xml.close();
}

void write_group(XmlBuilder& xml, const ResultGroup& group, const BilingualText& decision_rule) {
    xml.open("dcc:result");
    xml.bilingual("dcc:name", group.quantity);
    xml.open("dcc:data");
    xml.open("dcc:list");
    write_list_quantity(xml, "basic_nominalValue", {"标称值", "Nominal value"}, group,
                        &ResultPoint::nominal);
    write_list_quantity(xml, "basic_referenceValue", {"参考值", "Reference value"}, group,
                        &ResultPoint::reference_value);
    write_list_quantity(xml, "basic_measuredValue", {"被校器具示值", "Indicated value"}, group,
                        &ResultPoint::indication);
    write_error(xml, group, decision_rule);
    write_list_quantity(xml, "basic_correction", {"修正值", "Correction"}, group,
                        &ResultPoint::correction);
    xml.close();
    xml.close();
    xml.close();
}

} // namespace

void write_measurement_results(XmlBuilder& xml, const CertificateContent& c) {
    xml.open("dcc:measurementResults");
    xml.open("dcc:measurementResult");
    xml.bilingual("dcc:name", c.kind == CertificateKind::calibration
                                  ? BilingualText{"校准结果", "Calibration results"}
                                  : BilingualText{"检定结果", "Verification results"});
    write_method(xml, c.method);
    xml.open("dcc:measuringEquipments");
    for (const auto& standard : c.reference_standards) {
        write_standard(xml, standard);
    }
    xml.close();
    write_environment(xml, c.environment);
    xml.open("dcc:results");
    for (const auto& group : c.results) {
        write_group(xml, group, c.decision_rule);
    }
    xml.close();
    xml.close();
    xml.close();
}

} // namespace callab::lab::dcc
