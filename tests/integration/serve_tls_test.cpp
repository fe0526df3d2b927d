// `callab serve --tls-cert --tls-key` with a self-signed certificate made by the openssl
// program: HTTPS sign-in with a Secure cookie and Strict-Transport-Security, WSS on
// /api/live, plain HTTP to the port refused with a clear answer, and a missing, unusable or
// mismatched certificate or key refused at start naming the file.
#include "support/callab_run.hpp"
#include "support/http_get.hpp"

#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>

namespace callab {
namespace {
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = boost::asio::ssl;
using test_support::ChildProcess;
using test_support::run_program;
using test_support::TemporaryDirectory;

const std::string binary = CALLAB_BINARY;

// A self-signed P-256 certificate for 127.0.0.1, valid for a day.
void make_certificate(const std::filesystem::path& cert, const std::filesystem::path& key) {
    const auto made = run_program({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                                   "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                                   key.string(), "-out", cert.string(), "-days", "1", "-subj",
                                   "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
    ASSERT_EQ(made.status, 0) << made.error;
}

struct TlsReply {
    int status = 0;
    std::string set_cookie;
    std::string hsts;
    nlohmann::json json;
};

class TlsClient {
public:
    TlsClient(std::uint16_t port, const std::filesystem::path& trusted)
        : context_(ssl::context::tls_client), port_(port) {
        context_.load_verify_file(trusted.string());
        context_.set_verify_mode(ssl::verify_peer);
    }

    TlsReply send(http::verb verb, const std::string& target, const std::string& body = {},
                  const std::string& cookie = {}, const std::string& csrf = {}) {
        beast::ssl_stream<beast::tcp_stream> stream(io_, context_);
        beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(10));
        beast::get_lowest_layer(stream).connect(
            {boost::asio::ip::make_address("127.0.0.1"), port_});
        stream.handshake(ssl::stream_base::client);
        http::request<http::string_body> request{verb, target, 11};
        request.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
        if (!cookie.empty()) {
            request.set(http::field::cookie, cookie);
        }
        if (!csrf.empty()) {
            request.set("X-CSRF-Token", csrf);
        }
        if (!body.empty()) {
            request.set(http::field::content_type, "application/json");
            request.body() = body;
        }
        request.prepare_payload();
        http::write(stream, request);
        beast::flat_buffer buffer;
        http::response<http::string_body> response;
        http::read(stream, buffer, response);
        TlsReply reply;
        reply.status = static_cast<int>(response.result_int());
        reply.set_cookie = std::string(response[http::field::set_cookie]);
        reply.hsts = std::string(response[http::field::strict_transport_security]);
        reply.json = nlohmann::json::parse(response.body(), nullptr, false);
        return reply;
    }

    /// A WSS handshake on `target` with Origin https://127.0.0.1:PORT; the first message.
    std::pair<int, nlohmann::json> follow(const std::string& target, const std::string& cookie) {
        beast::websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(io_, context_);
        beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
        beast::get_lowest_layer(ws).connect({boost::asio::ip::make_address("127.0.0.1"), port_});
        ws.next_layer().handshake(ssl::stream_base::client);
        const std::string host = "127.0.0.1:" + std::to_string(port_);
        ws.set_option(
            beast::websocket::stream_base::decorator([&](beast::websocket::request_type& request) {
                request.set(http::field::cookie, cookie);
                request.set(http::field::origin, "https://" + host);
            }));
        beast::websocket::response_type response;
        beast::error_code ec;
        ws.handshake(response, host, target, ec);
        if (ec) {
            return {response.result_int(), nullptr};
        }
        beast::flat_buffer buffer;
        ws.read(buffer);
        return {101, nlohmann::json::parse(beast::buffers_to_string(buffer.data()))};
    }

private:
    boost::asio::io_context io_;
    ssl::context context_;
    std::uint16_t port_;
};

class ServeTlsTest : public ::testing::Test {
protected:
    void SetUp() override {
        make_certificate(cert_, key_);
        db_ = "sqlite:" + (dir_.path() / "callab.db").string();
        const auto added = run_program(
            {"/bin/sh", "-c",
             "printf '%s\\n' 'correct horse battery' | '" + binary + "' user add --db '" + db_ +
                 "' --username wang.fang --role technician --password-stdin"});
        ASSERT_EQ(added.status, 0) << added.error;
    }

    test_support::RunResult serve_refused(const std::filesystem::path& cert,
                                          const std::filesystem::path& key) {
        return run_program({binary, "serve", "--db", db_, "--port", "0", "--tls-cert",
                            cert.string(), "--tls-key", key.string()});
    }

    TemporaryDirectory dir_;
    std::filesystem::path cert_ = dir_.path() / "cert.pem";
    std::filesystem::path key_ = dir_.path() / "key.pem";
    std::string db_;
};

TEST_F(ServeTlsTest, SignsInOverHttpsWithASecureCookieAndRefusesPlainHttp) {
    ChildProcess serve({binary, "serve", "--db", db_, "--port", "0", "--tls-cert", cert_.string(),
                        "--tls-key", key_.string()},
                       dir_.path());
    ASSERT_TRUE(serve.wait_for_output("listening on https://", std::chrono::seconds(30)))
        << serve.standard_error();
    std::smatch match;
    const std::string output = serve.standard_output();
    ASSERT_TRUE(std::regex_search(output, match, std::regex(R"(https://127\.0\.0\.1:(\d+)/)")));
    const auto port = static_cast<std::uint16_t>(std::stoi(match[1]));

    TlsClient client(port, cert_);
    const auto signed_in =
        client.send(http::verb::post, "/api/session",
                    R"({"username": "wang.fang", "password": "correct horse battery"})");
    ASSERT_EQ(signed_in.status, 200);
    EXPECT_NE(signed_in.set_cookie.find("; Secure"), std::string::npos) << signed_in.set_cookie;
    EXPECT_NE(signed_in.set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_EQ(signed_in.hsts, "max-age=31536000");
    const auto cookie = signed_in.set_cookie.substr(0, signed_in.set_cookie.find(';'));
    const std::string csrf = signed_in.json["csrf_token"];
    const auto who = client.send(http::verb::get, "/api/session", {}, cookie);
    EXPECT_EQ(who.status, 200);
    EXPECT_EQ(who.json["user"]["username"], "wang.fang");
    EXPECT_EQ(who.hsts, "max-age=31536000");

    const auto job = client.send(
        http::verb::post, "/api/jobs",
        R"({"title": "IR thermometer", "instrument": "IRT-1", "quantity": "object_temperature",
            "unit": "degC", "resolution": 0.1})",
        cookie, csrf);
    ASSERT_EQ(job.status, 201);
    const auto [status, first] =
        client.follow("/api/live?job=" + std::to_string(job.json["id"].get<int>()), cookie);
    EXPECT_EQ(status, 101);
    EXPECT_EQ(first["type"], "state");

    // Plain HTTP to the HTTPS port: one clear JSON answer, and the server keeps serving.
    const auto plain = test_support::http_get(port, "/api/health");
    EXPECT_EQ(plain.status, 400);
    EXPECT_EQ(nlohmann::json::parse(plain.body)["error"], "tls_required");
    EXPECT_EQ(client.send(http::verb::get, "/api/health").status, 200);

    serve.terminate();
    EXPECT_EQ(serve.wait(), 0) << serve.standard_error();
}

TEST_F(ServeTlsTest, AnUnusableCertificateOrKeyStopsTheStartNamingTheFile) {
    const auto missing = dir_.path() / "missing.pem";
    auto refused = serve_refused(missing, key_);
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.error.find("TLS certificate " + missing.string() + ": cannot read it"),
              std::string::npos)
        << refused.error;

    const auto garbage = dir_.path() / "garbage.pem";
    std::ofstream(garbage) << "not a certificate\n";
    refused = serve_refused(garbage, key_);
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.error.find("TLS certificate " + garbage.string() + ": not a PEM certificate"),
              std::string::npos)
        << refused.error;

    const auto other_cert = dir_.path() / "other-cert.pem";
    const auto other_key = dir_.path() / "other-key.pem";
    make_certificate(other_cert, other_key);
    refused = serve_refused(cert_, other_key);
    EXPECT_EQ(refused.status, 1);
    EXPECT_NE(refused.error.find("TLS key " + other_key.string()), std::string::npos)
        << refused.error;
    EXPECT_NE(refused.error.find(cert_.string()), std::string::npos) << refused.error;

    refused =
        run_program({binary, "serve", "--db", db_, "--port", "0", "--tls-cert", cert_.string()});
    EXPECT_EQ(refused.status, 2);
    EXPECT_NE(refused.error.find("--tls-cert and --tls-key go together"), std::string::npos);
}

} // namespace
} // namespace callab
