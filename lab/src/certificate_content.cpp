#include "certificate_text.hpp"
#include "content_checks.hpp"

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/errc.hpp>

#include <cctype>
#include <cmath>
#include <string_view>

namespace callab::lab {
namespace {

using namespace content_checks;

Check check_range(const std::string& field, const EnvironmentRange& range) {
    if (auto r = finite(field + ".minimum", range.minimum); !r) {
        return r;
    }
    if (auto r = finite(field + ".maximum", range.maximum); !r) {
        return r;
    }
    if (range.maximum < range.minimum) {
        return invalid(field + ".maximum", "is below the minimum");
    }
    return known_unit(field + ".unit", range.unit);
}

Check check_point(const std::string& field, const ResultPoint& point) {
    const std::pair<const char*, double> numbers[] = {
        {"nominal", point.nominal},
        {"reference_value", point.reference_value},
        {"indication", point.indication},
        {"error", point.error},
        {"correction", point.correction},
        {"expanded_uncertainty", point.expanded_uncertainty},
        {"coverage_factor", point.coverage_factor},
        {"coverage_probability", point.coverage_probability},
    };
    for (const auto& [name, value] : numbers) {
        if (auto r = finite(field + "." + name, value); !r) {
            return r;
        }
    }
    if (point.expanded_uncertainty < 0) {
        return invalid(field + ".expanded_uncertainty",
                       "is negative (" + certificate_text::shortest(point.expanded_uncertainty) +
                           ")");
    }
    if (point.coverage_factor < 1) {
        return invalid(field + ".coverage_factor", "is below 1");
    }
    if (point.coverage_probability <= 0 || point.coverage_probability >= 1) {
        return invalid(field + ".coverage_probability", "is not between 0 and 1");
    }
    if (point.mpe && (!std::isfinite(*point.mpe) || *point.mpe <= 0)) {
        return invalid(field + ".mpe", "is not a positive finite number");
    }
    if (point.conformity != Conformity::not_stated && !point.mpe) {
        return invalid(field + ".mpe", "is missing where conformity is stated");
    }
    return {};
}

Check check_group(const std::string& field, const ResultGroup& group) {
    if (auto r = required(field + ".quantity", group.quantity); !r) {
        return r;
    }
    if (auto r = known_unit(field + ".unit", group.unit); !r) {
        return r;
    }
    if (group.decimals < 0 || group.decimals > 9) {
        return invalid(field + ".decimals", "is not between 0 and 9");
    }
    if (group.points.empty()) {
        return invalid(field + ".points", "has no test point");
    }
    const bool stated = group.points.front().conformity != Conformity::not_stated;
    for (std::size_t i = 0; i < group.points.size(); ++i) {
        const auto point_field = field + ".points[" + std::to_string(i) + "]";
        if (auto r = check_point(point_field, group.points[i]); !r) {
            return r;
        }
        if ((group.points[i].conformity != Conformity::not_stated) != stated) {
            return invalid(point_field + ".conformity",
                           "is stated for some points of the group and not for others");
        }
    }
    return {};
}

Check check_people(const CertificateContent& c) {
    if (auto r = required("calibrator.name", c.calibrator.name); !r) {
        return r;
    }
    if (auto r = required("reviewer.name", c.reviewer.name); !r) {
        return r;
    }
    return required("signatory.name", c.signatory.name);
}

Check check_parties(const CertificateContent& c) {
    const std::pair<const char*, const BilingualText*> texts[] = {
        {"laboratory.name", &c.laboratory.name},
        {"laboratory.address", &c.laboratory.address},
        {"customer.name", &c.customer.name},
        {"customer.address", &c.customer.address},
        {"item.kind", &c.item.kind},
        {"place", &c.place},
        {"method.title", &c.method.title},
        {"traceability", &c.traceability},
    };
    for (const auto& [field, text] : texts) {
        if (auto r = required(field, *text); !r) {
            return r;
        }
    }
    const std::pair<const char*, const std::string*> codes[] = {
        {"laboratory.country_code", &c.laboratory.country_code},
        {"customer.country_code", &c.customer.country_code},
    };
    for (const auto& [field, code] : codes) {
        if (code->size() != 2 || !std::isupper(static_cast<unsigned char>((*code)[0])) ||
            !std::isupper(static_cast<unsigned char>((*code)[1]))) {
            return invalid(field, "is not two capital letters (ISO 3166-1)");
        }
    }
    const std::pair<const char*, const std::string*> plain[] = {
        {"laboratory.accreditation", &c.laboratory.accreditation},
        {"laboratory.phone", &c.laboratory.phone},
        {"laboratory.email", &c.laboratory.email},
        {"item.model", &c.item.model},
        {"item.serial", &c.item.serial},
    };
    for (const auto& [field, text] : plain) {
        if (auto r = printable(field, *text); !r) {
            return r;
        }
    }
    if (auto r = required("laboratory.city", c.laboratory.city); !r) {
        return r;
    }
    if (auto r = required("customer.city", c.customer.city); !r) {
        return r;
    }
    if (c.item.serial.empty() && c.item.identifications.empty()) {
        return invalid("item.serial", "is missing and the item has no other identification");
    }
    for (std::size_t i = 0; i < c.item.identifications.size(); ++i) {
        const auto field = "item.identifications[" + std::to_string(i) + "]";
        if (auto r = required(field + ".value", c.item.identifications[i].value); !r) {
            return r;
        }
        if (auto r = required(field + ".name", c.item.identifications[i].name); !r) {
            return r;
        }
    }
    if (auto r = optional("item.manufacturer", c.item.manufacturer); !r) {
        return r;
    }
    return optional("item.condition", c.item.condition);
}

Check check_dates(const CertificateContent& c) {
    const std::pair<const char*, std::chrono::year_month_day> dates[] = {
        {"issue_date", c.issue_date},
        {"receipt_date", c.receipt_date},
        {"performance_begin", c.performance_begin},
        {"performance_end", c.performance_end},
    };
    for (const auto& [field, date] : dates) {
        if (auto r = valid_date(field, date); !r) {
            return r;
        }
    }
    if (auto r =
            not_before("performance_begin", c.performance_begin, "receipt_date", c.receipt_date);
        !r) {
        return r;
    }
    if (auto r = not_before("performance_end", c.performance_end, "performance_begin",
                            c.performance_begin);
        !r) {
        return r;
    }
    return not_before("issue_date", c.issue_date, "performance_end", c.performance_end);
}

Check check_standards(const CertificateContent& c) {
    if (c.reference_standards.empty()) {
        return invalid("reference_standards", "lists no reference standard");
    }
    for (std::size_t i = 0; i < c.reference_standards.size(); ++i) {
        const auto field = "reference_standards[" + std::to_string(i) + "]";
        const auto& standard = c.reference_standards[i];
        if (auto r = required(field + ".name", standard.name); !r) {
            return r;
        }
        if (auto r = required(field + ".certificate_number", standard.certificate_number); !r) {
            return r;
        }
        if (auto r = required(field + ".issuer", standard.issuer); !r) {
            return r;
        }
        if (auto r = required(field + ".characteristics", standard.characteristics); !r) {
            return r;
        }
        if (auto r = printable(field + ".model", standard.model); !r) {
            return r;
        }
        if (auto r = printable(field + ".serial", standard.serial); !r) {
            return r;
        }
        if (auto r = valid_date(field + ".due_date", standard.due_date); !r) {
            return r;
        }
        if (auto r = not_before(field + ".due_date", standard.due_date, "performance_end",
                                c.performance_end);
            !r) {
            return r;
        }
    }
    return {};
}

Check check_results(const CertificateContent& c) {
    if (c.results.empty()) {
        return invalid("results", "has no results");
    }
    bool any_conformity = false;
    for (std::size_t i = 0; i < c.results.size(); ++i) {
        if (auto r = check_group("results[" + std::to_string(i) + "]", c.results[i]); !r) {
            return r;
        }
        any_conformity |= c.results[i].points.front().conformity != Conformity::not_stated;
    }
    if (c.kind != CertificateKind::calibration && !any_conformity) {
        return invalid("results", "state no conformity on a verification document");
    }
    if (any_conformity) {
        return required("decision_rule", c.decision_rule);
    }
    return optional("decision_rule", c.decision_rule);
}

Check check_closing(const CertificateContent& c) {
    if (c.recalibration_interval_months && !c.recalibration_interval_requested) {
        return invalid("recalibration_interval_months",
                       "is given but the customer did not ask for an interval");
    }
    if (c.recalibration_interval_requested &&
        (!c.recalibration_interval_months || *c.recalibration_interval_months <= 0)) {
        return invalid("recalibration_interval_months",
                       "is missing or not positive although the customer asked for one");
    }
    if (auto r = printable("verification_url", c.verification_url); !r) {
        return r;
    }
    if (!c.verification_url.starts_with("https://") && !c.verification_url.starts_with("http://")) {
        return invalid("verification_url", "is not an http(s) address");
    }
    if (c.replaces_number) {
        if (auto r = required("replaces_number", *c.replaces_number); !r) {
            return r;
        }
        if (*c.replaces_number == c.number) {
            return invalid("replaces_number", "is the certificate's own number");
        }
        if (auto r = required("amendment_reason", c.amendment_reason); !r) {
            return r;
        }
    }
    if (auto r = optional("remarks", c.remarks); !r) {
        return r;
    }
    return optional("method.deviations", c.method.deviations);
}

} // namespace

boost::system::result<void, CertificateError>
check_certificate_content(const CertificateContent& c) {
    if (auto r = required("number", c.number); !r) {
        return r;
    }
    if (c.number.find_first_of(" \t\r\n/\\") != std::string::npos) {
        return invalid("number", "contains a space or a slash");
    }
    if (auto r = required("method.reference", c.method.reference); !r) {
        return r;
    }
    for (auto check : {check_parties, check_dates, check_standards, check_results, check_people,
                       check_closing}) {
        if (auto r = check(c); !r) {
            return r;
        }
    }
    if (auto r = check_range("environment.temperature", c.environment.temperature); !r) {
        return r;
    }
    return check_range("environment.humidity", c.environment.humidity);
}

} // namespace callab::lab
