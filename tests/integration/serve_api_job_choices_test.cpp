// What the job wizard reads and sends: /api/job-choices (procedures of the instrument's kind,
// standards with whether they are usable today) and the standards chosen per test point
// when a job is opened (the run on the bench measures with them).
#include "serve_api_bench.hpp"
#include "serve_api_fixture.hpp"

#include <callab/lab/builtin_procedures.hpp>

#include <algorithm>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

class ServeApiJobChoicesTest : public ServeApiTest {
protected:
    void SetUp() override {
        ServeApiTest::SetUp();
        for (const auto& p : lab::seed_builtin_procedures(*standards_, "test")) {
            if (p.data.code == "IRT-FOREHEAD") {
                procedure_ = p;
            }
        }
        users_->authorise(user_["technician"].id, procedure_.data.code, "test");
        technician_ = login("technician");
        lab::NewInstrument thermometer{lab::InstrumentKind::ir_forehead_thermometer,
                                       "Yuwell",
                                       "YHW-2",
                                       "YW-CHOICE-1",
                                       32.0,
                                       42.5,
                                       "degC",
                                       0.1,
                                       *user_["enterprise_user"].data.enterprise};
        instrument_ = enterprises_->add_instruments({&thermometer, 1}, "test")->front().id.value();
        suspended_ =
            standards_->add_standard({"Old blackbody", "Fluke", "4181", "OLD-1", {}, "NIM"}, "test")
                ->id.value();
        ASSERT_TRUE(standards_->set_status(lab::StandardId{suspended_},
                                           lab::StandardStatus::suspended, "drift", "test"));
    }

    nlohmann::json standard_choice(const nlohmann::json& choices, std::int64_t id) {
        for (const auto& s : choices["standards"]) {
            if (s["id"] == id) {
                return s;
            }
        }
        return nullptr;
    }

    Reply open_job(const nlohmann::json& standards) {
        nlohmann::json body{{"title", "IR forehead thermometer"},
                            {"instrument", "YHW-2 YW-CHOICE-1"},
                            {"quantity", "object_temperature"},
                            {"unit", "degC"},
                            {"resolution", 0.1},
                            {"instrument_id", instrument_},
                            {"procedure_id", procedure_.id.value()},
                            {"standards", standards}};
        return send(http::verb::post, "/api/jobs", body.dump(), technician_);
    }

    lab::Procedure procedure_;
    Credentials technician_;
    std::int64_t instrument_ = 0;
    std::int64_t suspended_ = 0;
};

TEST_F(ServeApiJobChoicesTest, ListsProceduresOfTheKindAndStandardsWithWhyNotUsable) {
    const auto choices =
        send(http::verb::get, "/api/job-choices?instrument_id=" + std::to_string(instrument_), {},
             technician_);
    ASSERT_EQ(choices.status, 200) << choices.body;
    ASSERT_EQ(choices.json["procedures"].size(), 1U) << choices.body;
    EXPECT_EQ(choices.json["procedures"][0]["code"], "IRT-FOREHEAD");
    EXPECT_EQ(choices.json["procedures"][0]["test_points"].size(), 3U);
    const auto suspended = standard_choice(choices.json, suspended_);
    ASSERT_FALSE(suspended.is_null()) << choices.body;
    EXPECT_FALSE(suspended["usable"].get<bool>());
    EXPECT_NE(suspended["reason"].get<std::string>().find("suspended"), std::string::npos)
        << suspended;
    const auto all = send(http::verb::get, "/api/job-choices", {}, technician_);
    EXPECT_GT(all.json["procedures"].size(), 1U);

    EXPECT_EQ(send(http::verb::get, "/api/job-choices?instrument_id=999999", {}, technician_)
                  .json["field"],
              "instrument_id");
    EXPECT_EQ(send(http::verb::get, "/api/job-choices?kind=x", {}, technician_).status, 400);
    EXPECT_EQ(send(http::verb::get, "/api/job-choices", {}, login("enterprise_user")).status, 403);
}

TEST_F(ServeApiJobChoicesTest, StandardsChosenPerPointAreCheckedAndStored) {
    const auto reference = lab::StandardId{
        send(http::verb::get, "/api/job-choices", {}, technician_).json["standards"][0]["id"]};
    const auto missing = open_job({{{"test_point", 0}, {"standard_id", suspended_}}});
    EXPECT_EQ(missing.status, 422) << missing.body;
    EXPECT_EQ(missing.json["field"], "standards");
    EXPECT_NE(missing.json["message"].get<std::string>().find("suspended"), std::string::npos)
        << missing.body;
    nlohmann::json two_points = nlohmann::json::array();
    for (int point : {0, 1}) {
        two_points.push_back({{"test_point", point}, {"standard_id", reference.value()}});
    }
    const auto uncovered = open_job(two_points);
    EXPECT_EQ(uncovered.status, 422);
    EXPECT_NE(uncovered.json["message"].get<std::string>().find("test point 2"), std::string::npos)
        << uncovered.body;
    EXPECT_EQ(send(http::verb::get, "/api/jobs", {}, technician_).json["total"], 0)
        << "a refused job is not stored half-way";

    auto all = two_points;
    all.push_back({{"test_point", 2}, {"standard_id", reference.value()}});
    const auto opened = open_job(all);
    ASSERT_EQ(opened.status, 201) << opened.body;
    EXPECT_EQ(opened.json["standards"], all);
    const auto id = opened.json["id"].get<std::int64_t>();
    EXPECT_EQ(
        send(http::verb::get, "/api/jobs/" + std::to_string(id), {}, technician_).json["standards"],
        all);
}

} // namespace
} // namespace callab::test_support
