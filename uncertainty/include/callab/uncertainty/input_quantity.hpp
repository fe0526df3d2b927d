#pragma once

#include <callab/uncertainty/combined_uncertainty.hpp>
#include <callab/uncertainty/errc.hpp>

#include <span>
#include <string>
#include <string_view>

namespace callab::uncertainty {

/// The probability distribution assigned to an input quantity (JCGM 101 Table 1).
enum class Distribution {
    normal,      ///< Gaussian; with finite ν it is sampled as a scaled-and-shifted t
    rectangular, ///< uniform on [x − a, x + a]
    triangular,  ///< symmetric triangular on [x − a, x + a]
    u_shaped,    ///< arcsine on [x − a, x + a]
    trapezoidal, ///< symmetric trapezoid on [x − a, x + a], top half-width β·a
    student_t,   ///< scaled-and-shifted t: x + s·t_ν (JCGM 101 6.4.9)
};

std::string_view to_string(Distribution distribution);

/// One input quantity of a measurement model: its estimate x_i, standard uncertainty u(x_i),
/// degrees of freedom ν_i and the distribution that Monte Carlo samples.
struct InputQuantity {
    std::string name;
    double value = 0.0;
    double standard_uncertainty = 0.0;
    Distribution distribution = Distribution::normal;
    double half_width = 0.0; ///< a, for the bounded distributions
    double beta = 0.0;       ///< trapezoid: ratio of top to bottom width
    double degrees_of_freedom = infinite_degrees_of_freedom;
};

/// ν from the relative uncertainty of the uncertainty, Δu/u (GUM G.4.2): ν ≈ ½ (Δu/u)⁻².
Outcome<double> degrees_of_freedom_from_reliability(double relative_uncertainty_of_u);

/// Normal from a standard uncertainty u.
Outcome<InputQuantity> normal_input(std::string name, double value, double u);
/// Normal from an expanded uncertainty U and its coverage factor k (a reference certificate).
Outcome<InputQuantity> normal_input_expanded(std::string name, double value, double expanded,
                                             double k);
/// Rectangular of half-width a around value: u = a/√3.
Outcome<InputQuantity> rectangular_input(std::string name, double value, double half_width);
/// Rectangular between bounds a < b: x = (a + b)/2, u = (b − a)/√12.
Outcome<InputQuantity> rectangular_input_bounds(std::string name, double lower, double upper);
/// Triangular of half-width a: u = a/√6.
Outcome<InputQuantity> triangular_input(std::string name, double value, double half_width);
/// U-shaped (arcsine) of half-width a: u = a/√2.
Outcome<InputQuantity> u_shaped_input(std::string name, double value, double half_width);
/// Trapezoidal of half-width a and top-to-bottom ratio β: u = a·√((1 + β²)/6).
Outcome<InputQuantity> trapezoidal_input(std::string name, double value, double half_width,
                                         double beta);
/// Scaled-and-shifted t with scale s and ν degrees of freedom: u = s, ν as given
/// (the GUM's Type A reading of a t-distributed input, JCGM 101 6.4.9).
Outcome<InputQuantity> student_t_input(std::string name, double value, double scale,
                                       double degrees_of_freedom);
/// Type A from repeated readings: mean, s(q̄) = s/√n, ν = n − 1 (GUM 4.2).
Outcome<InputQuantity> type_a_input(std::string name, std::span<const double> readings);
/// Type A with a pooled standard deviation s_p of ν_p degrees of freedom from earlier series
/// (GUM 4.2.4, H.1.3.2): the mean of the readings, u = s_p/√n, ν = ν_p.
Outcome<InputQuantity> type_a_pooled_input(std::string name, std::span<const double> readings,
                                           double pooled_standard_deviation,
                                           double pooled_degrees_of_freedom);

/// Sets ν of an input (must be positive; infinity for an exactly known u).
Outcome<InputQuantity> with_degrees_of_freedom(InputQuantity input, double degrees_of_freedom);

} // namespace callab::uncertainty
