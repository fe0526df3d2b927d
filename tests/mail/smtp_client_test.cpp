// The SMTP client against a real server (aiosmtpd): what arrives is what was sent, a
// refused recipient is reported with the server's reply, and connection failures are named.
#include "smtp_sink.hpp"

#include <callab/mail/smtp_client.hpp>

#include <boost/algorithm/string/replace.hpp>
#include <gtest/gtest.h>

namespace callab::mail {
namespace {

using test_support::SmtpSink;

SmtpSettings settings_for(std::uint16_t port) {
    SmtpSettings settings;
    settings.host = "127.0.0.1";
    settings.port = port;
    settings.from = "callab@lab.example";
    settings.helo_name = "callab.lab.example";
    settings.timeout = std::chrono::milliseconds(5000);
    return settings;
}

MailMessage reminder(const std::string& to) {
    return {"callab@lab.example", to, "Recall reminder 2026-03-01 · 到期提醒",
            "Due:\n- standard 2: intermediate check due in 10 days\n.hidden line\n..two dots\n"
            "温度计 calibration\n"};
}

TEST(SmtpClientTest, DeliversHeadersAndBodyIntact) {
    SmtpSink sink;
    SmtpClient client(settings_for(sink.port()));
    const auto sent = client.send(reminder("li.wei@lab.example"));
    ASSERT_TRUE(sent) << sent.error().detail;
    EXPECT_EQ(sent->rfind("250 ", 0), 0U) << *sent;
    const auto messages = sink.messages();
    ASSERT_EQ(messages.size(), 1U);
    const auto& m = messages[0];
    EXPECT_EQ(m["helo"], "callab.lab.example");
    EXPECT_EQ(m["mail_from"], "callab@lab.example");
    EXPECT_EQ(m["rcpt_tos"], nlohmann::json::array({"li.wei@lab.example"}));
    EXPECT_EQ(m["headers"]["Subject"], "Recall reminder 2026-03-01 · 到期提醒");
    EXPECT_EQ(m["headers"]["From"], "callab@lab.example");
    EXPECT_EQ(m["headers"]["To"], "li.wei@lab.example");
    EXPECT_NE(m["raw"].get<std::string>().find("Content-Type: text/plain; charset=UTF-8\r\n"),
              std::string::npos);
    EXPECT_TRUE(m["headers"].contains("Date"));
    EXPECT_NE(m["headers"]["Message-ID"].get<std::string>().find("@callab.lab.example>"),
              std::string::npos);
    auto body = m["body"].get<std::string>();
    boost::replace_all(body, "\r\n", "\n");
    EXPECT_EQ(body, reminder("").body); // leading dots unstuffed by the server, UTF-8 intact
    EXPECT_NE(m["raw"].get<std::string>().find("Subject: =?UTF-8?B?"), std::string::npos);
}

TEST(SmtpClientTest, ARefusedRecipientIsReportedWithTheServersReply) {
    SmtpSink sink;
    SmtpClient client(settings_for(sink.port()));
    const auto sent = client.send(reminder("refused.user@lab.example"));
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, errc::refused);
    EXPECT_EQ(sent.error().detail,
              "550 5.1.1 <refused.user@lab.example>: Recipient address rejected");
    EXPECT_TRUE(sink.messages().empty());
    // The connection ended cleanly: the next message goes through.
    EXPECT_TRUE(client.send(reminder("li.wei@lab.example")));
    EXPECT_EQ(sink.messages().size(), 1U);
}

TEST(SmtpClientTest, StartTlsThatIsNotOfferedStopsBeforeTheEnvelope) {
    SmtpSink sink;
    auto settings = settings_for(sink.port());
    settings.starttls = true;
    const auto sent = SmtpClient(settings).send(reminder("li.wei@lab.example"));
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, errc::tls_required);
    EXPECT_NE(sent.error().detail.find("does not offer STARTTLS"), std::string::npos);
    EXPECT_TRUE(sink.messages().empty());
}

TEST(SmtpClientTest, CredentialsAreNeverSentInClear) {
    SmtpSink sink;
    auto settings = settings_for(sink.port());
    settings.username = "callab";
    settings.password = "secret-password";
    const auto sent = SmtpClient(settings).send(reminder("li.wei@lab.example"));
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, errc::tls_required);
}

TEST(SmtpClientTest, NoServerIsAConnectionFailureNamingTheAddress) {
    const auto port = test_support::free_loopback_port();
    const auto sent = SmtpClient(settings_for(port)).send(reminder("li.wei@lab.example"));
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, errc::connection_failed);
    EXPECT_NE(sent.error().detail.find("127.0.0.1:" + std::to_string(port)), std::string::npos);
}

TEST(SmtpClientTest, ASilentServerTimesOut) {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    auto settings = settings_for(silent.local_endpoint().port());
    settings.timeout = std::chrono::milliseconds(300);
    const auto sent = SmtpClient(settings).send(reminder("li.wei@lab.example"));
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, errc::timed_out);
}

TEST(SmtpClientTest, LineBreaksInAddressesAreRefusedBeforeConnecting) {
    auto message = reminder("li.wei@lab.example\r\nRCPT TO:<other@lab.example>");
    const auto sent = SmtpClient(settings_for(1)).send(message);
    ASSERT_FALSE(sent);
    EXPECT_EQ(sent.error().code, errc::invalid_message);
}

} // namespace
} // namespace callab::mail
