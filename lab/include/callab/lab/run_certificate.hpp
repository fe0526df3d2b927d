#pragma once
// What a finished run contributes to its certificate: the results table and the
// environment observed.

#include <callab/drivers/reading.hpp>
#include <callab/lab/certificate_content.hpp>
#include <callab/lab/point_result.hpp>

#include <span>
#include <string>
#include <string_view>

namespace callab::lab {

/// The D-SI unit of a procedure unit ("degC" → `\degreecelsius`, "V" → `\volt`, …);
/// errc::invalid_field for a unit without one.
Outcome<std::string> dsi_unit_of(std::string_view unit);

/// The run's results as one certificate table (error of indication, U and k as rounded,
/// the procedure's MPE and each point's conformity), `decimals` digits after the point.
Outcome<ResultGroup> result_group_of(const Procedure& procedure,
                                     std::span<const PointResult> results, int decimals);

/// The temperature and humidity the environment sensor read (each as a range from its
/// readings); errc::invalid_field when either is missing.
Outcome<CertificateEnvironment>
certificate_environment_of(std::span<const drivers::Reading> readings);

} // namespace callab::lab
