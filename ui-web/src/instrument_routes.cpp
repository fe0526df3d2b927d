#include "instrument_routes.hpp"

#include "api_error.hpp"
#include "enterprise_routes.hpp"
#include "json_field_names.hpp"
#include "list_query.hpp"
#include "record_json.hpp"

namespace callab::web {
namespace http = boost::beast::http;
namespace {

Response no_instrument(const Request& request, std::string_view id) {
    return api_error(request, http::status::not_found, "not_found",
                     "instrument " + std::string(id) + " does not exist");
}

Response bad_parameter(const Request& request, const std::string& name,
                       const std::string& message) {
    return api_error(request, http::status::bad_request, "invalid_parameter", name + ": " + message,
                     name);
}

} // namespace

Response InstrumentRoutes::list(const Request& request, const SignedIn& who) {
    auto query = parse_list_query(request, {{}, {}, {"enterprise_id", "kind", "serial"}});
    if (!query) {
        return problem_response(request, query.error());
    }
    lab::InstrumentFilter filter;
    if (const auto it = query->other.find("enterprise_id"); it != query->other.end()) {
        const auto owner = parse_id(it->second);
        if (!owner) {
            return bad_parameter(request, "enterprise_id",
                                 "'" + it->second + "' is not a positive integer");
        }
        filter.owner = lab::EnterpriseId{*owner};
    }
    if (const auto it = query->other.find("kind"); it != query->other.end()) {
        filter.kind = lab::parse_enum(it->second, lab::instrument_kind_names);
        if (!filter.kind) {
            return bad_parameter(request, "kind", "'" + it->second + "' is not an instrument kind");
        }
    }
    if (const auto it = query->other.find("serial"); it != query->other.end()) {
        filter.serial_prefix = it->second;
    }
    if (who.user.data.role == lab::Role::enterprise_user) {
        const auto own = who.user.data.enterprise.value_or(lab::EnterpriseId{0});
        if (filter.owner && *filter.owner != own) {
            return api_error(request, http::status::not_found, "not_found",
                             "enterprise " + filter.owner->to_string() + " does not exist");
        }
        filter.owner = own;
    }
    const auto page = store_.list_instruments(filter, query->offset(), query->per_page);
    // Written directly: a page of 50 built as nlohmann::json objects and dumped cost more
    // than the database queries (docs/BENCHMARKS.md).
    constexpr std::size_t bytes_per_instrument = 256;
    auto body = list_body_text(
        page.total, *query,
        [&](JsonWriter& out) {
            for (const auto& instrument : page.items) {
                write_instrument(out, instrument);
            }
        },
        (page.items.size() + 1) * bytes_per_instrument);
    return make_response(request, http::status::ok, "application/json", std::move(body));
}

Response InstrumentRoutes::add(const Request& request, const SignedIn& who) {
    const bool enterprise_user = who.user.data.role == lab::Role::enterprise_user;
    if (!registers_records(who.user) && !enterprise_user) {
        return forbidden(request, "only technicians, managers, administrators and enterprise "
                                  "users register instruments");
    }
    auto body = parse_json_object(request);
    if (!body) {
        return problem_response(request, body.error());
    }
    auto wanted = instrument_from_json(*body);
    if (!wanted) {
        return problem_response(request, wanted.error());
    }
    if (enterprise_user && who.user.data.enterprise != wanted->owner) {
        return api_error(request, http::status::not_found, "not_found",
                         "enterprise_id: enterprise " + wanted->owner.to_string() +
                             " does not exist",
                         "enterprise_id");
    }
    if (auto valid = lab::validate_instrument(*wanted); !valid) {
        return rejection_response(request,
                                  with_json_field(valid.error(), {{"range", "range_high"}}));
    }
    const std::vector<lab::NewInstrument> batch{*wanted};
    auto added = store_.add_instruments(batch, who.user.data.username);
    if (!added) {
        auto rejection = added.error();
        const std::string prefix = "instrument 1: ";
        if (rejection.message.starts_with(prefix)) {
            rejection.message.erase(0, prefix.size());
        }
        if (rejection.message.starts_with("owner: ")) {
            rejection.message = "enterprise_id: " + rejection.message.substr(7);
        }
        return rejection_response(request, rejection);
    }
    return json_response(request, http::status::created, instrument_to_json(added->front()));
}

Response InstrumentRoutes::instrument(const Request& request, const SignedIn& who,
                                      lab::InstrumentId id) {
    const auto found = store_.find_instrument(id);
    if (!found || (who.user.data.role == lab::Role::enterprise_user &&
                   who.user.data.enterprise != found->data.owner)) {
        return no_instrument(request, id.to_string());
    }
    return json_response(request, http::status::ok, instrument_to_json(*found));
}

Response InstrumentRoutes::handle(const Request& request, std::string_view path,
                                  const SignedIn& who) {
    return dispatch_resource(
        request, path, base(),
        {"instrument", [&] { return list(request, who); }, [&] { return add(request, who); },
         [&](std::int64_t id, std::span<const std::string_view> rest) {
             if (!rest.empty()) {
                 return no_such_resource(request, path);
             }
             return read_only(request, path,
                              [&] { return instrument(request, who, lab::InstrumentId{id}); });
         }});
}

} // namespace callab::web
