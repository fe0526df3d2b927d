#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/issued_certificate.hpp>

namespace callab::db {

/// lab::CertificateStore on the lab's SQL database. Numbers are allocated inside the
/// serialised write transaction, so concurrent issuing (threads or processes, either
/// backend) gets distinct numbers without gaps; UNIQUE (year, sequence) enforces it too.
class SqlCertificateStore final : public lab::CertificateStore {
public:
    explicit SqlCertificateStore(Database& database) : database_(database) {}

    lab::Outcome<lab::IssuedCertificate> issue(const lab::IssueRequest& request,
                                               const lab::CertificateFreezer& freeze) override;
    std::optional<lab::IssuedCertificate> find_certificate(std::string_view number) override;
    std::optional<lab::IssuedCertificate> find_by_sha256(std::string_view sha256) override;
    lab::CertificatePage find_certificates(const lab::CertificateFilter& filter,
                                           lab::CertificateOrder order, bool descending,
                                           long long offset, long long limit) override;
    std::optional<lab::IssuedCertificate> certificate_of_job(lab::JobId job) override;
    lab::Outcome<lab::IssuedCertificate> revoke(std::string_view number, std::string_view reason,
                                                std::string_view by) override;
    long long issued_waived_cents(lab::ProgrammeId programme) override;
    std::vector<lab::StandardUsage> usage_of(lab::StandardId standard) override;
    std::vector<lab::EquipmentUsage> equipment_usage_of(lab::EquipmentId equipment) override;

private:
    std::optional<lab::IssuedCertificate> find_where(const std::string& condition,
                                                     const std::string& value);
    Database& database_;
};

} // namespace callab::db
