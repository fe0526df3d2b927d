#include "job_choice_routes.hpp"

#include "api_error.hpp"
#include "list_query.hpp"

#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/calendar_date.hpp>
#include <callab/lab/standard_usability.hpp>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

nlohmann::json procedure_choice(const lab::Procedure& p) {
    return {{"id", p.id.value()},
            {"code", p.data.code},
            {"version", p.version},
            {"kind", lab::enum_name(p.data.kind, lab::instrument_kind_names)},
            {"method_reference", p.data.method_reference},
            {"unit", p.data.unit},
            {"test_points", p.data.test_points},
            {"point_conditions", p.data.point_conditions},
            {"readings_per_point", p.data.readings_per_point},
            {"maximum_permissible_error", p.data.maximum_permissible_error},
            {"fee_cents", p.data.fee_cents}};
}

nlohmann::json standard_choice(lab::StandardStore& store, const lab::ReferenceStandard& s,
                               lab::Date today) {
    const auto certificate = store.latest_certificate(s.id);
    nlohmann::json choice{
        {"id", s.id.value()},      {"name", s.data.name},
        {"maker", s.data.maker},   {"model", s.data.model},
        {"serial", s.data.serial}, {"status", lab::enum_name(s.status, lab::standard_status_names)},
        {"certificate", nullptr}};
    if (certificate) {
        choice["certificate"] = {{"number", certificate->number},
                                 {"due_on", lab::format_date(certificate->due_on)},
                                 {"uncertainty", certificate->uncertainty}};
    }
    auto usable = lab::check_standard_usable(s, certificate, today, std::nullopt);
    if (usable && !certificate) {
        usable = lab::reject(lab::errc::standard_not_usable,
                             "standard " + s.id.to_string() + " (" + s.data.name +
                                 ") has no calibration certificate");
    }
    choice["usable"] = static_cast<bool>(usable);
    choice["reason"] = usable ? nlohmann::json(nullptr) : nlohmann::json(usable.error().message);
    return choice;
}

} // namespace

Response JobChoiceRoutes::handle(const Request& request, std::string_view path,
                                 const SignedIn& who) {
    if (path != base()) {
        return api_error(request, http::status::not_found, "not_found",
                         "no such resource: " + std::string(path));
    }
    if (!is_read(request)) {
        return method_not_allowed(request, path, "GET, HEAD");
    }
    if (who.user.data.role == lab::Role::enterprise_user) {
        return forbidden(request, "job choices are for lab staff");
    }
    auto query = query_parameters(request.target());
    if (!query) {
        return problem_response(request, query.error());
    }
    std::optional<lab::InstrumentKind> kind;
    for (const auto& [name, value] : *query) {
        if (name != "instrument_id") {
            return api_error(request, http::status::bad_request, "invalid_parameter",
                             name + ": is not a parameter of /api/job-choices", name);
        }
        const auto id = parse_id(value);
        const auto instrument = id && services_.enterprises != nullptr
                                    ? services_.enterprises->find_instrument(lab::InstrumentId{*id})
                                    : std::nullopt;
        if (!instrument) {
            return api_error(request, http::status::not_found, "not_found",
                             "instrument_id: instrument '" + value + "' does not exist",
                             "instrument_id");
        }
        kind = instrument->data.kind;
    }
    nlohmann::json procedures = nlohmann::json::array();
    for (const auto& builtin : lab::builtin_procedures()) {
        const auto latest = services_.standards.latest_procedure(builtin.code);
        if (latest && (!kind || latest->data.kind == *kind)) {
            procedures.push_back(procedure_choice(*latest));
        }
    }
    const auto today = lab::date_of(std::chrono::system_clock::now());
    nlohmann::json standards = nlohmann::json::array();
    for (const auto& standard : services_.standards.standards()) {
        standards.push_back(standard_choice(services_.standards, standard, today));
    }
    return json_response(
        request, http::status::ok,
        {{"procedures", procedures}, {"standards", standards}, {"date", lab::format_date(today)}});
}

} // namespace callab::web
