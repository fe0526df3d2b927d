#include <callab/lab/certificate_assembler.hpp>

#include <algorithm>
#include <cstdio>

namespace callab::lab {
namespace {

BilingualText same(const std::string& text) {
    return {text, text};
}

Outcome<CertificatePerson> person(UserStore& users, const std::optional<UserId>& id,
                                  std::string_view role) {
    if (!id) {
        return reject(errc::not_found, std::string(role) + ": the job has none");
    }
    const auto user = users.find_user(*id);
    if (!user) {
        return reject(errc::not_found,
                      std::string(role) + ": user " + id->to_string() + " not found");
    }
    const auto& name =
        user->data.display_name.empty() ? user->data.username : user->data.display_name;
    return CertificatePerson{same(name), {}};
}

} // namespace

BilingualText instrument_kind_text(InstrumentKind kind) {
    switch (kind) {
    case InstrumentKind::ir_forehead_thermometer:
        return {"红外额温计", "Infrared forehead thermometer"};
    case InstrumentKind::ir_ear_thermometer:
        return {"红外耳温计", "Infrared ear thermometer"};
    case InstrumentKind::radiation_thermometer:
        return {"辐射温度计", "Radiation thermometer"};
    case InstrumentKind::power_analyser:
        return {"功率分析仪", "Power analyser"};
    case InstrumentKind::energy_meter:
        return {"电能表", "Energy meter"};
    case InstrumentKind::other:
        break;
    }
    return {"测量仪器", "Measuring instrument"};
}

BilingualText decision_rule_text(DecisionRule rule, double guard_band_factor) {
    switch (rule) {
    case DecisionRule::simple_acceptance:
        return {"简单接受规则（ILAC-G8:09/2019 4.2.1）：测得误差在最大允许误差内即判为合格。",
                "Simple acceptance (ILAC-G8:09/2019 4.2.1): a point passes when its error is "
                "within the maximum permissible error."};
    case DecisionRule::guard_band: {
        char factor[32];
        std::snprintf(factor, sizeof factor, "%g", guard_band_factor);
        return {std::string("保护带规则（ILAC-G8:09/2019 4.2.2），w = ") + factor +
                    "·U：测得误差在最大允许误差减去 w 之内判为合格。",
                std::string("Guarded acceptance (ILAC-G8:09/2019 4.2.2) with w = ") + factor +
                    "·U: a point passes when its error is within the maximum permissible error "
                    "less w."};
    }
    case DecisionRule::non_binary:
        return {"非二元判定规则（ILAC-G8:09/2019 4.2.3）：合格、有条件合格、有条件不合格、不合格。",
                "Non-binary rule (ILAC-G8:09/2019 4.2.3): pass, conditional pass, conditional "
                "fail, fail."};
    }
    return {};
}

Outcome<CertificateContent> CertificateAssembler::assemble(JobId id, CertificateFacts facts) {
    const auto job = jobs_.find_job(id);
    if (!job) {
        return reject(errc::not_found, "job " + id.to_string() + ": not found");
    }
    const auto& spec = job->spec;
    const auto enterprise =
        spec.enterprise ? enterprises_.find_enterprise(*spec.enterprise) : std::nullopt;
    if (!enterprise) {
        return reject(errc::not_found, "job " + id.to_string() + ": customer enterprise not found");
    }
    const auto instrument =
        spec.instrument_id ? enterprises_.find_instrument(*spec.instrument_id) : std::nullopt;
    if (!instrument) {
        return reject(errc::not_found, "job " + id.to_string() + ": instrument not found");
    }
    const auto procedure =
        spec.procedure ? standards_.find_procedure(*spec.procedure) : std::nullopt;
    if (!procedure) {
        return reject(errc::not_found, "job " + id.to_string() + ": procedure not found");
    }
    const auto& p = procedure->data;
    const auto title = identity_.method_titles.find(p.method_reference);
    if (title == identity_.method_titles.end()) {
        return reject(errc::invalid_field,
                      "method_titles: no title configured for " + p.method_reference);
    }

    CertificateContent c;
    c.kind = p.certificate;
    c.issue_date = facts.issue_date;
    c.laboratory = identity_.laboratory;
    const auto& region = enterprise->data.region;
    c.customer = {same(enterprise->data.name), same(region),
                  region.substr(region.rfind('/') == std::string::npos ? 0 : region.rfind('/') + 1),
                  identity_.customer_country_code};
    c.item.kind = instrument_kind_text(instrument->data.kind);
    c.item.manufacturer = same(instrument->data.maker);
    c.item.model = instrument->data.model;
    c.item.serial = instrument->data.serial;
    c.item.condition = facts.item_condition;
    c.receipt_date = facts.receipt_date;
    c.performance_begin = facts.performance_begin;
    c.performance_end = facts.performance_end;
    c.location = identity_.location;
    c.place = identity_.place;
    c.environment = facts.environment;
    c.method = {p.method_reference, title->second, {}};

    std::vector<StandardId> seen;
    for (const auto& use : jobs_.standards_used(id)) {
        if (std::find(seen.begin(), seen.end(), use.standard) != seen.end()) {
            continue;
        }
        seen.push_back(use.standard);
        const auto standard = standards_.find_standard(use.standard);
        const auto certificate = standards_.latest_certificate(use.standard);
        if (!standard || !certificate) {
            return reject(errc::not_found, "standard " + use.standard.to_string() +
                                               ": the standard or its certificate not found");
        }
        c.reference_standards.push_back({same(standard->data.name), standard->data.model,
                                         standard->data.serial, certificate->number,
                                         same(certificate->issuer), certificate->due_on,
                                         certificate->uncertainty});
    }
    c.traceability = identity_.traceability;
    c.results = std::move(facts.results);
    c.decision_rule = decision_rule_text(p.decision_rule, p.guard_band_factor);
    auto calibrator = person(users_, spec.technician, "calibrator");
    auto reviewer = person(users_, job->reviewer, "reviewer");
    auto signatory = person(users_, job->approver, "signatory");
    for (auto* who : {&calibrator, &reviewer, &signatory}) {
        if (!*who) {
            return who->error();
        }
    }
    c.calibrator = *calibrator;
    c.reviewer = *reviewer;
    c.signatory = *signatory;
    c.remarks = facts.remarks;
    return c;
}

} // namespace callab::lab
