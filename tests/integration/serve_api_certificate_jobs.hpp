#pragma once
// The fixture of the certificate API tests: jobs of a registered IR forehead thermometer,
// measured with typed readings on the fixture's bench, reviewed, approved and issued.
#include "serve_api_bench.hpp"
#include "serve_api_fixture.hpp"

#include <callab/lab/builtin_procedures.hpp>

namespace callab::test_support {
namespace http = boost::beast::http;

class ServeApiCertificatesTest : public ServeApiTest {
protected:
    void SetUp() override {
        ServeApiTest::SetUp();
        procedure_ = lab::seed_builtin_procedures(*standards_, "test").front();
        users_->authorise(user_["technician"].id, procedure_.data.code, "test");
        technician_ = login("technician");
        signatory_ = login("signatory");
        enterprise_ = user_["enterprise_user"].data.enterprise->value();
    }

    /// A registered IR forehead thermometer of `enterprise`.
    std::int64_t instrument_of(std::int64_t enterprise, const std::string& serial) {
        lab::NewInstrument instrument;
        instrument.kind = lab::InstrumentKind::ir_forehead_thermometer;
        instrument.maker = "Example Electronics";
        instrument.model = "IRT-100";
        instrument.serial = serial;
        instrument.range_low = 32;
        instrument.range_high = 42.5;
        instrument.resolution = 0.1;
        instrument.owner = lab::EnterpriseId{enterprise};
        const std::vector<lab::NewInstrument> batch{instrument};
        return enterprises_->add_instruments(batch, "test").value().front().id.value();
    }

    /// A job of `enterprise` measured on the typed bench (three points, five readings each
    /// side), reviewed and approved.
    std::int64_t approved_job(std::int64_t enterprise, const std::string& serial) {
        const auto job = measured_job(enterprise, serial);
        approve(job);
        return job;
    }

    /// A job of `enterprise` opened by the technician and measured on the typed bench.
    std::int64_t measured_job(std::int64_t enterprise, const std::string& serial) {
        const auto opened =
            send(http::verb::post, "/api/jobs",
                 nlohmann::json{{"title", "IR forehead thermometer"},
                                {"instrument", "IRT-100 " + serial},
                                {"quantity", "object_temperature"},
                                {"unit", "degC"},
                                {"resolution", 0.1},
                                {"enterprise_id", enterprise},
                                {"instrument_id", instrument_of(enterprise, serial)},
                                {"procedure_id", procedure_.id.value()}}
                     .dump(),
                 technician_);
        EXPECT_EQ(opened.status, 201) << opened.body;
        const auto job = opened.json.value("id", std::int64_t{0});
        measure(job);
        return job;
    }

    /// Starts `job` on the typed bench and types its readings (three points, five readings
    /// each side).
    void measure(std::int64_t job) {
        const auto path = "/api/jobs/" + std::to_string(job);
        EXPECT_EQ(send(http::verb::post, path + "/start", "", technician_).status, 200);
        wait_for_runs(*runs_);
        const double nominal[] = {35.0, 37.0, 39.0};
        for (int point = 0; point < 3; ++point) {
            for (const char* role : {"reference", "indication"}) {
                for (int i = 0; i < 5; ++i) {
                    const double offset =
                        std::string(role) == "reference" ? 0.01 * i : 0.1 * (i % 2);
                    const auto stored = send(http::verb::post, path + "/readings",
                                             nlohmann::json{{"value", nominal[point] + offset},
                                                            {"unit", "degC"},
                                                            {"role", role}}
                                                 .dump(),
                                             technician_);
                    EXPECT_EQ(stored.status, 201) << stored.body;
                }
            }
        }
        wait_for_runs(*runs_);
    }

    /// Reviewed by the reviewer, approved by the signatory.
    void approve(std::int64_t job) {
        const auto path = "/api/jobs/" + std::to_string(job);
        EXPECT_EQ(send(http::verb::post, path + "/review", "", login("reviewer")).status, 200);
        const auto approved = send(http::verb::post, path + "/approve", "", signatory_);
        EXPECT_EQ(approved.status, 200) << approved.body;
    }

    Reply issue(std::int64_t job, const Credentials& as) {
        return send(http::verb::post, "/api/jobs/" + std::to_string(job) + "/issue", "", as);
    }

    lab::Procedure procedure_;
    Credentials technician_;
    Credentials signatory_;
    std::int64_t enterprise_ = 0;
};

} // namespace callab::test_support
