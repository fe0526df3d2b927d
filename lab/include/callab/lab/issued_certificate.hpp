#pragma once

#include <callab/lab/calendar_date.hpp>
#include <callab/lab/enum_names.hpp>
#include <callab/lab/rejection.hpp>
#include <callab/lab/strong_id.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace callab::lab {

/// Where an issued certificate stands (ISO/IEC 17025 §7.8.8): in force, replaced by an
/// amendment, or withdrawn.
enum class CertificateStatus { valid, superseded, revoked };

inline constexpr EnumNames<CertificateStatus, 3> certificate_status_names{
    {{CertificateStatus::valid, "valid"},
     {CertificateStatus::superseded, "superseded"},
     {CertificateStatus::revoked, "revoked"}}};

/// A certificate as issued: its number, the frozen documents and their SHA-256, and what
/// became of it afterwards. The documents are never changed once stored.
struct IssuedCertificate {
    std::string number;
    JobId job;
    int year = 0;           ///< the year of the number's sequence
    long long sequence = 0; ///< 1, 2, … per year, without gaps
    Date issue_date{};
    std::string instrument; ///< the item as the certificate names it, e.g. "IRT-100 SN1"
    std::string issued_by;  ///< the signatory's username
    std::string pdf;        ///< the PDF bytes
    std::string dcc;        ///< the DCC XML: the content as issued, with the PDF inside
    std::string pdf_sha256;
    std::string dcc_sha256;
    std::optional<std::string> replaces_number = std::nullopt;
    CertificateStatus status = CertificateStatus::valid;
    std::optional<std::string> superseded_by = std::nullopt;
    std::string revocation_reason = {};
    std::string revoked_by = {};
};

/// What the issuing step hands the store once the number is known: the documents made
/// with that number and what they are of.
struct FrozenCertificate {
    std::string instrument;
    std::string pdf;
    std::string dcc;
    std::string pdf_sha256;
    std::string dcc_sha256;
};

/// What to issue: the job, the number pattern and year, who, and what it feeds.
struct IssueRequest {
    JobId job;
    std::string number_pattern; ///< e.g. "CAL-{year}-{seq:6}"
    Date issue_date{};
    std::string by;                                     ///< the signatory's username
    std::optional<std::string> replaces = std::nullopt; ///< the valid certificate superseded
    std::optional<ProgrammeId> programme = std::nullopt;
    long long waived_cents = 0;          ///< the fee waived under `programme`
    std::vector<StandardId> standards{}; ///< each standard used, once
};

/// Makes the documents once the number is allocated (called inside the store's transaction).
using CertificateFreezer = std::function<Outcome<FrozenCertificate>(const std::string& number)>;

/// One line of a standard's usage log: the certificate its use went into.
struct StandardUsage {
    StandardId standard;
    JobId job;
    std::string certificate_number;
    Date day{};
};

/// One line of a shared equipment item's usage log: the certificate of a job it served in
/// (linked to a standard used, or booked for the job and checked out).
struct EquipmentUsage {
    EquipmentId equipment;
    JobId job;
    std::string certificate_number;
    Date day{};
};

/// Which certificates a list keeps: each filter given must hold.
struct CertificateFilter {
    std::optional<CertificateStatus> status = std::nullopt;
    std::optional<JobId> job = std::nullopt;
    std::optional<EnterpriseId> enterprise = std::nullopt; ///< the job's enterprise
};

/// The order of a certificate list: by issue date (then sequence) or by number.
enum class CertificateOrder { issued_at, number };

/// One page of certificates, without their documents (`pdf` and `dcc` empty), and how many
/// match the filter in all.
struct CertificatePage {
    std::vector<IssuedCertificate> certificates;
    long long total = 0;
};

/// The storage of issued certificates.
class CertificateStore {
public:
    virtual ~CertificateStore() = default;

    /// In one serialised transaction: moves the job from approved to issued (errc::
    /// invalid_transition when it is not approved, so issuing twice is refused), allocates
    /// the next number of the year, calls `freeze` with it, stores the certificate, marks
    /// `replaces` superseded (it must be valid), records the waived fee and the standards'
    /// usage (and that of the shared equipment linked to those standards or booked for the
    /// job and checked out), and audits. Nothing is stored when any step fails.
    virtual Outcome<IssuedCertificate> issue(const IssueRequest& request,
                                             const CertificateFreezer& freeze) = 0;
    virtual std::optional<IssuedCertificate> find_certificate(std::string_view number) = 0;
    /// The certificate whose PDF or DCC has this SHA-256.
    virtual std::optional<IssuedCertificate> find_by_sha256(std::string_view sha256) = 0;
    /// A page of the certificates `filter` keeps, in `order` (descending when asked), cut by
    /// the store; the documents are left out.
    virtual CertificatePage find_certificates(const CertificateFilter& filter,
                                              CertificateOrder order, bool descending,
                                              long long offset, long long limit) = 0;
    /// The latest certificate issued for a job.
    virtual std::optional<IssuedCertificate> certificate_of_job(JobId job) = 0;
    /// Marks a valid certificate revoked with the reason and who (errc::invalid_transition
    /// when it is not valid, errc::not_found when there is none).
    virtual Outcome<IssuedCertificate> revoke(std::string_view number, std::string_view reason,
                                              std::string_view by) = 0;
    /// The fees waived under a programme by the certificates issued.
    virtual long long issued_waived_cents(ProgrammeId programme) = 0;
    /// A standard's usage log, oldest first.
    virtual std::vector<StandardUsage> usage_of(StandardId standard) = 0;
    /// A shared equipment item's usage log, oldest first.
    virtual std::vector<EquipmentUsage> equipment_usage_of(EquipmentId equipment) = 0;
};

/// Standard base64 (RFC 4648) of bytes, and back (std::nullopt when malformed).
std::string encode_base64(std::string_view bytes);
std::optional<std::string> decode_base64(std::string_view text);

} // namespace callab::lab
