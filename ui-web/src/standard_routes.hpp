#pragma once

#include "resource_routes.hpp"

#include <callab/lab/standard_store.hpp>

namespace callab::web {

/// `/api/standards`: the lab's reference standards with their certificates (versioned, never
/// edited), traceability chain, intermediate checks and status. Lab staff read; managers and
/// administrators add standards, certificates and checks and suspend, retire or reinstate
/// with a reason. Enterprise users are refused (403).
class StandardRoutes final : public ResourceRoutes {
public:
    explicit StandardRoutes(lab::StandardStore& store) : store_(store) {}

    [[nodiscard]] std::string_view base() const override { return "/api/standards"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    Response list(const Request& request);
    Response add(const Request& request, const SignedIn& who);
    Response standard(const Request& request, lab::StandardId id);
    Response add_certificate(const Request& request, const SignedIn& who, lab::StandardId id);
    Response add_check(const Request& request, const SignedIn& who, lab::StandardId id);
    /// suspend, retire, reinstate: `{"reason"}` required.
    Response change_status(const Request& request, const SignedIn& who, lab::StandardId id,
                           std::string_view action);
    /// The standard with its latest certificate and whether it may be used today.
    nlohmann::json summary(const lab::ReferenceStandard& standard);

    lab::StandardStore& store_;
};

nlohmann::json standard_certificate_to_json(const lab::StandardCertificate& certificate);

} // namespace callab::web
