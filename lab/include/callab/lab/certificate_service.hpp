#pragma once

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/certificate_signature.hpp>
#include <callab/lab/issued_certificate.hpp>
#include <callab/lab/job_store.hpp>
#include <callab/lab/user.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

namespace callab::lab {

/// How the lab issues: the number pattern, where verification pages live, and the DCC
/// schema set to validate against before storing (not validated when empty).
struct IssuingSettings {
    std::string number_pattern = "CAL-{year}-{seq:6}";
    std::string verification_base_url; ///< e.g. "https://lab.example.org/verify/"
    std::filesystem::path dcc_schema_dir = {};
    /// The lab's key: when set, each DCC is signed (sign_dcc) before it is validated and its
    /// SHA-256 recorded, so the signed DCC is the one issued.
    std::optional<DccSigningKey> signing_key = std::nullopt;
};

/// What the verification page and `callab cert verify` show of a certificate.
struct Verification {
    std::string number;
    CertificateStatus status = CertificateStatus::valid;
    std::optional<std::string> superseded_by = std::nullopt;
    std::optional<std::string> replaces_number = std::nullopt;
    std::string revocation_reason = {};
    std::string revoked_by = {};
    std::string instrument;
    Date issue_date{};
    std::string pdf_sha256;
    std::string dcc_sha256;
    std::string matched = {}; ///< for a file: "pdf" or "dcc"
};

/// Issuing certificates and their life afterwards (ISO/IEC 17025 §7.8.8).
class CertificateService {
public:
    CertificateService(CertificateStore& certificates, JobStore& jobs, IssuingSettings settings)
        : certificates_(certificates), jobs_(jobs), settings_(std::move(settings)) {}

    /// Issues the approved job's certificate from `content` (its number, verification URL
    /// and, for a job correcting an issued one, replaces_number are set here): `by` must be
    /// a signatory who is not the job's technician; the job must be approved and not yet
    /// issued. A correcting job needs content.amendment_reason. Renders the PDF and DCC with
    /// the allocated number, validates the DCC, records both SHA-256 and the records fed.
    Outcome<IssuedCertificate> issue(JobId job, CertificateContent content, const User& by);
    /// Revokes a valid certificate: only a signatory or manager, with a reason.
    Outcome<IssuedCertificate> revoke(const std::string& number, const std::string& reason,
                                      const User& by);
    /// The status of a certificate by number (errc::not_found when unknown).
    Outcome<Verification> verify(const std::string& number);
    /// Which certificate a PDF or DCC file is, by its SHA-256, and its status
    /// (errc::not_found when no certificate has these bytes, e.g. a tampered file).
    Outcome<Verification> verify_file(std::string_view bytes);
    /// The store, for reading certificates (lists, documents) outside the issuing rules.
    CertificateStore& store() { return certificates_; }

private:
    CertificateStore& certificates_;
    JobStore& jobs_;
    IssuingSettings settings_;
};

/// The verification view of a stored certificate.
Verification verification_of(const IssuedCertificate& certificate);

} // namespace callab::lab
