#pragma once

#include <callab/lab/procedure.hpp>
#include <callab/lab/reference_standard.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace callab::lab {

/// The lab's reference standards with their versioned certificates and intermediate checks,
/// and the versioned procedures. Nothing here is edited: a certificate or a procedure change
/// is a new version; a status change is recorded with its reason in the audit trail.
class StandardStore {
public:
    virtual ~StandardStore() = default;

    /// errc::not_found when the traceability parent does not exist.
    virtual Outcome<ReferenceStandard> add_standard(const NewReferenceStandard& standard,
                                                    std::string_view actor) = 0;
    virtual std::optional<ReferenceStandard> find_standard(StandardId id) = 0;
    /// Every standard, by id (a lab keeps tens to hundreds).
    virtual std::vector<ReferenceStandard> standards() = 0;
    virtual Outcome<void> set_status(StandardId id, StandardStatus status,
                                     const std::string& reason, std::string_view actor) = 0;

    /// Stores the certificate as the standard's next version and returns it with its id
    /// and version. errc::invalid_field when due_on is not after calibrated_on.
    virtual Outcome<StandardCertificate> add_certificate(const StandardCertificate& certificate,
                                                         std::string_view actor) = 0;
    virtual std::optional<StandardCertificate> latest_certificate(StandardId id) = 0;
    virtual std::vector<StandardCertificate> certificates_of(StandardId id) = 0;

    virtual void add_intermediate_check(const IntermediateCheck& check, std::string_view actor) = 0;
    virtual std::vector<IntermediateCheck> intermediate_checks_of(StandardId id) = 0;

    /// Stores the next version of the procedure with this code (validate_procedure first).
    virtual Outcome<Procedure> add_procedure_version(const NewProcedure& procedure,
                                                     std::string_view actor) = 0;
    virtual std::optional<Procedure> find_procedure(ProcedureId id) = 0;
    virtual std::optional<Procedure> latest_procedure(const std::string& code) = 0;
    /// Every stored version of every procedure, by code then version.
    virtual std::vector<Procedure> procedures() = 0;
};

} // namespace callab::lab
