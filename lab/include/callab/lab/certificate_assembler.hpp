#pragma once

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/enterprise_store.hpp>
#include <callab/lab/job_store.hpp>
#include <callab/lab/standard_store.hpp>
#include <callab/lab/user_store.hpp>

#include <map>
#include <string>
#include <vector>

namespace callab::lab {

/// What the lab states on every certificate, from its configuration.
struct LaboratoryIdentity {
    CertificateLaboratory laboratory;
    PerformanceLocation location = PerformanceLocation::laboratory;
    BilingualText place;        ///< e.g. 本院温度实验室 / Temperature laboratory
    BilingualText traceability; ///< how the lab's results are traceable
    /// The title of each method reference the lab's procedures cite, e.g.
    /// "JJF 1107-2003" → 测量人体温度的红外温度计校准规范 / Calibration Specification for …
    std::map<std::string, BilingualText> method_titles;
    std::string customer_country_code = "CN";
};

/// What the run supplies: its dates, the environment observed and the results.
struct CertificateFacts {
    Date receipt_date{};
    Date performance_begin{};
    Date performance_end{};
    Date issue_date{};
    CertificateEnvironment environment;
    std::vector<ResultGroup> results;
    BilingualText item_condition = {}; ///< state on receipt, optional
    BilingualText remarks = {};
};

/// Builds a job's CertificateContent from the records: the customer (enterprise), the item
/// (registered instrument), the method (procedure version), every standard used with its
/// latest certificate, the calibrator, reviewer and signatory (approver) by display name,
/// the decision rule of the procedure, and the lab's identity. The number, verification URL
/// and amendment fields are left to CertificateService::issue.
class CertificateAssembler {
public:
    CertificateAssembler(JobStore& jobs, EnterpriseStore& enterprises, StandardStore& standards,
                         UserStore& users, LaboratoryIdentity identity)
        : jobs_(jobs), enterprises_(enterprises), standards_(standards), users_(users),
          identity_(std::move(identity)) {}

    /// errc::not_found naming the record missing (enterprise, instrument, procedure,
    /// technician, reviewer, approver, a standard or its certificate), errc::invalid_field
    /// when the lab has no title for the procedure's method.
    Outcome<CertificateContent> assemble(JobId job, CertificateFacts facts);

private:
    JobStore& jobs_;
    EnterpriseStore& enterprises_;
    StandardStore& standards_;
    UserStore& users_;
    LaboratoryIdentity identity_;
};

/// The bilingual name of an instrument kind, e.g. 红外额温计 / Infrared forehead thermometer.
BilingualText instrument_kind_text(InstrumentKind kind);
/// The statement of a decision rule (ILAC-G8) as printed, with the guard band factor.
BilingualText decision_rule_text(DecisionRule rule, double guard_band_factor);

} // namespace callab::lab
