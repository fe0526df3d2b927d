#include <callab/mail/smtp_reply.hpp>

#include <gtest/gtest.h>

namespace callab::mail {
namespace {

TEST(SmtpReplyTest, CollectsAMultilineReply) {
    SmtpReplyParser parser;
    EXPECT_FALSE(parser.feed("250-mail.lab.example"));
    EXPECT_FALSE(parser.feed("250-SIZE 33554432"));
    EXPECT_FALSE(parser.feed("250-starttls"));
    const auto reply = parser.feed("250 8BITMIME");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->code, 250);
    EXPECT_EQ(reply->lines.size(), 4U);
    EXPECT_TRUE(reply->has_extension("STARTTLS"));
    EXPECT_TRUE(reply->has_extension("SIZE"));
    EXPECT_FALSE(reply->has_extension("mail.lab.example")); // the greeting line is not one
    EXPECT_FALSE(reply->has_extension("AUTH"));
    EXPECT_TRUE(reply->positive());
    EXPECT_FALSE(parser.malformed());
}

TEST(SmtpReplyTest, ACodeAloneIsAReply) {
    SmtpReplyParser parser;
    const auto reply = parser.feed("354");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->code, 354);
    EXPECT_EQ(reply->to_string(), "354 ");
}

TEST(SmtpReplyTest, ARefusalReadsAsLogged) {
    SmtpReplyParser parser;
    EXPECT_FALSE(parser.feed("550-5.1.1 <x@y.z>: Recipient address rejected"));
    const auto reply = parser.feed("550 5.1.1 see the postmaster");
    ASSERT_TRUE(reply);
    EXPECT_FALSE(reply->positive());
    EXPECT_EQ(reply->to_string(),
              "550 5.1.1 <x@y.z>: Recipient address rejected / 5.1.1 see the postmaster");
}

TEST(SmtpReplyTest, NonSmtpLinesAreMalformed) {
    for (const char* line : {"HTTP/1.1 400 Bad Request", "25", "250x", ""}) {
        SmtpReplyParser parser;
        EXPECT_FALSE(parser.feed(line));
        EXPECT_TRUE(parser.malformed()) << line;
    }
    SmtpReplyParser mixed;
    EXPECT_FALSE(mixed.feed("250-first"));
    EXPECT_FALSE(mixed.feed("251 second"));
    EXPECT_TRUE(mixed.malformed());
}

} // namespace
} // namespace callab::mail
