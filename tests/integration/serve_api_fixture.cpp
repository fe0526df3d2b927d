#include "serve_api_fixture.hpp"

#include "../support/sample_certificate.hpp"
#include "serve_api_bench.hpp"

#include <boost/asio/ip/tcp.hpp>

namespace callab::test_support {
namespace http = boost::beast::http;

Reply send_request(std::uint16_t port, http::verb verb, const std::string& target,
                   const std::string& body, const Credentials& as,
                   const std::string& content_type) {
    namespace beast = boost::beast;
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(60));
    stream.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!as.cookie.empty()) {
        request.set(http::field::cookie, as.cookie);
    }
    if (!as.csrf.empty()) {
        request.set("X-CSRF-Token", as.csrf);
    }
    if (!body.empty()) {
        request.set(http::field::content_type, content_type);
        request.body() = body;
    }
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(16 * 1024 * 1024);
    http::read(stream, buffer, parser);
    auto response = parser.release();
    beast::error_code ignored;
    stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    Reply reply;
    reply.status = static_cast<int>(response.result_int());
    reply.body = response.body();
    reply.json = nlohmann::json::parse(reply.body, nullptr, false);
    if (reply.json.is_discarded()) {
        reply.json = nullptr;
    }
    reply.set_cookie = std::string(response[http::field::set_cookie]);
    reply.content_type = std::string(response[http::field::content_type]);
    reply.allow = std::string(response[http::field::allow]);
    return reply;
}

void ServeApiTest::SetUp() {
    database_ = db::Database::open("sqlite:" + (dir_.path() / "callab.db").string(), 8);
    job_store_ = std::make_unique<db::SqlJobStore>(*database_);
    users_ = std::make_unique<db::SqlUserStore>(*database_);
    sessions_ = std::make_unique<db::SqlSessionStore>(*database_);
    bookings_ = std::make_unique<db::SqlBookingStore>(*database_);
    standards_ = std::make_unique<db::SqlStandardStore>(*database_);
    recalls_ = std::make_unique<db::SqlRecallStore>(*database_);
    notices_ = std::make_unique<db::SqlNoticeStore>(*database_);
    jobs_ = std::make_unique<lab::JobService>(*job_store_);
    runs_ = typed_run_manager(*job_store_, *users_, *standards_);
    services_ = std::make_unique<web::ApiServices>(
        web::ApiServices{*jobs_, *users_, *sessions_, *bookings_, *standards_});
    enterprises_ = std::make_unique<db::SqlEnterpriseStore>(*database_);
    service_request_store_ = std::make_unique<db::SqlServiceRequestStore>(*database_);
    service_requests_ = std::make_unique<lab::ServiceRequestService>(
        *service_request_store_, *enterprises_, *job_store_, *bookings_);
    activities_ = std::make_unique<db::SqlServiceActivityStore>(*database_);
    statistics_ = std::make_unique<db::SqlStatisticsStore>(*database_);
    services_->service_requests = service_requests_.get();
    services_->activities = activities_.get();
    services_->statistics = statistics_.get();
    services_->recalls = recalls_.get();
    services_->notices = notices_.get();
    services_->runs = runs_.get();
    certificate_store_ = std::make_unique<db::SqlCertificateStore>(*database_);
    certificates_ = std::make_unique<lab::CertificateService>(
        *certificate_store_, *job_store_,
        lab::IssuingSettings{"CAL-{year}-{seq:6}", "https://lab.example.org/verify/", {}});
    {
        const auto sample = test::sample_certificate();
        laboratory_.laboratory = sample.laboratory;
        laboratory_.place = sample.place;
        laboratory_.traceability = sample.traceability;
        laboratory_.method_titles = {{"JJF 1107-2003", sample.method.title}};
    }
    services_->certificates = certificates_.get();
    services_->laboratory = &laboratory_;
    services_->enterprises = enterprises_.get();
    audit_ = std::make_unique<db::SqlAuditLog>(*database_);
    services_->audit = audit_.get();
    programmes_ = std::make_unique<db::SqlProgrammeStore>(*database_);
    services_->programmes = programmes_.get();

    db::SqlEnterpriseStore enterprises(*database_);
    const std::vector<lab::NewEnterprise> batch{{"Hangzhou Thermometers Co.", "91350100M000100Y43",
                                                 "Zhejiang/Hangzhou", "instruments",
                                                 lab::SizeClass::small, ""}};
    const auto enterprise = enterprises.add_enterprises(batch, "test").value().front().id;
    const auto hash = lab::hash_password(test_password);
    for (const auto& [role, name] : lab::role_names) {
        const std::string role_name(name);
        const auto tied = role == lab::Role::enterprise_user
                              ? std::optional<lab::EnterpriseId>(enterprise)
                              : std::nullopt;
        user_[role_name] =
            users_->add_user({role_name, role, tied, role_name}, hash, "test").value();
    }
    user_["enterprise_user_2"] =
        users_
            ->add_user({"enterprise_user_2", lab::Role::enterprise_user, enterprise, "second"},
                       hash, "test")
            .value();

    server_ = std::make_unique<web::Server>(
        web::Server::Options{"127.0.0.1", 0, 4096, std::chrono::seconds(30), "sqlite"});
    port_ = server_->listen().value();
    serving_ = std::thread([this] { server_->run(*services_, 4); });

    const auto manager = login("manager");
    const auto added =
        send(http::verb::post, "/api/equipment", R"({"name": "Dry-block calibrator"})", manager);
    ASSERT_EQ(added.status, 201) << added.body;
    equipment_ = added.json["id"].get<std::int64_t>();
}

void ServeApiTest::restart_server() {
    server_->stop();
    if (serving_.joinable()) {
        serving_.join();
    }
    services_->runs = nullptr;
    runs_.reset();
    runs_ = typed_run_manager(*job_store_, *users_, *standards_);
    services_->runs = runs_.get();
    server_ = std::make_unique<web::Server>(
        web::Server::Options{"127.0.0.1", 0, 4096, std::chrono::seconds(30), "sqlite"});
    port_ = server_->listen().value();
    serving_ = std::thread([this] { server_->run(*services_, 4); });
}

void ServeApiTest::TearDown() {
    server_->stop();
    if (serving_.joinable()) {
        serving_.join();
    }
}

Credentials ServeApiTest::login(const std::string& username) {
    const auto reply =
        send(http::verb::post, "/api/session",
             nlohmann::json{{"username", username}, {"password", test_password}}.dump());
    EXPECT_EQ(reply.status, 200) << reply.body;
    const auto end = reply.set_cookie.find(';');
    return {reply.set_cookie.substr(0, end), reply.json.value("csrf_token", "")};
}

} // namespace callab::test_support
