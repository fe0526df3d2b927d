#include "bench_records.hpp"

#include "command_failure.hpp"

#include <callab/lab/password_hash.hpp>

#include <chrono>
#include <random>

namespace callab::app {

lab::User bench_technician(lab::UserStore& users, const std::string& username,
                           const std::string& procedure_code) {
    auto user = users.find_user_by_name(username);
    if (!user) {
        // Nobody logs in as this user: the password is random and never shown.
        std::random_device random;
        std::string password;
        for (int i = 0; i < 32; ++i) {
            password += static_cast<char>('a' + random() % 26);
        }
        lab::NewUser technician{username, lab::Role::technician, std::nullopt, "Bench technician"};
        auto added = users.add_user(technician, lab::hash_password(password), "callab-run");
        if (!added) {
            throw CommandFailure(exit_runtime_failure,
                                 "user " + username + ": " + added.error().message);
        }
        user = *added;
    }
    if (!users.is_authorised(user->id, procedure_code)) {
        users.authorise(user->id, procedure_code, "callab-run");
    }
    return *user;
}

namespace {

void add_bench_certificate(lab::StandardStore& standards, lab::StandardId standard,
                           const std::string& certificate_number, const std::string& uncertainty,
                           const std::string& actor) {
    const auto today = lab::date_of(std::chrono::system_clock::now());
    const auto due = lab::Date{today.year() + std::chrono::years(1), today.month(),
                               std::chrono::day(std::min(unsigned(today.day()), 28U))};
    lab::StandardCertificate certificate;
    certificate.standard = standard;
    certificate.number = certificate_number;
    certificate.issuer = "National Institute of Metrology, China";
    certificate.calibrated_on = today;
    certificate.due_on = due;
    certificate.uncertainty = uncertainty;
    if (auto stored = standards.add_certificate(certificate, actor); !stored) {
        throw CommandFailure(exit_runtime_failure,
                             "certificate " + certificate_number + ": " + stored.error().message);
    }
}

} // namespace

lab::StandardId add_bench_standard(lab::StandardStore& standards,
                                   const lab::NewReferenceStandard& standard,
                                   const std::string& certificate_number,
                                   const std::string& uncertainty, const std::string& actor) {
    auto added = standards.add_standard(standard, actor);
    if (!added) {
        throw CommandFailure(exit_runtime_failure,
                             "standard " + standard.name + ": " + added.error().message);
    }
    add_bench_certificate(standards, added->id, certificate_number, uncertainty, actor);
    return added->id;
}

lab::StandardId find_or_add_bench_standard(lab::StandardStore& standards,
                                           const lab::NewReferenceStandard& standard,
                                           const std::string& certificate_number,
                                           const std::string& uncertainty,
                                           const std::string& actor) {
    for (const auto& stored : standards.standards()) {
        if (stored.data.maker != standard.maker || stored.data.model != standard.model ||
            stored.data.serial != standard.serial) {
            continue;
        }
        const auto latest = standards.latest_certificate(stored.id);
        if (!latest || latest->due_on <= lab::date_of(std::chrono::system_clock::now())) {
            add_bench_certificate(standards, stored.id, certificate_number, uncertainty, actor);
        }
        return stored.id;
    }
    return add_bench_standard(standards, standard, certificate_number, uncertainty, actor);
}

} // namespace callab::app
