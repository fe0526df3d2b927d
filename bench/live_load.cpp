// Load of the WebSocket /api/live: N clients follow one run while its readings are stored,
// against a baseline of one client following a run of the same length in the same process.
// Reports the delay from a reading being stored (its `stored_at`) to each client receiving it
// (median, p99, max) and whether every client got every reading.
//
//   live_load [--clients 200] [--interval-ms 20] [--server-threads 2] [--json FILE]
//
// --json writes the figures for bench/report.py.
//
// The server is `callab serve`'s own (web::Server on the SQLite stores, 127.0.0.1, a free
// port) in this process with a bench whose readings are typed in over HTTP at a steady
// interval, so that the readings arrive at a known rate and clients and server share one clock.
#include "serve_api_bench.hpp"
#include "support/temporary_directory.hpp"

#include <callab/db/database.hpp>
#include <callab/db/sql_booking_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_session_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/password_hash.hpp>
#include <callab/web/server.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

namespace {
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace asio = boost::asio;
using namespace callab;
using Clock = std::chrono::system_clock;

const std::string password = "live load password";

struct Session {
    std::string cookie;
    std::string csrf;
};

nlohmann::json request(std::uint16_t port, http::verb verb, const std::string& target,
                       const std::string& body, const Session& as,
                       std::string* set_cookie = nullptr) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    stream.connect({asio::ip::make_address("127.0.0.1"), port});
    http::request<http::string_body> req{verb, target, 11};
    req.set(http::field::host, "127.0.0.1");
    if (!as.cookie.empty()) {
        req.set(http::field::cookie, as.cookie);
        req.set("X-CSRF-Token", as.csrf);
    }
    if (!body.empty()) {
        req.set(http::field::content_type, "application/json");
        req.body() = body;
    }
    req.prepare_payload();
    http::write(stream, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(stream, buffer, res);
    if (res.result_int() >= 300) {
        throw std::runtime_error(std::string(target) + ": " + std::to_string(res.result_int()) +
                                 " " + res.body());
    }
    if (set_cookie != nullptr) {
        *set_cookie = std::string(res[http::field::set_cookie]);
    }
    return nlohmann::json::parse(res.body(), nullptr, false);
}

// "2026-11-27T10:00:00.123456Z" -> the time point.
Clock::time_point parse_stored_at(const std::string& text) {
    std::tm tm{};
    std::istringstream in(text.substr(0, 19));
    in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
    const auto seconds = Clock::from_time_t(timegm(&tm));
    return seconds + std::chrono::microseconds(std::stol(text.substr(20, 6)));
}

/// One follower of the run: records each reading's delay until the run's end.
class Follower : public std::enable_shared_from_this<Follower> {
public:
    Follower(asio::io_context& io, std::uint16_t port, std::string target, const Session& as)
        : ws_(io), port_(port), target_(std::move(target)), cookie_(as.cookie) {}

    void start() {
        beast::get_lowest_layer(ws_).async_connect(
            asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_),
            [self = shared_from_this()](beast::error_code ec) { self->on_connect(ec); });
    }

    std::vector<double> delays_ms;
    std::atomic<bool> ready{false};
    std::atomic<bool> done{false};
    std::string failure;

private:
    void on_connect(beast::error_code ec) {
        if (ec) {
            return fail("connect: " + ec.message());
        }
        ws_.set_option(
            websocket::stream_base::decorator([cookie = cookie_](websocket::request_type& r) {
                r.set(http::field::cookie, cookie);
            }));
        ws_.async_handshake("127.0.0.1:" + std::to_string(port_), target_,
                            [self = shared_from_this()](beast::error_code e) {
                                if (e) {
                                    return self->fail("handshake: " + e.message());
                                }
                                self->read();
                            });
    }
    void read() {
        ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
            self->on_read(ec);
        });
    }
    void on_read(beast::error_code ec) {
        const auto now = Clock::now();
        if (ec) {
            return fail("read: " + ec.message());
        }
        const auto event = nlohmann::json::parse(beast::buffers_to_string(buffer_.data()));
        buffer_.clear();
        if (event["type"] == "reading") {
            const auto stored = parse_stored_at(event["stored_at"]);
            delays_ms.push_back(std::chrono::duration<double, std::milli>(now - stored).count());
        } else if (event["type"] == "state") {
            ready = true;
            if (event["state"] == "finished") {
                done = true;
                beast::error_code ignored;
                beast::get_lowest_layer(ws_).socket().close(ignored);
                return;
            }
        }
        read();
    }
    void fail(std::string why) {
        failure = std::move(why);
        done = true;
        ready = true;
    }

    websocket::stream<beast::tcp_stream> ws_;
    std::uint16_t port_;
    std::string target_;
    std::string cookie_;
    beast::flat_buffer buffer_;
};

struct Figures {
    std::size_t clients = 0;
    std::size_t readings = 0;
    std::size_t complete = 0; ///< clients that got every reading
    double median = 0, p99 = 0, max = 0;
    double seconds = 0;
};

double percentile(std::vector<double>& sorted, double p) {
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
}

class Lab {
public:
    explicit Lab(unsigned server_threads) {
        database_ = db::Database::open("sqlite:" + (dir_.path() / "callab.db").string(), 8);
        jobs_ = std::make_unique<db::SqlJobStore>(*database_);
        users_ = std::make_unique<db::SqlUserStore>(*database_);
        sessions_ = std::make_unique<db::SqlSessionStore>(*database_);
        bookings_ = std::make_unique<db::SqlBookingStore>(*database_);
        standards_ = std::make_unique<db::SqlStandardStore>(*database_);
        service_ = std::make_unique<lab::JobService>(*jobs_);
        runs_ = test_support::typed_run_manager(*jobs_, *users_, *standards_);
        procedure_ = lab::seed_builtin_procedures(*standards_, "bench").front();
        const auto technician =
            users_
                ->add_user({"bench.technician", lab::Role::technician, std::nullopt, "Bench"},
                           lab::hash_password(password), "bench")
                .value();
        users_->authorise(technician.id, procedure_.data.code, "bench");
        services_ = std::make_unique<web::ApiServices>(
            web::ApiServices{*service_, *users_, *sessions_, *bookings_, *standards_});
        services_->runs = runs_.get();
        server_ = std::make_unique<web::Server>(
            web::Server::Options{"127.0.0.1", 0, 1 << 20, std::chrono::seconds(60), "sqlite"});
        port_ = server_->listen().value();
        serving_ =
            std::thread([this, server_threads] { server_->run(*services_, server_threads); });
        std::string cookie;
        const auto signed_in =
            request(port_, http::verb::post, "/api/session",
                    nlohmann::json{{"username", "bench.technician"}, {"password", password}}.dump(),
                    {}, &cookie);
        session_ = {cookie.substr(0, cookie.find(';')), signed_in["csrf_token"]};
    }
    ~Lab() {
        server_->stop();
        serving_.join();
    }

    Figures follow(std::size_t clients, std::chrono::milliseconds interval) {
        const auto job = request(port_, http::verb::post, "/api/jobs",
                                 nlohmann::json{{"title", "IR thermometer"},
                                                {"instrument", "IRT-1"},
                                                {"quantity", "object_temperature"},
                                                {"unit", "degC"},
                                                {"resolution", 0.1},
                                                {"procedure_id", procedure_.id.value()}}
                                     .dump(),
                                 session_)["id"]
                             .get<std::int64_t>();
        const auto path = "/api/jobs/" + std::to_string(job);
        asio::io_context io;
        std::vector<std::shared_ptr<Follower>> followers;
        for (std::size_t i = 0; i < clients; ++i) {
            followers.push_back(std::make_shared<Follower>(
                io, port_, "/api/live?job=" + std::to_string(job), session_));
            followers.back()->start();
        }
        std::thread client_thread([&io] { io.run(); });
        while (!std::all_of(followers.begin(), followers.end(),
                            [](auto& f) { return f->ready.load(); })) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        const auto began = std::chrono::steady_clock::now();
        request(port_, http::verb::post, path + "/start", "", session_);
        const double nominal[] = {35.0, 37.0, 39.0};
        std::size_t readings = 0;
        for (int point = 0; point < 3; ++point) {
            for (const char* role : {"reference", "indication"}) {
                for (int i = 0; i < procedure_.data.readings_per_point; ++i) {
                    std::this_thread::sleep_for(interval);
                    request(port_, http::verb::post, path + "/readings",
                            nlohmann::json{{"value", nominal[point] + 0.01 * i},
                                           {"unit", "degC"},
                                           {"role", role}}
                                .dump(),
                            session_);
                    ++readings;
                }
            }
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (!std::all_of(followers.begin(), followers.end(), [](auto& f) {
            return f->done.load();
        }) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        Figures figures;
        figures.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        io.stop();
        client_thread.join();
        figures.clients = clients;
        figures.readings = readings;
        std::vector<double> all;
        for (const auto& f : followers) {
            if (!f->failure.empty()) {
                std::cerr << "live_load: a client failed: " << f->failure << "\n";
            }
            figures.complete += f->delays_ms.size() == readings ? 1 : 0;
            all.insert(all.end(), f->delays_ms.begin(), f->delays_ms.end());
        }
        std::sort(all.begin(), all.end());
        if (!all.empty()) {
            figures.median = percentile(all, 0.5);
            figures.p99 = percentile(all, 0.99);
            figures.max = all.back();
        }
        return figures;
    }

private:
    test_support::TemporaryDirectory dir_;
    std::unique_ptr<db::Database> database_;
    std::unique_ptr<db::SqlJobStore> jobs_;
    std::unique_ptr<db::SqlUserStore> users_;
    std::unique_ptr<db::SqlSessionStore> sessions_;
    std::unique_ptr<db::SqlBookingStore> bookings_;
    std::unique_ptr<db::SqlStandardStore> standards_;
    std::unique_ptr<lab::JobService> service_;
    std::shared_ptr<lab::RunManager> runs_;
    lab::Procedure procedure_;
    std::unique_ptr<web::ApiServices> services_;
    std::unique_ptr<web::Server> server_;
    std::thread serving_;
    std::uint16_t port_ = 0;
    Session session_;
};

void print(const char* name, const Figures& f) {
    std::printf("| %-9s | %7zu | %8zu | %14zu | %8.2f | %8.2f | %8.2f | %6.1f |\n", name, f.clients,
                f.readings, f.complete, f.median, f.p99, f.max, f.seconds);
}

nlohmann::json to_json(const Figures& f) {
    return {{"clients", f.clients},  {"readings", f.readings}, {"complete", f.complete},
            {"median_ms", f.median}, {"p99_ms", f.p99},        {"max_ms", f.max},
            {"seconds", f.seconds}};
}

} // namespace

int main(int argc, char** argv) {
    std::size_t clients = 200;
    int interval_ms = 20;
    unsigned server_threads = 2;
    std::string json_file;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        const std::string value = argv[i + 1];
        if (flag == "--clients") {
            clients = std::stoul(value);
        } else if (flag == "--interval-ms") {
            interval_ms = std::stoi(value);
        } else if (flag == "--server-threads") {
            server_threads = static_cast<unsigned>(std::stoul(value));
        } else if (flag == "--json") {
            json_file = value;
        } else {
            std::cerr << "live_load: unknown option " << flag << "\n";
            return 2;
        }
    }
    try {
        Lab lab(server_threads);
        const auto baseline = lab.follow(1, std::chrono::milliseconds(interval_ms));
        const auto loaded = lab.follow(clients, std::chrono::milliseconds(interval_ms));
        std::printf("| run       | clients | readings | got every one  | median ms | p99 ms | max "
                    "ms | s |\n");
        std::printf("|---|---|---|---|---|---|---|---|\n");
        print("baseline", baseline);
        print("loaded", loaded);
        std::printf("\np99 loaded / baseline: %.2f\n",
                    baseline.p99 > 0 ? loaded.p99 / baseline.p99 : 0.0);
        if (!json_file.empty()) {
            std::ofstream out(json_file);
            out << nlohmann::json{{"interval_ms", interval_ms},
                                  {"server_threads", server_threads},
                                  {"baseline", to_json(baseline)},
                                  {"loaded", to_json(loaded)}}
                       .dump(1)
                << "\n";
            if (!out) {
                std::cerr << "live_load: cannot write " << json_file << "\n";
                return 1;
            }
        }
        return loaded.complete == loaded.clients && baseline.complete == 1 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "live_load: " << e.what() << "\n";
        return 1;
    }
}
