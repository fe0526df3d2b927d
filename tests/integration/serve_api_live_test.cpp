// The WebSocket /api/live over loopback: who may follow which job (401, 403 for another
// origin, 404 for another enterprise's job), a typed run streaming state, readings, points
// and its end in order, and a client connecting later starting from the current state.
#include "serve_api_bench.hpp"
#include "serve_api_fixture.hpp"

#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/credit_code.hpp>

#include <boost/beast/websocket.hpp>

#include <algorithm>

namespace callab::test_support {
namespace {
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

/// A blocking WebSocket client of /api/live.
class LiveClient {
public:
    /// Connects and asks for the upgrade; status() is 101 when it was granted.
    LiveClient(std::uint16_t port, const std::string& target, const Credentials& as,
               const std::string& origin = {})
        : ws_(io_) {
        auto& tcp = beast::get_lowest_layer(ws_);
        tcp.expires_after(std::chrono::seconds(10));
        tcp.connect({boost::asio::ip::make_address("127.0.0.1"), port});
        ws_.set_option(websocket::stream_base::decorator([&](websocket::request_type& request) {
            if (!as.cookie.empty()) {
                request.set(http::field::cookie, as.cookie);
            }
            if (!origin.empty()) {
                request.set(http::field::origin, origin);
            }
        }));
        websocket::response_type response;
        beast::error_code ec;
        ws_.handshake(response, "127.0.0.1:" + std::to_string(port), target, ec);
        status_ = response.result_int();
        body_ = nlohmann::json::parse(response.body(), nullptr, false);
    }

    int status() const { return status_; }
    const nlohmann::json& refusal() const { return body_; }

    /// The next event; null when none arrives within 10 s or the connection closed.
    nlohmann::json next() {
        beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
        beast::flat_buffer buffer;
        beast::error_code ec;
        ws_.read(buffer, ec);
        if (ec) {
            return nullptr;
        }
        EXPECT_TRUE(ws_.got_text());
        return nlohmann::json::parse(beast::buffers_to_string(buffer.data()));
    }

private:
    boost::asio::io_context io_;
    websocket::stream<beast::tcp_stream> ws_;
    int status_ = 0;
    nlohmann::json body_;
};

class ServeApiLiveTest : public ServeApiTest {
protected:
    void SetUp() override {
        ServeApiTest::SetUp();
        procedure_ = lab::seed_builtin_procedures(*standards_, "test").front();
        users_->authorise(user_["technician"].id, procedure_.data.code, "test");
        technician_ = login("technician");
    }

    std::int64_t open_job(std::optional<std::int64_t> enterprise = std::nullopt) {
        nlohmann::json body{{"title", "IR forehead thermometer"},
                            {"instrument", "IRT-1 SN 7"},
                            {"quantity", "object_temperature"},
                            {"unit", "degC"},
                            {"resolution", 0.1},
                            {"procedure_id", procedure_.id.value()}};
        if (enterprise) {
            body["enterprise_id"] = *enterprise;
        }
        const auto opened = send(http::verb::post, "/api/jobs", body.dump(), technician_);
        EXPECT_EQ(opened.status, 201) << opened.body;
        return opened.json.value("id", std::int64_t{0});
    }

    void type_reading(std::int64_t job, double value, const std::string& role) {
        const auto stored = send(
            http::verb::post, "/api/jobs/" + std::to_string(job) + "/readings",
            nlohmann::json{{"value", value}, {"unit", "degC"}, {"role", role}}.dump(), technician_);
        ASSERT_EQ(stored.status, 201) << stored.body;
    }

    static std::string live(std::int64_t job) { return "/api/live?job=" + std::to_string(job); }

    lab::Procedure procedure_;
    Credentials technician_;
};

TEST_F(ServeApiLiveTest, OnlySignedInUsersFromThisOriginFollowJobsTheyMaySee) {
    const auto enterprise = user_["enterprise_user"].data.enterprise->value();
    const std::string first17 = "91330200MA2CFK4B0";
    const std::vector<lab::NewEnterprise> other{
        {"Ningbo Gauges Ltd.", first17 + *lab::credit_code_check_character(first17),
         "Zhejiang/Ningbo", "gauges", lab::SizeClass::micro, ""}};
    const auto others = enterprises_->add_enterprises(other, "test").value().front().id.value();
    const auto theirs = open_job(enterprise);
    const auto not_theirs = open_job(others);

    LiveClient anonymous(port_, live(theirs), {});
    EXPECT_EQ(anonymous.status(), 401);
    EXPECT_EQ(anonymous.refusal()["error"], "unauthenticated");

    const auto portal = login("enterprise_user");
    const std::string here = "http://127.0.0.1:" + std::to_string(port_);
    LiveClient elsewhere(port_, live(theirs), portal, "http://evil.example");
    EXPECT_EQ(elsewhere.status(), 403);
    EXPECT_EQ(elsewhere.refusal()["error"], "origin_not_allowed");
    EXPECT_EQ(LiveClient(port_, live(theirs), portal, "https://127.0.0.1:" + std::to_string(port_))
                  .status(),
              403); // the scheme is part of the origin

    LiveClient other_enterprise(port_, live(not_theirs), portal, here);
    EXPECT_EQ(other_enterprise.status(), 404);
    EXPECT_EQ(LiveClient(port_, live(not_theirs + 100), technician_).status(), 404);
    const auto no_job = LiveClient(port_, "/api/live?job=x", technician_);
    EXPECT_EQ(no_job.status(), 400);
    EXPECT_EQ(no_job.refusal()["field"], "job");

    LiveClient own(port_, live(theirs), portal, here);
    ASSERT_EQ(own.status(), 101);
    const auto first = own.next();
    EXPECT_EQ(first["type"], "state");
    EXPECT_EQ(first["job_id"], theirs);
    EXPECT_EQ(first["state"], "idle");
    LiveClient staff(port_, live(not_theirs), technician_); // no Origin: not a browser
    EXPECT_EQ(staff.status(), 101);

    // Without the upgrade the route says how to use it.
    EXPECT_EQ(send(http::verb::get, live(theirs), {}, {}).status, 401);
    const auto plain = send(http::verb::get, live(theirs), {}, portal);
    EXPECT_EQ(plain.status, 426);
    EXPECT_EQ(plain.json["error"], "upgrade_required");
}

TEST_F(ServeApiLiveTest, ATypedRunStreamsStateReadingsPointsAndItsEndInOrder) {
    const auto job = open_job();
    LiveClient client(port_, live(job), technician_);
    ASSERT_EQ(client.status(), 101);
    EXPECT_EQ(client.next()["state"], "idle");

    const auto path = "/api/jobs/" + std::to_string(job);
    ASSERT_EQ(send(http::verb::post, path + "/start", "", technician_).status, 200);
    const double nominal[] = {35.0, 37.0, 39.0};
    const int per_point = procedure_.data.readings_per_point;
    for (int point = 0; point < 3; ++point) {
        for (int i = 0; i < per_point; ++i) {
            type_reading(job, nominal[point] + 0.01 * i, "reference");
        }
        for (int i = 0; i < per_point; ++i) {
            type_reading(job, nominal[point] + 0.1 * (i % 2), "indication");
        }
    }

    std::vector<nlohmann::json> events;
    while (events.empty() || events.back()["type"] != "state" ||
           events.back()["state"] != "finished") {
        auto event = client.next();
        ASSERT_FALSE(event.is_null()) << "the stream ended after " << events.size() << " events";
        EXPECT_EQ(event["job_id"], job);
        events.push_back(std::move(event));
    }
    ASSERT_EQ(events.front()["type"], "state");
    EXPECT_EQ(events.front()["state"], "running");
    // Then, per point: its readings, reference first, then its result; the end last.
    std::vector<std::string> sequence;
    int point = 0;
    int readings = 0;
    for (const auto& event : events) {
        const std::string type = event["type"];
        if (type == "state") {
            const std::string state = event["state"];
            EXPECT_TRUE(state == "running" || state == "paused" || state == "finished") << state;
            if (state == "paused") {
                EXPECT_TRUE(event["message"].get<std::string>().starts_with("enter "));
            }
        } else if (type == "reading") {
            EXPECT_EQ(event["point"], point);
            EXPECT_EQ(event["unit"], "degC");
            EXPECT_EQ(event["role"], readings < per_point ? "reference" : "device");
            EXPECT_EQ(event["source"], readings < per_point ? "reference:manual" : "manual");
            EXPECT_FALSE(event["at"].get<std::string>().empty());
            ++readings;
        } else {
            ASSERT_EQ(type, "point");
            EXPECT_EQ(event["point"], point);
            EXPECT_EQ(readings, 2 * per_point);
            EXPECT_EQ(event["result"]["test_point"], point);
            EXPECT_GT(event["result"]["U"].get<double>(), 0.0);
            ++point;
            readings = 0;
        }
    }
    EXPECT_EQ(point, 3);

    // The job's own result per point is what the stream said.
    const auto run = send(http::verb::get, path + "/run", {}, technician_).json;
    const auto last_point = std::find_if(events.rbegin(), events.rend(),
                                         [](const auto& e) { return e["type"] == "point"; });
    EXPECT_EQ((*last_point)["result"], run["points"][2]);

    // A client that (re)connects now starts from the current state.
    LiveClient later(port_, live(job), technician_);
    ASSERT_EQ(later.status(), 101);
    const auto state = later.next();
    EXPECT_EQ(state["type"], "state");
    EXPECT_EQ(state["state"], "finished");
}

TEST_F(ServeApiLiveTest, AClientJoiningAPausedRunGetsThePauseAndWhyFirst) {
    const auto job = open_job();
    ASSERT_EQ(send(http::verb::post, "/api/jobs/" + std::to_string(job) + "/start", "", technician_)
                  .status,
              200);
    wait_for_runs(*runs_);
    LiveClient client(port_, live(job), technician_);
    ASSERT_EQ(client.status(), 101);
    const auto state = client.next();
    EXPECT_EQ(state["state"], "paused");
    EXPECT_TRUE(state["message"].get<std::string>().starts_with("enter reference readings"));
    type_reading(job, 35.0, "reference");
    const auto reading = client.next();
    EXPECT_EQ(reading["type"], "reading");
    EXPECT_EQ(reading["value"], 35.0);
}

} // namespace
} // namespace callab::test_support
