#include <callab/mail/mail_message.hpp>

#include <gtest/gtest.h>

namespace callab::mail {
namespace {

TEST(MailMessageTest, PlainAsciiHeaderTextStaysAsIs) {
    EXPECT_EQ(encode_header_text("Recall reminder 2026-03-01"), "Recall reminder 2026-03-01");
}

TEST(MailMessageTest, Utf8HeaderTextBecomesEncodedWords) {
    // RFC 2047 §8 style: "到期提醒" is E5 88 B0 E6 9C 9F E6 8F 90 E9 86 92 in UTF-8.
    EXPECT_EQ(encode_header_text("到期提醒"), "=?UTF-8?B?5Yiw5pyf5o+Q6YaS?=");
    EXPECT_EQ(encode_header_text("a=?b"), "=?UTF-8?B?YT0/Yg==?="); // "=?" would be misread
}

TEST(MailMessageTest, LongUtf8TextIsSplitOnCharacterBoundariesIntoShortWords) {
    std::string text;
    for (int i = 0; i < 40; ++i) {
        text += "温"; // three bytes each: 120 bytes
    }
    const auto encoded = encode_header_text(text);
    std::size_t start = 0;
    int words = 0;
    while (start < encoded.size()) {
        auto end = encoded.find("\r\n ", start);
        const auto word = encoded.substr(start, end == std::string::npos ? end : end - start);
        EXPECT_LE(word.size(), 75U) << word;
        EXPECT_EQ(word.rfind("=?UTF-8?B?", 0), 0U);
        // 45 bytes (15 characters) per word: 60 base64 characters, no padding.
        if (words < 2) {
            EXPECT_EQ(word.size(), 72U);
        }
        ++words;
        start = end == std::string::npos ? encoded.size() : end + 3;
    }
    EXPECT_EQ(words, 3); // 45 + 45 + 30 bytes
}

TEST(MailMessageTest, DatesFollowRfc5322) {
    // 2026-11-27 15:04:20 UTC, a Friday.
    const auto t = std::chrono::sys_days{std::chrono::year{2026} / 11 / 27} +
                   std::chrono::hours{15} + std::chrono::minutes{4} + std::chrono::seconds{20};
    EXPECT_EQ(rfc5322_date(t), "Fri, 27 Nov 2026 15:04:20 +0000");
}

TEST(MailMessageTest, DotStuffingDoublesLeadingDotsAndEndsTheData) {
    EXPECT_EQ(dot_stuff("a\n.b\r\n..c\n."), "a\r\n..b\r\n...c\r\n..\r\n.\r\n");
    EXPECT_EQ(dot_stuff("last line\r\n"), "last line\r\n.\r\n");
    EXPECT_EQ(dot_stuff(""), ".\r\n");
}

TEST(MailMessageTest, AsciiBodiesAreSevenBitOthersBase64) {
    MailMessage message{"callab@lab.example", "li.wei@lab.example", "Reminder", "hello\n", {},
                        "1@lab.example"};
    message.date = std::chrono::sys_days{std::chrono::year{2026} / 3 / 1};
    const auto text = format_message(message, "lab.example");
    EXPECT_EQ(text, "Date: Sun, 01 Mar 2026 00:00:00 +0000\r\n"
                    "From: callab@lab.example\r\n"
                    "To: li.wei@lab.example\r\n"
                    "Subject: Reminder\r\n"
                    "Message-ID: <1@lab.example>\r\n"
                    "MIME-Version: 1.0\r\n"
                    "Content-Type: text/plain; charset=UTF-8\r\n"
                    "Content-Transfer-Encoding: 7bit\r\n"
                    "\r\n"
                    "hello\n");
    message.body = "温度";
    const auto utf8 = format_message(message, "lab.example");
    EXPECT_NE(utf8.find("Content-Transfer-Encoding: base64\r\n\r\n5rip5bqm\r\n"),
              std::string::npos);
}

TEST(MailMessageTest, MadeUpMessageIdsDifferAndNameTheDomain) {
    MailMessage message{"a@b.c", "d@e.f", "s", "b"};
    const auto first = format_message(message, "lab.example");
    const auto second = format_message(message, "lab.example");
    EXPECT_NE(first, second);
    EXPECT_NE(first.find("@lab.example>\r\n"), std::string::npos);
}

} // namespace
} // namespace callab::mail
