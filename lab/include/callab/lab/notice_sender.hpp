#pragma once

#include <callab/lab/rejection.hpp>

#include <string>

namespace callab::lab {

/// A reminder message in the lab's words; the sender turns it into mail.
struct NoticeMail {
    std::string to;      ///< the recipient's address
    std::string subject; ///< UTF-8
    std::string body;    ///< UTF-8 text, lines separated by '\n'
};

/// Delivers notices (by e-mail in callab serve and callab recall notify). The lab only
/// needs to know whether the message was accepted and what the server said.
class NoticeSender {
public:
    virtual ~NoticeSender() = default;
    /// The server's final reply when it accepted the message; errc::delivery_failed with
    /// the server's reply (or the connection's failure) otherwise.
    virtual Outcome<std::string> send(const NoticeMail& mail) = 0;
};

} // namespace callab::lab
