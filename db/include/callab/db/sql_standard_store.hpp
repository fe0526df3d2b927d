#pragma once

#include <callab/db/database.hpp>
#include <callab/lab/standard_store.hpp>

namespace callab::db {

/// lab::StandardStore on the lab's SQL database. Throws DatabaseError when the database fails.
class SqlStandardStore final : public lab::StandardStore {
public:
    explicit SqlStandardStore(Database& database) : database_(database) {}

    lab::Outcome<lab::ReferenceStandard> add_standard(const lab::NewReferenceStandard& standard,
                                                      std::string_view actor) override;
    std::optional<lab::ReferenceStandard> find_standard(lab::StandardId id) override;
    std::vector<lab::ReferenceStandard> standards() override;
    lab::Outcome<void> set_status(lab::StandardId id, lab::StandardStatus status,
                                  const std::string& reason, std::string_view actor) override;
    lab::Outcome<lab::StandardCertificate>
    add_certificate(const lab::StandardCertificate& certificate, std::string_view actor) override;
    std::optional<lab::StandardCertificate> latest_certificate(lab::StandardId id) override;
    std::vector<lab::StandardCertificate> certificates_of(lab::StandardId id) override;
    void add_intermediate_check(const lab::IntermediateCheck& check,
                                std::string_view actor) override;
    std::vector<lab::IntermediateCheck> intermediate_checks_of(lab::StandardId id) override;
    lab::Outcome<lab::Procedure> add_procedure_version(const lab::NewProcedure& procedure,
                                                       std::string_view actor) override;
    std::optional<lab::Procedure> find_procedure(lab::ProcedureId id) override;
    std::optional<lab::Procedure> latest_procedure(const std::string& code) override;
    std::vector<lab::Procedure> procedures() override;

private:
    Database& database_;
};

} // namespace callab::db
