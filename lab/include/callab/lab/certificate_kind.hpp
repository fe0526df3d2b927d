#pragma once

namespace callab::lab {

/// Which document a certificate is: the title and whether a pass/fail judgement is
/// expected. A procedure names the kind it produces (calibration or verification).
enum class CertificateKind {
    calibration,           ///< 校准证书: results with uncertainty, conformity only if stated
    verification,          ///< 检定证书: legal verification, every point conforms
    non_conformity_notice, ///< 检定结果通知书: legal verification that failed
};

} // namespace callab::lab
