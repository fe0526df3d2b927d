#include "lab_services.hpp"

#include <callab/lab/run_manager.hpp>

namespace callab::app {

LabServices::LabServices(db::Database& database, const RunManagerFactory& make_runs,
                         LabSettings settings)
    : settings_(std::move(settings)), job_store_(database), users_(database), sessions_(database),
      bookings_(database), standards_(database), enterprises_(database), audit_(database),
      recalls_(database), notices_(database), service_request_store_(database),
      activities_(database), statistics_(database), certificate_store_(database),
      programmes_(database), jobs_(job_store_),
      service_requests_(service_request_store_, enterprises_, job_store_, bookings_),
      certificates_(certificate_store_, job_store_, settings_.issuing),
      runs_(make_runs(job_store_, users_, standards_)) {}

LabServices::~LabServices() = default;

web::ApiServices LabServices::api() {
    web::ApiServices services{jobs_, users_, sessions_, bookings_, standards_};
    services.runs = runs_.get();
    services.enterprises = &enterprises_;
    services.audit = &audit_;
    services.session_lifetime = settings_.session_lifetime;
    services.service_requests = &service_requests_;
    services.activities = &activities_;
    services.statistics = &statistics_;
    services.recalls = &recalls_;
    services.notices = &notices_;
    services.programmes = &programmes_;
    services.certificates = &certificates_;
    services.laboratory = &settings_.laboratory;
    return services;
}

} // namespace callab::app
