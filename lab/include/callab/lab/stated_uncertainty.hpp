#pragma once

#include <callab/lab/reference_standard.hpp>
#include <callab/lab/rejection.hpp>

#include <string>
#include <string_view>

namespace callab::lab {

/// An expanded uncertainty as a certificate states it: U, its unit and k.
struct StatedUncertainty {
    double expanded = 0.0;
    std::string unit; ///< D-SI style: "°C" and "℃" are read as "degC", "%" as "percent"
    double coverage_factor = 0.0;
};

/// Reads "U = 0.05 °C (k = 2)" (spaces optional, "k=2" also after a comma). errc::invalid_field
/// names what is missing: the U, its unit, or k.
Outcome<StatedUncertainty> parse_stated_uncertainty(std::string_view text);

/// The standard uncertainty U/k a standard's certificate gives, in `unit` (the procedure's).
/// A certificate of several quantities states one U each, separated by ';' ("U = 0.02 V
/// (k = 2); U = 0.0005 A (k = 2)"): the one in `unit` counts. errc::invalid_field names the
/// certificate when a statement cannot be read or none is in `unit`.
Outcome<double> certificate_standard_uncertainty(const StandardCertificate& certificate,
                                                 std::string_view unit);

} // namespace callab::lab
