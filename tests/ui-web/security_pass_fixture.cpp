#include "security_pass_fixture.hpp"

#include "../db/raw_session.hpp"
#include "../support/sample_certificate.hpp"
#include "json_body.hpp"
#include "serve_api_bench.hpp"

#include <callab/db/sql_enterprise_store.hpp>
#include <callab/lab/password_hash.hpp>
#include <callab/lab/web_session.hpp>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

namespace callab::web {
namespace http = boost::beast::http;

void SecurityPassTest::SetUp() {
    previous_logger_ = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>(
        "security-pass", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text_));
    logger->set_level(spdlog::level::info);
    spdlog::set_default_logger(logger);

    uri_ = "sqlite:" + (dir_.path() / "callab.db").string();
    database_ = db::Database::open(uri_);
    // Every resource `callab serve` has, so that every documented route is served.
    app::LabSettings settings;
    settings.issuing = {"CAL-{year}-{seq:6}", "https://lab.example.org/verify/", {}};
    const auto sample = test::sample_certificate(); // the sample certificate's laboratory
    settings.laboratory.laboratory = sample.laboratory;
    settings.laboratory.place = sample.place;
    settings.laboratory.traceability = sample.traceability;
    settings.laboratory.method_titles = {{"JJF 1107-2003", sample.method.title}};
    lab_ =
        std::make_unique<app::LabServices>(*database_, test_support::typed_run_manager, settings);
    sessions_ = &lab_->sessions();
    services_ = std::make_unique<ApiServices>(lab_->api());
    router_ = std::make_unique<Router>(*services_, "sqlite");

    auto& enterprises = lab_->enterprises();
    const std::vector<lab::NewEnterprise> batch{
        {"Hangzhou Thermometers Co.", "91350100M000100Y43", "Zhejiang/Hangzhou", "instruments",
         lab::SizeClass::small, ""},
        {"Shanghai Power Meters Co.", "91310000MA1FL1JP22", "Shanghai", "instruments",
         lab::SizeClass::medium, ""}};
    const auto added = enterprises.add_enterprises(batch, "test").value();
    // argon2id takes a good part of a second: hashed once for every test of the program.
    static const std::string hash = lab::hash_password(pass_password);
    for (const auto& [role, name] : lab::role_names) {
        const std::string role_name(name);
        const auto tied = role == lab::Role::enterprise_user
                              ? std::optional<lab::EnterpriseId>(added[0].id)
                              : std::nullopt;
        user_[role_name] =
            lab_->users().add_user({role_name, role, tied, role_name}, hash, "test").value();
    }
    user_["enterprise_user_b"] =
        lab_->users()
            .add_user({"enterprise_user_b", lab::Role::enterprise_user, added[1].id, "B"}, hash,
                      "test")
            .value();
    user_["spare_user"] =
        lab_->users()
            .add_user({"spare_user", lab::Role::technician, std::nullopt, "Spare"}, hash, "test")
            .value();
    for (const auto& [name, user] : user_) {
        as_[name] = session_for(name);
    }

    const auto equipment = send(http::verb::post, "/api/equipment",
                                R"({"name": "Dry-block calibrator"})", as_["manager"]);
    ASSERT_EQ(equipment.status, 201) << equipment.body;
    equipment_ = equipment.json["id"].get<std::int64_t>();
    enterprise_a_ = added[0].id.value();
    lab::NewInstrument instrument;
    instrument.serial = "PASS-1";
    instrument.range_low = 32;
    instrument.range_high = 42.5;
    instrument.unit = "degC";
    instrument.resolution = 0.1;
    instrument.owner = added[0].id;
    const std::vector<lab::NewInstrument> instruments{instrument};
    instrument_a_ = lab_->enterprises().add_instruments(instruments, "test").value()[0].id.value();
    lab::NewJob job{"Thermometer at 37 °C", "FT-1", "temperature", "degC", 0.1};
    job.enterprise = added[0].id; // enterprise A's job, so that its user may read it
    job_ = lab_->job_store().create_job(job).id.value();
    const auto request = send(http::verb::post, "/api/service-requests",
                              nlohmann::json{{"kind", "technical_advice"},
                                             {"enterprise_id", enterprise_a_},
                                             {"subject", "Calibration interval"},
                                             {"details", "How often?"}}
                                  .dump(),
                              as_["enterprise_user"]);
    ASSERT_EQ(request.status, 201) << request.body;
    service_request_a_ = request.json["id"].get<std::int64_t>();
    const auto activity = send(http::verb::post, "/api/activities",
                               nlohmann::json{{"kind", "training"},
                                              {"held_on", "2026-07-28"},
                                              {"region", "Zhejiang/Hangzhou"},
                                              {"topic", "Reading IR thermometers"},
                                              {"enterprise_ids", {enterprise_a_}},
                                              {"attendee_count", 12}}
                                   .dump(),
                               as_["technician"]);
    ASSERT_EQ(activity.status, 201) << activity.body;
    activity_ = activity.json["id"].get<std::int64_t>();
    standard_ = lab_->standards()
                    .add_standard({"Reference thermometer", "Fluke", "1524", "R-1", std::nullopt,
                                   "NIM temperature standard"},
                                  "test")
                    .value()
                    .id.value();
    lab::NewProcedure procedure;
    procedure.code = "PASS-PROC";
    procedure.test_points = {37.0};
    procedure.unit = "degC";
    procedure_ = lab_->standards().add_procedure_version(procedure, "test").value().id.value();
    programme_ = lab_->programmes()
                     .add_programme({"Free calibration 2026",
                                     lab::Date{std::chrono::year{2026} / 1 / 1},
                                     lab::Date{std::chrono::year{2026} / 12 / 31},
                                     {},
                                     {},
                                     100000},
                                    "test")
                     .value()
                     .id.value();
    for (auto [who, id] :
         {std::pair{"enterprise_user", &booking_a_}, std::pair{"enterprise_user_b", &booking_b_}}) {
        const auto booked =
            send(http::verb::post, "/api/bookings", fresh_booking().dump(), as_[who]);
        ASSERT_EQ(booked.status, 201) << booked.body;
        *id = booked.json["id"].get<std::int64_t>();
    }
}

void SecurityPassTest::TearDown() {
    spdlog::set_default_logger(previous_logger_);
}

Reply SecurityPassTest::send(http::verb verb, const std::string& target, const std::string& body,
                             const Credentials& as, const std::string& peer) {
    Request request{verb, target, 11};
    if (!as.cookie.empty()) {
        request.set(http::field::cookie, as.cookie);
    }
    if (!as.csrf.empty()) {
        request.set("X-CSRF-Token", as.csrf);
    }
    if (!body.empty()) {
        request.set(http::field::content_type, "application/json");
        request.body() = body;
    }
    request.prepare_payload();
    const auto response = router_->handle(request, peer);
    Reply reply;
    reply.status = static_cast<int>(response.result_int());
    reply.body = response.body();
    reply.json = nlohmann::json::parse(reply.body, nullptr, false);
    if (reply.json.is_discarded()) {
        reply.json = nullptr;
    }
    reply.set_cookie = std::string(response[http::field::set_cookie]);
    return reply;
}

Credentials SecurityPassTest::login(const std::string& username) {
    const auto reply =
        send(http::verb::post, "/api/session",
             nlohmann::json{{"username", username}, {"password", pass_password}}.dump());
    EXPECT_EQ(reply.status, 200) << reply.body;
    return {reply.set_cookie.substr(0, reply.set_cookie.find(';')),
            reply.json.value("csrf_token", "")};
}

Credentials SecurityPassTest::session_for(const std::string& username) {
    const auto token = lab::new_session_token();
    const lab::WebSession session{lab::session_token_digest(token), user_.at(username).id,
                                  lab::new_session_token(),
                                  std::chrono::system_clock::now() + std::chrono::hours(1)};
    sessions_->create_session(session);
    return {"callab_session=" + token, session.csrf_token};
}

nlohmann::json SecurityPassTest::fresh_booking() {
    using namespace std::chrono;
    const int hour = next_hour_++;
    const auto start = sys_days{year{2034} / 3 / 1} + days{hour / 8} + hours{8 + hour % 8};
    return {{"equipment_id", equipment_},
            {"start", format_utc(start)},
            {"end", format_utc(start + hours{1})},
            {"purpose", "calibration"}};
}

std::map<std::string, long long> SecurityPassTest::table_rows() {
    const auto session = test_support::raw_session(uri_);
    std::vector<std::string> names(200);
    *session << "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        soci::into(names);
    std::map<std::string, long long> rows;
    for (const auto& name : names) {
        long long count = 0;
        *session << "SELECT COUNT(*) FROM \"" + name + "\"", soci::into(count);
        rows[name] = count;
    }
    return rows;
}

std::string SecurityPassTest::integrity_check() {
    const auto session = test_support::raw_session(uri_);
    std::string outcome;
    *session << "PRAGMA integrity_check", soci::into(outcome);
    return outcome;
}

} // namespace callab::web
