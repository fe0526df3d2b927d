#include "certificate_json.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <string_view>

namespace callab::app {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& path, const std::string& cause) {
    throw CertificateJsonError(path + ": " + cause);
}

std::string at(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

/// The object at `path`, with no key outside `allowed`.
const json& object(const json& value, const std::string& path,
                   std::initializer_list<std::string_view> allowed) {
    if (!value.is_object()) {
        fail(path.empty() ? "document" : path, "expected an object");
    }
    for (const auto& [key, unused] : value.items()) {
        bool known = false;
        for (auto name : allowed) {
            known |= key == name;
        }
        if (!known) {
            fail(at(path, key), "is not a field of the certificate content");
        }
    }
    return value;
}

const json* member(const json& parent, std::string_view key) {
    const auto found = parent.find(std::string(key));
    return found == parent.end() || found->is_null() ? nullptr : &*found;
}

const json& required(const json& parent, const std::string& path, std::string_view key) {
    const json* value = member(parent, key);
    if (value == nullptr) {
        fail(at(path, key), "is missing");
    }
    return *value;
}

std::string text(const json& parent, const std::string& path, std::string_view key,
                 bool is_required = true) {
    const json* value = member(parent, key);
    if (value == nullptr) {
        if (is_required) {
            fail(at(path, key), "is missing");
        }
        return {};
    }
    if (!value->is_string()) {
        fail(at(path, key), "expected a string");
    }
    return value->get<std::string>();
}

double number(const json& parent, const std::string& path, std::string_view key) {
    const json& value = required(parent, path, key);
    if (!value.is_number()) {
        fail(at(path, key), "expected a number");
    }
    return value.get<double>();
}

lab::BilingualText bilingual(const json& parent, const std::string& path, std::string_view key,
                             bool is_required = true) {
    const json* value = member(parent, key);
    if (value == nullptr) {
        if (is_required) {
            fail(at(path, key), "is missing");
        }
        return {};
    }
    const auto here = at(path, key);
    object(*value, here, {"zh", "en"});
    return {text(*value, here, "zh", false), text(*value, here, "en", false)};
}

std::chrono::year_month_day date(const json& parent, const std::string& path,
                                 std::string_view key) {
    const auto value = text(parent, path, key);
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    char tail = 0;
    if (value.size() != 10 || std::sscanf(value.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
        fail(at(path, key), "expected a date YYYY-MM-DD, got \"" + value + "\"");
    }
    const std::chrono::year_month_day parsed{std::chrono::year{y}, std::chrono::month{m},
                                             std::chrono::day{d}};
    if (!parsed.ok()) {
        fail(at(path, key), "is not a calendar date (" + value + ")");
    }
    return parsed;
}

template <typename Enum>
Enum choice(const json& parent, const std::string& path, std::string_view key,
            std::initializer_list<std::pair<std::string_view, Enum>> names, bool is_required,
            Enum fallback) {
    const json* value = member(parent, key);
    if (value == nullptr && !is_required) {
        return fallback;
    }
    const auto name = text(parent, path, key);
    std::string known;
    for (const auto& [candidate, result] : names) {
        if (name == candidate) {
            return result;
        }
        known += (known.empty() ? "" : ", ") + std::string(candidate);
    }
    fail(at(path, key), "is \"" + name + "\", expected one of " + known);
}

template <typename T, typename Read>
std::vector<T> array(const json& parent, const std::string& path, std::string_view key,
                     bool is_required, Read read) {
    const json* value = member(parent, key);
    if (value == nullptr) {
        if (is_required) {
            fail(at(path, key), "is missing");
        }
        return {};
    }
    if (!value->is_array()) {
        fail(at(path, key), "expected an array");
    }
    std::vector<T> out;
    for (std::size_t i = 0; i < value->size(); ++i) {
        out.push_back(read((*value)[i], at(path, key) + "[" + std::to_string(i) + "]"));
    }
    return out;
}

lab::EnvironmentRange range(const json& parent, const std::string& path, std::string_view key) {
    const auto here = at(path, key);
    const json& value = object(required(parent, path, key), here, {"minimum", "maximum", "unit"});
    return {number(value, here, "minimum"), number(value, here, "maximum"),
            text(value, here, "unit")};
}

lab::CertificatePerson person(const json& parent, const std::string& path, std::string_view key) {
    const auto here = at(path, key);
    const json& value = object(required(parent, path, key), here, {"name", "title"});
    return {bilingual(value, here, "name"), bilingual(value, here, "title", false)};
}

lab::ItemIdentification identification(const json& value, const std::string& path) {
    object(value, path, {"issuer", "value", "name"});
    using I = lab::IdentificationIssuer;
    return {choice<I>(value, path, "issuer",
                      {{"manufacturer", I::manufacturer},
                       {"calibration_laboratory", I::calibration_laboratory},
                       {"customer", I::customer},
                       {"owner", I::owner},
                       {"other", I::other}},
                      true, I::other),
            text(value, path, "value"), bilingual(value, path, "name")};
}

lab::ReferenceStandardUsed standard(const json& value, const std::string& path) {
    object(
        value, path,
        {"name", "model", "serial", "certificate_number", "issuer", "due_date", "characteristics"});
    return {bilingual(value, path, "name"),      text(value, path, "model", false),
            text(value, path, "serial", false),  text(value, path, "certificate_number"),
            bilingual(value, path, "issuer"),    date(value, path, "due_date"),
            text(value, path, "characteristics")};
}

lab::ResultPoint point(const json& value, const std::string& path) {
    object(value, path,
           {"nominal", "reference_value", "indication", "error", "correction",
            "expanded_uncertainty", "coverage_factor", "coverage_probability", "mpe",
            "conformity"});
    lab::ResultPoint p;
    p.nominal = number(value, path, "nominal");
    p.reference_value = number(value, path, "reference_value");
    p.indication = number(value, path, "indication");
    p.error = number(value, path, "error");
    p.correction = number(value, path, "correction");
    p.expanded_uncertainty = number(value, path, "expanded_uncertainty");
    p.coverage_factor = number(value, path, "coverage_factor");
    p.coverage_probability = number(value, path, "coverage_probability");
    if (member(value, "mpe") != nullptr) {
        p.mpe = number(value, path, "mpe");
    }
    using C = lab::Conformity;
    p.conformity = choice<C>(value, path, "conformity",
                             {{"not_stated", C::not_stated},
                              {"pass", C::pass},
                              {"fail", C::fail},
                              {"conditional_pass", C::conditional_pass},
                              {"conditional_fail", C::conditional_fail}},
                             false, C::not_stated);
    return p;
}

lab::ResultGroup group(const json& value, const std::string& path) {
    object(value, path, {"quantity", "unit", "decimals", "points"});
    lab::ResultGroup g;
    g.quantity = bilingual(value, path, "quantity");
    g.unit = text(value, path, "unit");
    if (member(value, "decimals") != nullptr) {
        if (!value["decimals"].is_number_integer()) {
            fail(at(path, "decimals"), "expected an integer");
        }
        g.decimals = value["decimals"].get<int>();
    }
    g.points = array<lab::ResultPoint>(value, path, "points", true, point);
    return g;
}

void read_parties(const json& doc, lab::CertificateContent& c) {
    const json& lab_json =
        object(required(doc, "", "laboratory"), "laboratory",
               {"name", "address", "city", "country_code", "accreditation", "phone", "email"});
    c.laboratory = {bilingual(lab_json, "laboratory", "name"),
                    bilingual(lab_json, "laboratory", "address"),
                    text(lab_json, "laboratory", "city"),
                    text(lab_json, "laboratory", "country_code"),
                    text(lab_json, "laboratory", "accreditation", false),
                    text(lab_json, "laboratory", "phone", false),
                    text(lab_json, "laboratory", "email", false)};
    const json& customer = object(required(doc, "", "customer"), "customer",
                                  {"name", "address", "city", "country_code"});
    c.customer = {bilingual(customer, "customer", "name"),
                  bilingual(customer, "customer", "address"), text(customer, "customer", "city"),
                  text(customer, "customer", "country_code")};
    const json& item =
        object(required(doc, "", "item"), "item",
               {"kind", "manufacturer", "model", "serial", "identifications", "condition"});
    c.item = {
        bilingual(item, "item", "kind"),
        bilingual(item, "item", "manufacturer", false),
        text(item, "item", "model", false),
        text(item, "item", "serial", false),
        array<lab::ItemIdentification>(item, "item", "identifications", false, identification),
        bilingual(item, "item", "condition", false)};
}

} // namespace

lab::CertificateContent certificate_from_json(const json& doc) {
    object(doc, "",
           {"number",
            "kind",
            "issue_date",
            "laboratory",
            "customer",
            "item",
            "receipt_date",
            "performance_begin",
            "performance_end",
            "location",
            "place",
            "environment",
            "method",
            "reference_standards",
            "traceability",
            "results",
            "decision_rule",
            "calibrator",
            "reviewer",
            "signatory",
            "remarks",
            "recalibration_interval_requested",
            "recalibration_interval_months",
            "verification_url",
            "replaces_number",
            "amendment_reason"});
    lab::CertificateContent c;
    c.number = text(doc, "", "number");
    using K = lab::CertificateKind;
    c.kind = choice<K>(doc, "", "kind",
                       {{"calibration", K::calibration},
                        {"verification", K::verification},
                        {"non_conformity_notice", K::non_conformity_notice}},
                       true, K::calibration);
    c.issue_date = date(doc, "", "issue_date");
    read_parties(doc, c);
    c.receipt_date = date(doc, "", "receipt_date");
    c.performance_begin = date(doc, "", "performance_begin");
    c.performance_end = date(doc, "", "performance_end");
    using L = lab::PerformanceLocation;
    c.location = choice<L>(doc, "", "location",
                           {{"laboratory", L::laboratory},
                            {"customer", L::customer},
                            {"laboratory_branch", L::laboratory_branch},
                            {"customer_branch", L::customer_branch},
                            {"other", L::other}},
                           true, L::laboratory);
    c.place = bilingual(doc, "", "place");
    const json& environment =
        object(required(doc, "", "environment"), "environment", {"temperature", "humidity"});
    c.environment = {range(environment, "environment", "temperature"),
                     range(environment, "environment", "humidity")};
    const json& method =
        object(required(doc, "", "method"), "method", {"reference", "title", "deviations"});
    c.method = {text(method, "method", "reference"), bilingual(method, "method", "title"),
                bilingual(method, "method", "deviations", false)};
    c.reference_standards =
        array<lab::ReferenceStandardUsed>(doc, "", "reference_standards", true, standard);
    c.traceability = bilingual(doc, "", "traceability");
    c.results = array<lab::ResultGroup>(doc, "", "results", true, group);
    c.decision_rule = bilingual(doc, "", "decision_rule", false);
    c.calibrator = person(doc, "", "calibrator");
    c.reviewer = person(doc, "", "reviewer");
    c.signatory = person(doc, "", "signatory");
    c.remarks = bilingual(doc, "", "remarks", false);
    if (const json* asked = member(doc, "recalibration_interval_requested")) {
        if (!asked->is_boolean()) {
            fail("recalibration_interval_requested", "expected true or false");
        }
        c.recalibration_interval_requested = asked->get<bool>();
    }
    if (const json* months = member(doc, "recalibration_interval_months")) {
        if (!months->is_number_integer()) {
            fail("recalibration_interval_months", "expected a whole number of months");
        }
        c.recalibration_interval_months = months->get<int>();
    }
    c.verification_url = text(doc, "", "verification_url");
    if (member(doc, "replaces_number") != nullptr) {
        c.replaces_number = text(doc, "", "replaces_number");
    }
    c.amendment_reason = bilingual(doc, "", "amendment_reason", false);
    return c;
}

} // namespace callab::app
