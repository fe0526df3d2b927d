#pragma once
// A StandardStore and a UserStore in vectors, for testing the run engine's preconditions
// without a database. The SQL stores are tested against the same expectations in tests/db.

#include <callab/lab/standard_store.hpp>
#include <callab/lab/user_store.hpp>

#include <algorithm>
#include <set>
#include <utility>

namespace callab::test_support {

class InMemoryStandardStore final : public lab::StandardStore {
public:
    lab::Outcome<lab::ReferenceStandard> add_standard(const lab::NewReferenceStandard& standard,
                                                      std::string_view) override {
        standards_.push_back(
            {lab::StandardId{static_cast<std::int64_t>(standards_.size() + 1)}, standard});
        return standards_.back();
    }
    std::optional<lab::ReferenceStandard> find_standard(lab::StandardId id) override {
        for (const auto& s : standards_) {
            if (s.id == id) {
                return s;
            }
        }
        return std::nullopt;
    }
    lab::Outcome<void> set_status(lab::StandardId id, lab::StandardStatus status,
                                  const std::string&, std::string_view) override {
        for (auto& s : standards_) {
            if (s.id == id) {
                s.status = status;
                return {};
            }
        }
        return lab::reject(lab::errc::not_found, "standard: not found");
    }
    lab::Outcome<lab::StandardCertificate>
    add_certificate(const lab::StandardCertificate& certificate, std::string_view) override {
        certificates_.push_back(certificate);
        certificates_.back().id =
            lab::CertificateId{static_cast<std::int64_t>(certificates_.size())};
        certificates_.back().version =
            static_cast<int>(certificates_of(certificate.standard).size());
        return certificates_.back();
    }
    std::optional<lab::StandardCertificate> latest_certificate(lab::StandardId id) override {
        auto all = certificates_of(id);
        return all.empty() ? std::nullopt : std::optional(all.back());
    }
    std::vector<lab::StandardCertificate> certificates_of(lab::StandardId id) override {
        std::vector<lab::StandardCertificate> out;
        std::copy_if(certificates_.begin(), certificates_.end(), std::back_inserter(out),
                     [&](const auto& c) { return c.standard == id; });
        return out;
    }
    void add_intermediate_check(const lab::IntermediateCheck&, std::string_view) override {}
    std::vector<lab::IntermediateCheck> intermediate_checks_of(lab::StandardId) override {
        return {};
    }
    lab::Outcome<lab::Procedure> add_procedure_version(const lab::NewProcedure& procedure,
                                                       std::string_view) override {
        procedures_.push_back(
            {lab::ProcedureId{static_cast<std::int64_t>(procedures_.size() + 1)}, 1, procedure});
        return procedures_.back();
    }
    std::optional<lab::Procedure> find_procedure(lab::ProcedureId id) override {
        for (const auto& p : procedures_) {
            if (p.id == id) {
                return p;
            }
        }
        return std::nullopt;
    }
    std::optional<lab::Procedure> latest_procedure(const std::string& code) override {
        for (auto p = procedures_.rbegin(); p != procedures_.rend(); ++p) {
            if (p->data.code == code) {
                return *p;
            }
        }
        return std::nullopt;
    }
    std::vector<lab::ReferenceStandard> standards() override { return standards_; }
    std::vector<lab::Procedure> procedures() override { return procedures_; }

private:
    std::vector<lab::ReferenceStandard> standards_;
    std::vector<lab::StandardCertificate> certificates_;
    std::vector<lab::Procedure> procedures_;
};

class InMemoryUserStore final : public lab::UserStore {
public:
    lab::Outcome<lab::User> add_user(const lab::NewUser& user, const std::string& password_hash,
                                     std::string_view) override {
        users_.push_back(
            {lab::UserId{static_cast<std::int64_t>(users_.size() + 1)}, user, password_hash});
        return users_.back();
    }
    std::optional<lab::User> find_user(lab::UserId id) override {
        for (const auto& u : users_) {
            if (u.id == id) {
                return u;
            }
        }
        return std::nullopt;
    }
    std::optional<lab::User> find_user_by_name(std::string_view username) override {
        for (const auto& u : users_) {
            if (u.data.username == username) {
                return u;
            }
        }
        return std::nullopt;
    }
    void authorise(lab::UserId user, const std::string& code, std::string_view) override {
        authorised_.insert({user.value(), code});
    }
    bool is_authorised(lab::UserId user, const std::string& code) override {
        return authorised_.count({user.value(), code}) > 0;
    }
    std::vector<lab::User> users() override { return users_; }
    std::vector<std::string> authorisations_of(lab::UserId user) override {
        std::vector<std::string> out;
        for (const auto& [id, code] : authorised_) {
            if (id == user.value()) {
                out.push_back(code);
            }
        }
        return out;
    }
    lab::Outcome<lab::User> set_role(lab::UserId user, lab::Role role,
                                     std::optional<lab::EnterpriseId> enterprise,
                                     std::string_view) override {
        for (auto& u : users_) {
            if (u.id == user) {
                u.data.role = role;
                u.data.enterprise = enterprise;
                return u;
            }
        }
        return lab::reject(lab::errc::not_found, "user: " + user.to_string() + " does not exist");
    }
    lab::Outcome<lab::User> set_disabled(lab::UserId user, bool disabled,
                                         std::string_view) override {
        for (auto& u : users_) {
            if (u.id == user) {
                u.disabled = disabled;
                return u;
            }
        }
        return lab::reject(lab::errc::not_found, "user: " + user.to_string() + " does not exist");
    }

private:
    std::vector<lab::User> users_;
    std::set<std::pair<std::int64_t, std::string>> authorised_;
};

} // namespace callab::test_support
