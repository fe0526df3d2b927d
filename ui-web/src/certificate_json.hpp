#pragma once

#include <callab/lab/instrument.hpp>
#include <callab/lab/issued_certificate.hpp>
#include <callab/lab/job.hpp>

#include <nlohmann/json.hpp>

#include <optional>

namespace callab::web {

/// The one JSON form of an issued certificate, in lists and alone: `{"number", "job_id",
/// "enterprise_id", "instrument": {"kind", "maker", "model", "serial"}, "status", "issued_at",
/// "issued_by", "pdf_sha256", "dcc_sha256"}` and, when they apply, `"replaces"`,
/// `"superseded_by"` and `"revocation_reason"`. `job` gives the enterprise; the instrument is
/// the job's registered one, or, without one, `kind` is the certificate's own description.
nlohmann::json certificate_to_json(const lab::IssuedCertificate& certificate,
                                   const std::optional<lab::Job>& job,
                                   const std::optional<lab::Instrument>& instrument);

} // namespace callab::web
