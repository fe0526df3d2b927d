#pragma once
// A migrated database on the suite's backend with every SQL store over it, and helpers that
// register the records most tests need.

#include "support/test_database.hpp"

#include <callab/db/sql_audit_log.hpp>
#include <callab/db/sql_booking_store.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_user_store.hpp>

namespace callab::test_support {

class RecordsTest : public StoreTest {
protected:
    db::SqlJobStore jobs_{*database_};
    db::SqlUserStore users_{*database_};
    db::SqlEnterpriseStore enterprises_{*database_};
    db::SqlStandardStore standards_{*database_};
    db::SqlBookingStore bookings_{*database_};
    db::SqlAuditLog audit_{*database_};

    static lab::NewEnterprise enterprise(std::string credit_code = "91350100M000100Y43") {
        return {"Fuzhou Thermometry Co.", std::move(credit_code), "Fujian/Fuzhou",
                "medical devices",        lab::SizeClass::small,  "Li Wei, 0591-0000000"};
    }

    lab::Enterprise add_enterprise(std::string credit_code = "91350100M000100Y43") {
        const lab::NewEnterprise e = enterprise(std::move(credit_code));
        return enterprises_.add_enterprises({&e, 1}, "admin").value().front();
    }

    lab::User add_user(const std::string& name, lab::Role role,
                       std::optional<lab::EnterpriseId> enterprise = std::nullopt) {
        return users_.add_user({name, role, enterprise, name}, "hash-of-" + name, "admin").value();
    }

    lab::ReferenceStandard add_standard(lab::Date due_on) {
        const auto standard =
            standards_
                .add_standard({"Blackbody BB-1", "Fluke", "4180", "BB001", {}, "NIM"}, "admin")
                .value();
        standards_
            .add_certificate(
                {lab::CertificateId{}, standard.id, 0, "NIM-2025-001", "NIM",
                 lab::Date{due_on.year() - std::chrono::years{1}, due_on.month(), due_on.day()},
                 due_on, "U = 0.2 °C (k = 2)"},
                "admin")
            .value();
        return standard;
    }

    static lab::NewProcedure forehead_procedure() {
        lab::NewProcedure p;
        p.code = "IRT-FOREHEAD";
        p.kind = lab::InstrumentKind::ir_forehead_thermometer;
        p.method_reference = "JJF 1107-2003";
        p.test_points = {35.0, 37.0, 39.0};
        p.unit = "degC";
        p.readings_per_point = 3;
        p.uncertainty_inputs = {{"blackbody", 0.1, "normal"}, {"resolution", 0.05, "rectangular"}};
        p.maximum_permissible_error = 0.2;
        p.decision_rule = lab::DecisionRule::guard_band;
        p.guard_band_factor = 1.0;
        p.certificate = lab::CertificateKind::calibration;
        p.fee_cents = 5000;
        return p;
    }
};

inline lab::Date day(int y, unsigned m, unsigned d) {
    return lab::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

} // namespace callab::test_support
