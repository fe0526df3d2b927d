#include <callab/mail/errc.hpp>

#include <string>

namespace callab::mail {
namespace {

class MailCategory final : public boost::system::error_category {
public:
    const char* name() const noexcept override { return "callab.mail"; }
    std::string message(int value) const override {
        switch (static_cast<errc>(value)) {
        case errc::connection_failed:
            return "cannot connect to the mail server";
        case errc::timed_out:
            return "the mail server did not answer in time";
        case errc::refused:
            return "the mail server refused the message";
        case errc::protocol_violation:
            return "the mail server's reply is not SMTP";
        case errc::tls_required:
            return "STARTTLS is required and not available";
        case errc::tls_failed:
            return "the TLS handshake with the mail server failed";
        case errc::invalid_message:
            return "the message cannot be sent as given";
        }
        return "unknown mail error";
    }
};

} // namespace

const boost::system::error_category& mail_category() noexcept {
    static const MailCategory category;
    return category;
}

} // namespace callab::mail
