#pragma once

#include <callab/lab/job_service.hpp>

#include <boost/beast/http.hpp>

#include <string>

namespace callab::web {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

/// Maps a request to a response. Pure apart from the lab calls it makes: no sockets, so it
/// is tested without a network. The one place where errors become HTTP statuses.
class Router {
public:
    Router(lab::JobService& jobs, std::string database);

    Response handle(const Request& request) const;

private:
    Response route(const Request& request) const;
    lab::JobService& jobs_;
    std::string database_;
};

} // namespace callab::web
