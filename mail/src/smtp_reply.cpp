#include <callab/mail/smtp_reply.hpp>

#include <algorithm>
#include <cctype>

namespace callab::mail {

std::string SmtpReply::to_string() const {
    std::string text = std::to_string(code);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        text += (i == 0 ? " " : " / ") + lines[i];
    }
    return text;
}

bool SmtpReply::has_extension(std::string_view keyword) const {
    const auto same = [](char a, char b) {
        return std::toupper(static_cast<unsigned char>(a)) ==
               std::toupper(static_cast<unsigned char>(b));
    };
    // The first line of an EHLO reply is the greeting; each further one is "KEYWORD params".
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        const std::string_view word = line.substr(0, line.find(' '));
        if (word.size() == keyword.size() &&
            std::equal(word.begin(), word.end(), keyword.begin(), same)) {
            return true;
        }
    }
    return false;
}

std::optional<SmtpReply> SmtpReplyParser::feed(std::string_view line) {
    const bool coded = line.size() >= 3 && std::all_of(line.begin(), line.begin() + 3,
                                                       [](char c) { return c >= '0' && c <= '9'; });
    if (!coded || (line.size() > 3 && line[3] != '-' && line[3] != ' ')) {
        malformed_ = true;
        return std::nullopt;
    }
    const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    if (!partial_.lines.empty() && code != partial_.code) {
        malformed_ = true;
        return std::nullopt;
    }
    partial_.code = code;
    partial_.lines.emplace_back(line.size() > 4 ? line.substr(4) : std::string_view{});
    if (line.size() > 3 && line[3] == '-') {
        return std::nullopt;
    }
    SmtpReply complete = std::move(partial_);
    partial_ = {};
    return complete;
}

} // namespace callab::mail
