#pragma once

#include "resource_routes.hpp"

#include <callab/lab/issued_certificate.hpp>
#include <callab/lab/job.hpp>

#include <optional>

namespace callab::web {

/// `/api/certificates`: the issued certificates, paged in the store; one by number with its
/// PDF (`NUMBER.pdf`) and DCC (`NUMBER.xml`), the stored bytes whose SHA-256 was recorded at
/// issue; revocation. Enterprise users see only their own enterprise's certificates (404 for
/// others'). The rules (who may revoke, a reason, only a valid certificate) are
/// lab::CertificateService's.
class CertificateRoutes final : public ResourceRoutes {
public:
    explicit CertificateRoutes(ApiServices& services) : services_(services) {}

    [[nodiscard]] std::string_view base() const override { return "/api/certificates"; }
    Response handle(const Request& request, std::string_view path, const SignedIn& who) override;

private:
    /// A certificate with its job, when `who` may see it.
    struct Visible {
        lab::IssuedCertificate certificate;
        std::optional<lab::Job> job;
    };

    Response list(const Request& request, const SignedIn& who);
    Response one(const Request& request, const SignedIn& who, std::string_view number);
    /// `kind` is "pdf" or "xml".
    Response document(const Request& request, const SignedIn& who, std::string_view number,
                      std::string_view kind);
    Response revoke(const Request& request, const SignedIn& who, std::string_view number);
    /// Opens the job that corrects a valid certificate (JobWorkflow::correct), keeping the
    /// amendment reason in both languages for its issue.
    Response correct(const Request& request, const SignedIn& who, std::string_view number);
    std::optional<Visible> visible(const SignedIn& who, std::string_view number);
    nlohmann::json to_json(const lab::IssuedCertificate& certificate,
                           const std::optional<lab::Job>& job);

    ApiServices& services_;
};

/// `POST /api/jobs/{id}/issue` (dispatched by JobRoutes): issues the approved job's
/// certificate through lab::CertificateService, its content assembled from the records alone
/// (lab::CertificateAssembler, lab::recorded_certificate_facts: results recomputed from the
/// stored readings, the environment its run starts read), so any server issues it. 201 with
/// the certificate; a job issued already is 409 naming the number it was issued as.
Response issue_certificate(ApiServices& services, const Request& request, const SignedIn& who,
                           lab::JobId job);

} // namespace callab::web
