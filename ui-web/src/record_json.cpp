#include "record_json.hpp"

namespace callab::web {
namespace http = boost::beast::http;
namespace {

BodyProblem invalid(const std::string& field, const std::string& message) {
    return {http::status::unprocessable_entity, "invalid_field", field + ": " + message, field};
}

template <typename E, std::size_t N>
BodyResult<E> enum_field(const nlohmann::json& body, const std::string& name,
                         const lab::EnumNames<E, N>& names, std::optional<E> otherwise) {
    if (!body.contains(name) && otherwise) {
        return *otherwise;
    }
    auto text = string_field(body, name);
    if (!text) {
        return text.error();
    }
    if (const auto value = lab::parse_enum(*text, names)) {
        return *value;
    }
    std::string known;
    for (const auto& [value, spelled] : names) {
        known += (known.empty() ? "" : ", ") + std::string(spelled);
    }
    return invalid(name, "'" + *text + "' is not one of " + known);
}

BodyResult<double> number_field(const nlohmann::json& body, const std::string& name) {
    const auto it = body.find(name);
    if (it == body.end() || it->is_null()) {
        return BodyProblem{http::status::unprocessable_entity, "missing_field",
                           name + ": is required", name};
    }
    if (!it->is_number()) {
        return invalid(name, "must be a number");
    }
    return it->get<double>();
}

} // namespace

nlohmann::json enterprise_to_json(const lab::Enterprise& enterprise) {
    const auto& e = enterprise.data;
    return {{"id", enterprise.id.value()},  {"name", e.name},
            {"credit_code", e.credit_code}, {"region", e.region},
            {"industry", e.industry},       {"size", lab::enum_name(e.size, lab::size_class_names)},
            {"contacts", e.contacts}};
}

BodyResult<lab::NewEnterprise> enterprise_from_json(const nlohmann::json& body) {
    lab::NewEnterprise e;
    for (const auto& [name, target] :
         {std::pair{"name", &e.name}, std::pair{"credit_code", &e.credit_code},
          std::pair{"region", &e.region}}) {
        auto text = string_field(body, name);
        if (!text) {
            return text.error();
        }
        *target = *text;
    }
    for (const auto& [name, target] :
         {std::pair{"industry", &e.industry}, std::pair{"contacts", &e.contacts}}) {
        auto text = optional_string_field(body, name);
        if (!text) {
            return text.error();
        }
        *target = *text;
    }
    auto size = enum_field(body, "size", lab::size_class_names,
                           std::optional<lab::SizeClass>(lab::SizeClass::small));
    if (!size) {
        return size.error();
    }
    e.size = *size;
    return e;
}

nlohmann::json instrument_to_json(const lab::Instrument& instrument) {
    const auto& i = instrument.data;
    return {{"id", instrument.id.value()},
            {"kind", lab::enum_name(i.kind, lab::instrument_kind_names)},
            {"maker", i.maker},
            {"model", i.model},
            {"serial", i.serial},
            {"range_low", i.range_low},
            {"range_high", i.range_high},
            {"unit", i.unit},
            {"resolution", i.resolution},
            {"enterprise_id", i.owner.value()},
            {"regime", lab::enum_name(i.regime, lab::metrology_regime_names)}};
}

void write_instrument(JsonWriter& out, const lab::Instrument& instrument) {
    const auto& i = instrument.data;
    // nlohmann::json orders an object's keys: the same order here.
    out.begin_object();
    out.key("enterprise_id");
    out.value(i.owner.value());
    out.key("id");
    out.value(instrument.id.value());
    out.key("kind");
    out.value(lab::enum_name(i.kind, lab::instrument_kind_names));
    out.key("maker");
    out.value(i.maker);
    out.key("model");
    out.value(i.model);
    out.key("range_high");
    out.value(i.range_high);
    out.key("range_low");
    out.value(i.range_low);
    out.key("regime");
    out.value(lab::enum_name(i.regime, lab::metrology_regime_names));
    out.key("resolution");
    out.value(i.resolution);
    out.key("serial");
    out.value(i.serial);
    out.key("unit");
    out.value(i.unit);
    out.end_object();
}

BodyResult<lab::NewInstrument> instrument_from_json(const nlohmann::json& body) {
    lab::NewInstrument i;
    auto kind =
        enum_field(body, "kind", lab::instrument_kind_names, std::optional<lab::InstrumentKind>());
    if (!kind) {
        return kind.error();
    }
    i.kind = *kind;
    for (const auto& [name, target] :
         {std::pair{"maker", &i.maker}, std::pair{"model", &i.model}, std::pair{"unit", &i.unit}}) {
        auto text = optional_string_field(body, name);
        if (!text) {
            return text.error();
        }
        *target = *text;
    }
    auto serial = string_field(body, "serial");
    if (!serial) {
        return serial.error();
    }
    i.serial = *serial;
    for (const auto& [name, target] :
         {std::pair{"range_low", &i.range_low}, std::pair{"range_high", &i.range_high},
          std::pair{"resolution", &i.resolution}}) {
        auto value = number_field(body, name);
        if (!value) {
            return value.error();
        }
        *target = *value;
    }
    auto owner = id_field(body, "enterprise_id");
    if (!owner) {
        return owner.error();
    }
    i.owner = lab::EnterpriseId{*owner};
    auto regime =
        enum_field(body, "regime", lab::metrology_regime_names,
                   std::optional<lab::MetrologyRegime>(lab::MetrologyRegime::calibration));
    if (!regime) {
        return regime.error();
    }
    i.regime = *regime;
    return i;
}

} // namespace callab::web
