#include <callab/lab/certificate_dcc.hpp>
#include <callab/lab/certificate_digest.hpp>
#include <callab/lab/certificate_pdf.hpp>
#include <callab/lab/certificate_service.hpp>

#include <algorithm>

namespace callab::lab {
namespace {

Rejection rejection_of(const CertificateError& error) {
    const errc code = error.code.category() == lab_category()
                          ? static_cast<errc>(error.code.value())
                          : errc::render_failed;
    return reject(code, "certificate " + error.message());
}

std::string instrument_of(const CertificateItem& item) {
    std::string text = item.kind.en.empty() ? item.kind.zh : item.kind.en;
    for (const std::string* part : {&item.model, &item.serial}) {
        if (!part->empty()) {
            text += " " + *part;
        }
    }
    return text;
}

} // namespace

Verification verification_of(const IssuedCertificate& c) {
    return Verification{c.number,
                        c.status,
                        c.superseded_by,
                        c.replaces_number,
                        c.revocation_reason,
                        c.revoked_by,
                        c.instrument,
                        c.issue_date,
                        c.pdf_sha256,
                        c.dcc_sha256,
                        {}};
}

Outcome<IssuedCertificate> CertificateService::issue(JobId id, CertificateContent content,
                                                     const User& by) {
    const auto job = jobs_.find_job(id);
    if (!job) {
        return reject(errc::not_found, "job " + id.to_string() + ": not found");
    }
    if (by.data.role != Role::signatory) {
        return reject(errc::not_permitted,
                      "issue: " + by.data.username + " is not an authorised signatory");
    }
    if (job->spec.technician == by.id) {
        return reject(errc::not_permitted, "issue: " + by.data.username +
                                               " is the technician of job " + id.to_string() +
                                               " (four eyes)");
    }
    if (job->status != JobStatus::approved) {
        const bool issued = job->status == JobStatus::issued;
        return reject(errc::invalid_transition,
                      "job " + id.to_string() +
                          (issued ? ": already issued" : ": is not approved, cannot issue"));
    }
    IssueRequest request{id, settings_.number_pattern, content.issue_date, by.data.username};
    content.replaces_number.reset();
    if (job->spec.corrects) {
        const auto replaced = certificates_.certificate_of_job(*job->spec.corrects);
        if (!replaced) {
            return reject(errc::not_found, "job " + id.to_string() + ": the job it corrects (" +
                                               job->spec.corrects->to_string() +
                                               ") has no certificate");
        }
        if (content.amendment_reason.zh.empty() || content.amendment_reason.en.empty()) {
            return reject(errc::invalid_field,
                          "amendment_reason: required in zh and en for a correction");
        }
        request.replaces = replaced->number;
        content.replaces_number = replaced->number;
    }
    if (job->spec.programme) {
        request.programme = job->spec.programme;
        request.waived_cents = job->spec.fee_cents;
    }
    for (const auto& use : jobs_.standards_used(id)) {
        if (std::find(request.standards.begin(), request.standards.end(), use.standard) ==
            request.standards.end()) {
            request.standards.push_back(use.standard);
        }
    }
    const std::string instrument = instrument_of(content.item);
    const CertificateFreezer freeze = [&](const std::string& number) -> Outcome<FrozenCertificate> {
        content.number = number;
        if (!settings_.verification_base_url.empty()) {
            content.verification_url = settings_.verification_base_url + number;
        }
        auto pdf = render_certificate_pdf(content);
        if (!pdf) {
            return rejection_of(pdf.error());
        }
        auto dcc = write_dcc(content, *pdf);
        if (!dcc) {
            return rejection_of(dcc.error());
        }
        if (settings_.signing_key) {
            auto signed_dcc = sign_dcc(*dcc, *settings_.signing_key);
            if (!signed_dcc) {
                return rejection_of(signed_dcc.error());
            }
            *dcc = std::move(*signed_dcc);
        }
        if (!settings_.dcc_schema_dir.empty()) {
            if (auto valid = validate_dcc(*dcc, settings_.dcc_schema_dir); !valid) {
                return rejection_of(valid.error());
            }
        }
        auto digest = digest_certificate(*pdf, *dcc);
        return FrozenCertificate{instrument, std::move(*pdf), std::move(*dcc),
                                 std::move(digest.pdf_sha256), std::move(digest.dcc_sha256)};
    };
    return certificates_.issue(request, freeze);
}

Outcome<IssuedCertificate> CertificateService::revoke(const std::string& number,
                                                      const std::string& reason, const User& by) {
    if (by.data.role != Role::signatory && by.data.role != Role::manager) {
        return reject(errc::not_permitted,
                      "revoke: " + by.data.username + " is neither a signatory nor a manager");
    }
    if (reason.find_first_not_of(" \t\n") == std::string::npos) {
        return reject(errc::invalid_field, "reason: required to revoke " + number);
    }
    return certificates_.revoke(number, reason, by.data.username);
}

Outcome<Verification> CertificateService::verify(const std::string& number) {
    const auto found = certificates_.find_certificate(number);
    if (!found) {
        return reject(errc::not_found, "certificate " + number + ": not issued by this laboratory");
    }
    return verification_of(*found);
}

Outcome<Verification> CertificateService::verify_file(std::string_view bytes) {
    const std::string sha = sha256_hex(bytes);
    const auto found = certificates_.find_by_sha256(sha);
    if (!found) {
        return reject(errc::not_found, "file with SHA-256 " + sha +
                                           ": matches no issued certificate (altered or unknown)");
    }
    Verification v = verification_of(*found);
    v.matched = found->pdf_sha256 == sha ? "pdf" : "dcc";
    return v;
}

} // namespace callab::lab
