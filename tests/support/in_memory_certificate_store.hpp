#pragma once
// A CertificateStore in a vector, for testing the service and the verification routes
// without a database. The SQL store is tested against the same expectations in tests/db.

#include <callab/lab/certificate_number.hpp>
#include <callab/lab/issued_certificate.hpp>
#include <callab/lab/job_store.hpp>

#include <algorithm>
#include <tuple>

namespace callab::test_support {

class InMemoryCertificateStore final : public lab::CertificateStore {
public:
    explicit InMemoryCertificateStore(lab::JobStore& jobs) : jobs_(jobs) {}

    lab::Outcome<lab::IssuedCertificate> issue(const lab::IssueRequest& request,
                                               const lab::CertificateFreezer& freeze) override {
        const auto job = jobs_.find_job(request.job);
        if (!job || job->status != lab::JobStatus::approved) {
            return lab::reject(lab::errc::invalid_transition, "job: not approved");
        }
        lab::IssuedCertificate* replaced = nullptr;
        if (request.replaces) {
            replaced = find(*request.replaces);
            if (replaced == nullptr || replaced->status != lab::CertificateStatus::valid) {
                return lab::reject(lab::errc::invalid_transition, "replaces_number: not valid");
            }
        }
        const int year = static_cast<int>(request.issue_date.year());
        long long sequence = 1;
        for (const auto& c : certificates_) {
            sequence += c.year == year ? 1 : 0;
        }
        auto number = lab::format_certificate_number(request.number_pattern, year, sequence);
        if (!number) {
            return number.error();
        }
        auto frozen = freeze(*number);
        if (!frozen) {
            return frozen.error();
        }
        lab::User by;
        by.data.username = request.by;
        jobs_.change_status(request.job, lab::JobStatus::approved, lab::JobStatus::issued, by);
        if (replaced != nullptr) {
            replaced->status = lab::CertificateStatus::superseded;
            replaced->superseded_by = *number;
        }
        lab::IssuedCertificate c{*number,
                                 request.job,
                                 year,
                                 sequence,
                                 request.issue_date,
                                 frozen->instrument,
                                 request.by,
                                 frozen->pdf,
                                 frozen->dcc,
                                 frozen->pdf_sha256,
                                 frozen->dcc_sha256,
                                 request.replaces};
        certificates_.push_back(c);
        return c;
    }
    std::optional<lab::IssuedCertificate> find_certificate(std::string_view number) override {
        const auto* c = find(number);
        return c != nullptr ? std::optional(*c) : std::nullopt;
    }
    std::optional<lab::IssuedCertificate> find_by_sha256(std::string_view sha256) override {
        for (const auto& c : certificates_) {
            if (c.pdf_sha256 == sha256 || c.dcc_sha256 == sha256) {
                return c;
            }
        }
        return std::nullopt;
    }
    lab::CertificatePage find_certificates(const lab::CertificateFilter& filter,
                                           lab::CertificateOrder order, bool descending,
                                           long long offset, long long limit) override {
        std::vector<lab::IssuedCertificate> kept;
        for (const auto& c : certificates_) {
            const auto job = jobs_.find_job(c.job);
            const bool keep =
                (!filter.status || c.status == *filter.status) &&
                (!filter.job || c.job == *filter.job) &&
                (!filter.enterprise || (job && job->spec.enterprise == filter.enterprise));
            if (keep) {
                kept.push_back(c);
            }
        }
        std::stable_sort(kept.begin(), kept.end(), [&](const auto& a, const auto& b) {
            const bool before = order == lab::CertificateOrder::number
                                    ? a.number < b.number
                                    : std::tie(a.issue_date, a.year, a.sequence) <
                                          std::tie(b.issue_date, b.year, b.sequence);
            const bool after = order == lab::CertificateOrder::number
                                   ? b.number < a.number
                                   : std::tie(b.issue_date, b.year, b.sequence) <
                                         std::tie(a.issue_date, a.year, a.sequence);
            return descending ? after : before;
        });
        lab::CertificatePage page;
        page.total = static_cast<long long>(kept.size());
        for (long long i = offset; i < page.total && i < offset + limit; ++i) {
            auto c = kept[static_cast<std::size_t>(i)];
            c.pdf.clear();
            c.dcc.clear();
            page.certificates.push_back(std::move(c));
        }
        return page;
    }
    std::optional<lab::IssuedCertificate> certificate_of_job(lab::JobId job) override {
        for (auto it = certificates_.rbegin(); it != certificates_.rend(); ++it) {
            if (it->job == job) {
                return *it;
            }
        }
        return std::nullopt;
    }
    lab::Outcome<lab::IssuedCertificate> revoke(std::string_view number, std::string_view reason,
                                                std::string_view by) override {
        auto* c = find(number);
        if (c == nullptr) {
            return lab::reject(lab::errc::not_found, "certificate: not found");
        }
        if (c->status != lab::CertificateStatus::valid) {
            return lab::reject(lab::errc::invalid_transition, "certificate: not valid");
        }
        c->status = lab::CertificateStatus::revoked;
        c->revocation_reason = reason;
        c->revoked_by = by;
        return *c;
    }
    long long issued_waived_cents(lab::ProgrammeId) override { return 0; }
    std::vector<lab::StandardUsage> usage_of(lab::StandardId) override { return {}; }
    std::vector<lab::EquipmentUsage> equipment_usage_of(lab::EquipmentId) override { return {}; }

private:
    lab::IssuedCertificate* find(std::string_view number) {
        for (auto& c : certificates_) {
            if (c.number == number) {
                return &c;
            }
        }
        return nullptr;
    }
    lab::JobStore& jobs_;
    std::vector<lab::IssuedCertificate> certificates_;
};

} // namespace callab::test_support
