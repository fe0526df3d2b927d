#pragma once
// The lab's services on one database, wired once: the SQL stores, the services over them and
// the run manager of the server's bench. `callab serve` and `callab demo` serve what api()
// gives; the demo also seeds its records through the same objects.

#include <callab/db/database.hpp>
#include <callab/db/sql_audit_log.hpp>
#include <callab/db/sql_booking_store.hpp>
#include <callab/db/sql_certificate_store.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_notice_store.hpp>
#include <callab/db/sql_programme_store.hpp>
#include <callab/db/sql_recall_store.hpp>
#include <callab/db/sql_service_activity_store.hpp>
#include <callab/db/sql_service_request_store.hpp>
#include <callab/db/sql_session_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_statistics_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/certificate_assembler.hpp>
#include <callab/lab/certificate_service.hpp>
#include <callab/lab/job_service.hpp>
#include <callab/lab/service_request_service.hpp>
#include <callab/web/api_services.hpp>

#include <chrono>
#include <functional>
#include <memory>

namespace callab::app {

/// How the lab's services behave, from the command line and the config file.
struct LabSettings {
    std::chrono::minutes session_lifetime{8 * 60};
    lab::IssuingSettings issuing;
    lab::LaboratoryIdentity laboratory; ///< what every certificate states of the lab
};

class LabServices {
public:
    /// Makes the run manager of the server's bench on the stores (see server_bench.hpp).
    using RunManagerFactory = std::function<std::shared_ptr<lab::RunManager>(
        lab::JobStore&, lab::UserStore&, lab::StandardStore&)>;

    /// The services on `database`, which must outlive them.
    LabServices(db::Database& database, const RunManagerFactory& make_runs,
                LabSettings settings = {});
    ~LabServices();
    LabServices(const LabServices&) = delete;
    LabServices& operator=(const LabServices&) = delete;

    /// What the signed API serves; refers to this object, which must outlive the server.
    web::ApiServices api();

    db::SqlJobStore& job_store() { return job_store_; }
    db::SqlUserStore& users() { return users_; }
    db::SqlSessionStore& sessions() { return sessions_; }
    db::SqlBookingStore& bookings() { return bookings_; }
    db::SqlStandardStore& standards() { return standards_; }
    db::SqlEnterpriseStore& enterprises() { return enterprises_; }
    db::SqlCertificateStore& certificate_store() { return certificate_store_; }
    db::SqlProgrammeStore& programmes() { return programmes_; }
    lab::JobService& jobs() { return jobs_; }
    lab::CertificateService& certificates() { return certificates_; }
    lab::RunManager& runs() { return *runs_; }

private:
    LabSettings settings_;
    db::SqlJobStore job_store_;
    db::SqlUserStore users_;
    db::SqlSessionStore sessions_;
    db::SqlBookingStore bookings_;
    db::SqlStandardStore standards_;
    db::SqlEnterpriseStore enterprises_;
    db::SqlAuditLog audit_;
    db::SqlRecallStore recalls_;
    db::SqlNoticeStore notices_;
    db::SqlServiceRequestStore service_request_store_;
    db::SqlServiceActivityStore activities_;
    db::SqlStatisticsStore statistics_;
    db::SqlCertificateStore certificate_store_;
    db::SqlProgrammeStore programmes_;
    lab::JobService jobs_;
    lab::ServiceRequestService service_requests_;
    lab::CertificateService certificates_;
    std::shared_ptr<lab::RunManager> runs_; ///< declared last: its runs use the stores above
};

} // namespace callab::app
