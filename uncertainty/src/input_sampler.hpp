#pragma once

#include "random_stream.hpp"

#include <callab/uncertainty/errc.hpp>
#include <callab/uncertainty/input_quantity.hpp>

#include <Eigen/Core>

#include <vector>

namespace callab::uncertainty::detail {

/// Draws the inputs of a block of Monte Carlo trials (JCGM 101 6.4).
///
/// Independent inputs are sampled from their own distribution; a normal input with finite ν
/// is sampled as x + u·t_ν, like a student_t input (JCGM 101 6.4.9). Inputs that take part in
/// a correlation are sampled jointly as a multivariate normal x + L·z with L·Lᵀ = U_x
/// (JCGM 101 6.4.8), whatever their own distribution and ν; L comes from the eigen-
/// decomposition, so a singular U_x (r = ±1) works.
class InputSampler {
public:
    static Outcome<InputSampler> create(const std::vector<InputQuantity>& inputs,
                                        const Eigen::MatrixXd& correlation);

    /// Fills samples (trials × inputs) from the stream.
    void sample(RandomStream& random, Eigen::Ref<Eigen::ArrayXXd> samples) const;

private:
    std::vector<InputQuantity> inputs_;
    std::vector<Eigen::Index> correlated_; ///< inputs sampled jointly
    std::vector<Eigen::Index> independent_;
    Eigen::MatrixXd factor_; ///< L for the correlated inputs
    double correlated_degrees_of_freedom_ = infinite_degrees_of_freedom;
};

} // namespace callab::uncertainty::detail
