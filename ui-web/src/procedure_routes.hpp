#pragma once

#include "json_body.hpp"
#include "resource_routes.hpp"

#include <callab/lab/procedure.hpp>
#include <callab/lab/standard_store.hpp>

namespace callab::web {

/// `/api/procedures`: every stored version of every procedure (test points, uncertainty
/// model, decision rule). A change is a new version, posted as a whole document; a stored
/// version is never edited. Lab staff read; managers and administrators add versions.
class ProcedureRoutes final : public ResourceRoutes {
public:
    explicit ProcedureRoutes(lab::StandardStore& store) : store_(store) {}

    [[nodiscard]] std::string_view base() const override { return "/api/procedures"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    Response list(const Request& request);
    Response add_version(const Request& request, const SignedIn& who);

    lab::StandardStore& store_;
};

nlohmann::json procedure_to_json(const lab::Procedure& procedure);

/// The procedure document of a new version (the Procedure schema without `id`, `version`).
BodyResult<lab::NewProcedure> procedure_from_json(const nlohmann::json& body);

} // namespace callab::web
