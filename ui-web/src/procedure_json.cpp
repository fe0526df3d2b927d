#include "api_error.hpp"
#include "procedure_routes.hpp"

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem invalid(const std::string& field, const std::string& why) {
    return {http::status::unprocessable_entity, "invalid_field", field + ": " + why, field};
}

BodyResult<double> number_field(const nlohmann::json& body, const std::string& name,
                                double fallback) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return fallback;
    }
    if (!it->is_number()) {
        return invalid(name, "must be a number");
    }
    return it->get<double>();
}

BodyResult<long long> integer_field(const nlohmann::json& body, const std::string& name,
                                    long long fallback) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return fallback;
    }
    if (!it->is_number_integer()) {
        return invalid(name, "must be an integer");
    }
    return it->get<long long>();
}

template <typename E, std::size_t N>
BodyResult<E> enum_field(const nlohmann::json& body, const std::string& name,
                         const lab::EnumNames<E, N>& names, E fallback) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return fallback;
    }
    const auto parsed =
        it->is_string() ? lab::parse_enum(it->get<std::string>(), names) : std::optional<E>{};
    if (!parsed) {
        std::string known;
        for (const auto& [value, text] : names) {
            known += (known.empty() ? "" : ", ") + std::string(text);
        }
        return invalid(name, "must be one of " + known);
    }
    return *parsed;
}

// An array whose items `read` turns into values; absent is empty.
template <typename T, typename Read>
BodyResult<std::vector<T>> array_field(const nlohmann::json& body, const std::string& name,
                                       const std::string& what, Read read) {
    std::vector<T> out;
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return out;
    }
    if (!it->is_array()) {
        return invalid(name, "must be an array of " + what);
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        auto item = read((*it)[i]);
        if (!item) {
            return invalid(name + "[" + std::to_string(i) + "]", "must be " + what);
        }
        out.push_back(std::move(*item));
    }
    return out;
}

std::optional<lab::UncertaintyInput> input_from(const nlohmann::json& item) {
    if (!item.is_object() || !item.value("name", nlohmann::json()).is_string() ||
        !item.value("value", nlohmann::json()).is_number() ||
        !item.value("distribution", nlohmann::json()).is_string()) {
        return std::nullopt;
    }
    return lab::UncertaintyInput{item["name"].get<std::string>(), item["value"].get<double>(),
                                 item["distribution"].get<std::string>()};
}

std::optional<lab::EnvironmentLimit> limit_from(const nlohmann::json& item) {
    if (!item.is_object() || !item.value("quantity", nlohmann::json()).is_string() ||
        !item.value("unit", nlohmann::json()).is_string() ||
        !item.value("low", nlohmann::json()).is_number() ||
        !item.value("high", nlohmann::json()).is_number()) {
        return std::nullopt;
    }
    return lab::EnvironmentLimit{item["quantity"].get<std::string>(),
                                 item["unit"].get<std::string>(), item["low"].get<double>(),
                                 item["high"].get<double>()};
}

} // namespace

nlohmann::json procedure_to_json(const lab::Procedure& procedure) {
    const auto& d = procedure.data;
    auto inputs = nlohmann::json::array();
    for (const auto& input : d.uncertainty_inputs) {
        inputs.push_back(
            {{"name", input.name}, {"value", input.value}, {"distribution", input.distribution}});
    }
    auto limits = nlohmann::json::array();
    for (const auto& limit : d.environment_limits) {
        limits.push_back({{"quantity", limit.quantity},
                          {"unit", limit.unit},
                          {"low", limit.low},
                          {"high", limit.high}});
    }
    return {{"id", procedure.id.value()},
            {"code", d.code},
            {"version", procedure.version},
            {"kind", lab::enum_name(d.kind, lab::instrument_kind_names)},
            {"method_reference", d.method_reference},
            {"test_points", d.test_points},
            {"unit", d.unit},
            {"readings_per_point", d.readings_per_point},
            {"stabilisation_tolerance", d.stabilisation_tolerance},
            {"stabilisation_seconds", d.stabilisation_seconds},
            {"uncertainty_inputs", inputs},
            {"environment_limits", limits},
            {"point_conditions", d.point_conditions},
            {"maximum_permissible_error", d.maximum_permissible_error},
            {"decision_rule", lab::enum_name(d.decision_rule, lab::decision_rule_names)},
            {"guard_band_factor", d.guard_band_factor},
            {"certificate_kind", lab::enum_name(d.certificate, lab::certificate_kind_names)},
            {"fee_cents", d.fee_cents}};
}

BodyResult<lab::NewProcedure> procedure_from_json(const nlohmann::json& body) {
    lab::NewProcedure p;
    auto code = string_field(body, "code");
    auto method = optional_string_field(body, "method_reference");
    auto unit = string_field(body, "unit");
    auto kind = enum_field(body, "kind", lab::instrument_kind_names, lab::InstrumentKind::other);
    auto rule = enum_field(body, "decision_rule", lab::decision_rule_names,
                           lab::DecisionRule::simple_acceptance);
    auto certificate = enum_field(body, "certificate_kind", lab::certificate_kind_names,
                                  lab::CertificateKind::calibration);
    auto points =
        array_field<double>(body, "test_points", "numbers", [](const nlohmann::json& item) {
            return item.is_number() ? std::optional(item.get<double>()) : std::nullopt;
        });
    auto conditions = array_field<std::string>(
        body, "point_conditions", "strings", [](const nlohmann::json& item) {
            return item.is_string() ? std::optional(item.get<std::string>()) : std::nullopt;
        });
    auto inputs = array_field<lab::UncertaintyInput>(
        body, "uncertainty_inputs", "objects {name, value, distribution}", input_from);
    auto limits = array_field<lab::EnvironmentLimit>(
        body, "environment_limits", "objects {quantity, unit, low, high}", limit_from);
    auto readings = integer_field(body, "readings_per_point", 1);
    auto tolerance = number_field(body, "stabilisation_tolerance", 0.0);
    auto seconds = integer_field(body, "stabilisation_seconds", 0);
    auto mpe = number_field(body, "maximum_permissible_error", 0.0);
    auto guard = number_field(body, "guard_band_factor", 0.0);
    auto fee = integer_field(body, "fee_cents", 0);
    if (const auto problem =
            first_problem(code, method, unit, kind, rule, certificate, points, conditions, inputs,
                          limits, readings, tolerance, seconds, mpe, guard, fee)) {
        return *problem;
    }
    if (code->empty()) {
        return invalid("code", "must not be empty");
    }
    if (*readings < 1 || *readings > 1000) {
        return invalid("readings_per_point", "must be from 1 to 1000");
    }
    if (*seconds < 0 || *seconds > 86400) {
        return invalid("stabilisation_seconds", "must be from 0 to 86400");
    }
    p.code = *code;
    p.kind = *kind;
    p.method_reference = *method;
    p.test_points = *points;
    p.unit = *unit;
    p.readings_per_point = static_cast<int>(*readings);
    p.stabilisation_tolerance = *tolerance;
    p.stabilisation_seconds = static_cast<int>(*seconds);
    p.uncertainty_inputs = *inputs;
    p.environment_limits = *limits;
    p.point_conditions = *conditions;
    p.maximum_permissible_error = *mpe;
    p.decision_rule = *rule;
    p.guard_band_factor = *guard;
    p.certificate = *certificate;
    p.fee_cents = *fee;
    return p;
}

} // namespace callab::web
