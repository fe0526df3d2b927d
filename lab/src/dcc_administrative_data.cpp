#include "certificate_text.hpp"
#include "dcc_sections.hpp"

#include <callab/version.hpp>

#include <algorithm>

namespace callab::lab::dcc {
namespace {

namespace text = certificate_text;

void write_software(XmlBuilder& xml) {
    xml.open("dcc:dccSoftware");
    xml.open("dcc:software");
    xml.bilingual("dcc:name", {"callab 校准实验室管理系统", "callab calibration laboratory"});
    xml.element("dcc:release", callab::version);
    xml.element("dcc:type", "application");
    xml.close();
    xml.close();
    xml.open("dcc:refTypeDefinitions");
    xml.open("dcc:refTypeDefinition");
    xml.bilingual("dcc:name", {"通用 refType 命名空间", "Namespace for cross-community refTypes"});
    xml.element("dcc:namespace", "basic");
    xml.element("dcc:link", "https://digilab.ptb.de/dkd/refType/vocab/index.php?tema=2");
    xml.close();
    xml.close();
}

void write_core_data(XmlBuilder& xml, const CertificateContent& c) {
    xml.open("dcc:coreData");
    xml.element("dcc:countryCodeISO3166_1", c.laboratory.country_code);
    xml.element("dcc:usedLangCodeISO639_1", "zh");
    xml.element("dcc:usedLangCodeISO639_1", "en");
    xml.element("dcc:mandatoryLangCodeISO639_1", "zh");
    xml.element("dcc:uniqueIdentifier", trimmed(c.number));
    xml.element("dcc:receiptDate", text::iso_date(c.receipt_date));
    xml.element("dcc:beginPerformanceDate", text::iso_date(c.performance_begin));
    xml.element("dcc:endPerformanceDate", text::iso_date(c.performance_end));
    xml.element("dcc:performanceLocation", text::location_dcc(c.location));
    xml.element("dcc:issueDate", text::iso_date(c.issue_date));
    if (c.replaces_number) {
        xml.open("dcc:reportAmendedSubstituted");
        xml.element("dcc:typeOfChange", "substituted");
        xml.element("dcc:replacedUniqueIdentifier", trimmed(*c.replaces_number));
        xml.close();
    }
    xml.close();
}

void write_identification(XmlBuilder& xml, std::string_view issuer, std::string_view value,
                          const BilingualText& name, std::string_view ref_type = {}) {
    if (ref_type.empty()) {
        xml.open("dcc:identification");
    } else {
        xml.open("dcc:identification", {{"refType", ref_type}});
    }
    xml.element("dcc:issuer", issuer);
    xml.element("dcc:value", trimmed(value));
    xml.bilingual("dcc:name", name);
    xml.close();
}

void write_item(XmlBuilder& xml, const CertificateItem& item) {
    xml.open("dcc:items");
    xml.open("dcc:item");
    xml.bilingual("dcc:name", item.kind);
    if (!item.condition.empty()) {
        xml.bilingual("dcc:description", item.condition);
    }
    if (!item.manufacturer.empty()) {
        xml.open("dcc:manufacturer");
        xml.bilingual("dcc:name", item.manufacturer);
        xml.close();
    }
    if (!trimmed(item.model).empty()) {
        xml.element("dcc:model", trimmed(item.model));
    }
    xml.open("dcc:identifications");
    if (!trimmed(item.serial).empty()) {
        write_identification(xml, "manufacturer", item.serial, {"出厂编号", "Serial no."},
                             "basic_serialNumber");
    }
    for (const auto& id : item.identifications) {
        write_identification(xml, text::issuer_dcc(id.issuer), id.value, id.name);
    }
    xml.close();
    xml.close();
    xml.close();
}

void write_laboratory(XmlBuilder& xml, const CertificateLaboratory& lab) {
    xml.open("dcc:calibrationLaboratory");
    if (!trimmed(lab.accreditation).empty()) {
        xml.element("dcc:calibrationLaboratoryCode", trimmed(lab.accreditation));
    }
    xml.open("dcc:contact");
    xml.bilingual("dcc:name", lab.name);
    if (!trimmed(lab.email).empty()) {
        xml.element("dcc:eMail", trimmed(lab.email));
    }
    if (!trimmed(lab.phone).empty()) {
        xml.element("dcc:phone", trimmed(lab.phone));
    }
    write_location(xml, lab.city, lab.country_code, lab.address);
    xml.close();
    xml.close();
}

void write_person(XmlBuilder& xml, const CertificatePerson& person, std::string_view role,
                  bool main_signer) {
    xml.open("dcc:respPerson");
    xml.open("dcc:person");
    xml.bilingual("dcc:name", person.name);
    xml.close();
    if (!person.title.empty()) {
        xml.bilingual("dcc:description", person.title);
    }
    xml.element("dcc:role", role);
    if (main_signer) {
        xml.element("dcc:mainSigner", "true");
    }
    xml.close();
}

void write_customer(XmlBuilder& xml, std::string_view element, const CertificateCustomer& c) {
    xml.open(element);
    xml.bilingual("dcc:name", c.name);
    write_location(xml, c.city, c.country_code, c.address);
    xml.close();
}

void write_statement(XmlBuilder& xml, const BilingualText& declaration,
                     std::string_view ref_type = {}, std::string_view norm = {}) {
    if (ref_type.empty()) {
        xml.open("dcc:statement");
    } else {
        xml.open("dcc:statement", {{"refType", ref_type}});
    }
    if (!norm.empty()) {
        xml.element("dcc:norm", norm);
    }
    xml.bilingual("dcc:declaration", declaration);
    xml.close();
}

/// The most severe statement over all points: fail > conditional fail > conditional pass.
Conformity overall_conformity(const CertificateContent& c) {
    auto severity = [](Conformity v) {
        switch (v) {
        case Conformity::fail:
            return 4;
        case Conformity::conditional_fail:
            return 3;
        case Conformity::conditional_pass:
            return 2;
        case Conformity::pass:
            return 1;
        case Conformity::not_stated:
            return 0;
        }
        return 0;
    };
    Conformity worst = Conformity::not_stated;
    for (const auto& group : c.results) {
        for (const auto& point : group.points) {
            if (severity(point.conformity) > severity(worst)) {
                worst = point.conformity;
            }
        }
    }
    return worst;
}

void write_statements(XmlBuilder& xml, const CertificateContent& c) {
    xml.open("dcc:statements");
    write_statement(xml,
                    {"本证书仅对被校对象有效，校准结果仅反映校准时的状态。",
                     "The results relate only to the item calibrated, at the time of calibration."},
                    {}, "ISO/IEC 17025:2017");
    write_statement(xml, {"未经本实验室书面批准，不得部分复制本证书。",
                          "This certificate shall not be reproduced except in full without the "
                          "written approval of the laboratory."});
    xml.open("dcc:statement", {{"refType", "basic_traceability"}});
    xml.element("dcc:traceable", "true");
    xml.bilingual("dcc:declaration", c.traceability);
    xml.close();
    if (const auto overall = overall_conformity(c); overall != Conformity::not_stated) {
        xml.open("dcc:statement", {{"refType", "basic_conformity"}});
        xml.element("dcc:norm", "ILAC-G8:09/2019");
        xml.bilingual("dcc:declaration", c.decision_rule);
        xml.element("dcc:conformity", text::conformity_dcc(overall));
        xml.close();
    }
    if (c.recalibration_interval_requested && c.recalibration_interval_months) {
        const auto months = std::to_string(*c.recalibration_interval_months);
        xml.open("dcc:statement", {{"refType", "basic_recalibration"}});
        xml.bilingual("dcc:declaration",
                      {"应委托方要求给出的复校时间间隔：" + months + " 个月。",
                       "Recalibration interval requested by the customer: " + months + " months."});
        xml.element("dcc:period", "P" + months + "M");
        write_customer(xml, "dcc:respAuthority", c.customer);
        xml.close();
    }
    if (c.replaces_number) {
        write_statement(xml, c.amendment_reason, "basic_amendment");
    }
    if (!c.method.deviations.empty()) {
        write_statement(xml, c.method.deviations, "basic_methodDeviation");
    }
    if (!c.remarks.empty()) {
        write_statement(xml, c.remarks, "basic_remark");
    }
    xml.close();
}

} // namespace

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

void write_location(XmlBuilder& xml, const std::string& city, const std::string& country_code,
                    const BilingualText& address) {
    xml.open("dcc:location");
    xml.element("dcc:city", trimmed(city));
    xml.element("dcc:countryCode", country_code);
    if (!address.empty()) {
        xml.bilingual("dcc:further", address);
    }
    xml.close();
}

void write_administrative_data(XmlBuilder& xml, const CertificateContent& c) {
    xml.open("dcc:administrativeData");
    write_software(xml);
    write_core_data(xml, c);
    write_item(xml, c.item);
    write_laboratory(xml, c.laboratory);
    xml.open("dcc:respPersons");
    write_person(xml, c.calibrator, "校准员 / Calibrated by", false);
    write_person(xml, c.reviewer, "核验员 / Checked by", false);
    write_person(xml, c.signatory, "批准人 / Approved by", true);
    xml.close();
    write_customer(xml, "dcc:customer", c.customer);
    write_statements(xml, c);
    xml.close();
}

} // namespace callab::lab::dcc
