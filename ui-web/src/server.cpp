#include "listener.hpp"
#include "live_feed.hpp"
#include "router.hpp"
#include "tls_context.hpp"

#include <callab/web/server.hpp>

#include <boost/asio/signal_set.hpp>

#include <optional>
#include <thread>
#include <vector>

namespace callab::web {
namespace asio = boost::asio;

struct Server::Impl {
    explicit Impl(Options o)
        : options(std::move(o)), listener(std::make_shared<Listener>(
                                     io, SessionLimits{options.body_limit, options.idle_timeout})),
          signals(io) {}

    Options options;
    asio::io_context io;
    std::optional<Router> router;
    std::shared_ptr<Listener> listener;
    asio::signal_set signals;
    std::optional<asio::ssl::context> tls;
};

Server::Server(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

Server::~Server() {
    stop();
    if (impl_->router && impl_->router->live_hub()) {
        // The clients' executors go with the io_context: no run may wake them after this.
        impl_->router->live_hub()->close_all();
    }
}

std::optional<std::string> Server::use_tls(const std::filesystem::path& certificate,
                                           const std::filesystem::path& key) {
    auto made = make_tls_context(certificate, key);
    if (!made.context) {
        return made.error;
    }
    impl_->tls.emplace(std::move(*made.context));
    impl_->listener->use_tls(*impl_->tls);
    return std::nullopt;
}

bool Server::secure() const {
    return impl_->tls.has_value();
}

boost::system::result<std::uint16_t> Server::listen() {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(impl_->options.host, ec);
    if (ec) {
        return ec;
    }
    if (auto bind_error = impl_->listener->bind({address, impl_->options.port})) {
        return bind_error;
    }
    return impl_->listener->port();
}

void Server::run(lab::JobService& jobs, unsigned threads, lab::CertificateService* certificates) {
    impl_->router.emplace(jobs, impl_->options.database);
    if (certificates != nullptr) {
        impl_->router->verify_with(*certificates);
    }
    serve(threads);
}

void Server::run(ApiServices& services, unsigned threads) {
    if (secure()) {
        services.secure_cookie = true;
    }
    impl_->router.emplace(services, impl_->options.database);
    if (services.runs != nullptr) {
        publish_runs(*services.runs, impl_->router->live_hub());
    }
    serve(threads);
}

void Server::serve(unsigned threads) {
    impl_->listener->start(*impl_->router);
    std::vector<std::jthread> workers;
    for (unsigned i = 1; i < threads; ++i) {
        workers.emplace_back([this] { impl_->io.run(); });
    }
    impl_->io.run();
}

void Server::stop() {
    impl_->listener->stop();
    impl_->io.stop();
}

void Server::stop_on_signals() {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.async_wait([this](const boost::system::error_code& ec, int) {
        if (!ec) {
            stop();
        }
    });
}

} // namespace callab::web
