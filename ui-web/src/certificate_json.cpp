#include "certificate_json.hpp"

#include <callab/lab/calendar_date.hpp>

namespace callab::web {

nlohmann::json certificate_to_json(const lab::IssuedCertificate& c,
                                   const std::optional<lab::Job>& job,
                                   const std::optional<lab::Instrument>& instrument) {
    nlohmann::json item{{"kind", c.instrument}, {"maker", ""}, {"model", ""}, {"serial", ""}};
    if (instrument) {
        item = {{"kind",
                 std::string(lab::enum_name(instrument->data.kind, lab::instrument_kind_names))},
                {"maker", instrument->data.maker},
                {"model", instrument->data.model},
                {"serial", instrument->data.serial}};
    }
    nlohmann::json out{
        {"number", c.number},
        {"job_id", c.job.value()},
        {"enterprise_id", nullptr},
        {"instrument", std::move(item)},
        {"status", std::string(lab::enum_name(c.status, lab::certificate_status_names))},
        {"issued_at", lab::format_date(c.issue_date)},
        {"issued_by", c.issued_by},
        {"pdf_sha256", c.pdf_sha256},
        {"dcc_sha256", c.dcc_sha256}};
    if (job && job->spec.enterprise) {
        out["enterprise_id"] = job->spec.enterprise->value();
    }
    if (c.replaces_number) {
        out["replaces"] = *c.replaces_number;
    }
    if (c.superseded_by) {
        out["superseded_by"] = *c.superseded_by;
    }
    if (c.status == lab::CertificateStatus::revoked) {
        out["revocation_reason"] = c.revocation_reason;
    }
    return out;
}

} // namespace callab::web
