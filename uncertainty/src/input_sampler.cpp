#include "input_sampler.hpp"

#include <Eigen/Eigenvalues>

#include <cmath>
#include <numbers>

namespace callab::uncertainty::detail {
namespace {

void sample_independent(const InputQuantity& x, RandomStream& random,
                        Eigen::Ref<Eigen::ArrayXd> out) {
    const Eigen::Index n = out.size();
    const double a = x.half_width;
    switch (x.distribution) {
    case Distribution::rectangular:
        for (Eigen::Index t = 0; t < n; ++t) {
            out(t) = x.value + a * (2.0 * random.uniform() - 1.0);
        }
        return;
    case Distribution::triangular:
        for (Eigen::Index t = 0; t < n; ++t) {
            out(t) = x.value + a * (random.uniform() + random.uniform() - 1.0);
        }
        return;
    case Distribution::u_shaped:
        for (Eigen::Index t = 0; t < n; ++t) {
            out(t) = x.value + a * std::sin(2.0 * std::numbers::pi * random.uniform());
        }
        return;
    case Distribution::trapezoidal:
        // JCGM 101 6.4.4.4: a + (b − a)/2·[(1 + β)r₁ + (1 − β)r₂] on the bounds x ± a.
        for (Eigen::Index t = 0; t < n; ++t) {
            const double r1 = random.uniform();
            const double r2 = random.uniform();
            out(t) = x.value + a * ((1.0 + x.beta) * r1 + (1.0 - x.beta) * r2 - 1.0);
        }
        return;
    case Distribution::normal:
    case Distribution::student_t:
        if (std::isfinite(x.degrees_of_freedom)) {
            for (Eigen::Index t = 0; t < n; ++t) {
                out(t) = x.value +
                         x.standard_uncertainty * student_t_deviate(random, x.degrees_of_freedom);
            }
            return;
        }
        {
            const auto& normal = normal_ziggurat();
            for (Eigen::Index t = 0; t < n; ++t) {
                out(t) = x.value + x.standard_uncertainty * normal(random);
            }
        }
        return;
    }
}

// χ²_ν by Marsaglia and Tsang's gamma method: χ²_ν = 2·Gamma(ν/2).
double chi_squared_deviate(RandomStream& random, double nu) {
    double shape = nu / 2.0;
    double boost = 1.0;
    if (shape < 1.0) { // Gamma(s) = Gamma(s + 1)·U^(1/s)
        boost = std::pow(random.uniform(), 1.0 / shape);
        shape += 1.0;
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        const double z = normal_quantile(random.uniform());
        const double v = std::pow(1.0 + c * z, 3);
        if (v <= 0.0) {
            continue;
        }
        if (std::log(random.uniform()) < 0.5 * z * z + d - d * v + d * std::log(v)) {
            return 2.0 * d * v * boost;
        }
    }
}

} // namespace

Outcome<InputSampler> InputSampler::create(const std::vector<InputQuantity>& inputs,
                                           const Eigen::MatrixXd& correlation) {
    InputSampler sampler;
    sampler.inputs_ = inputs;
    const auto n = static_cast<Eigen::Index>(inputs.size());
    for (Eigen::Index i = 0; i < n; ++i) {
        bool correlated = false;
        if (correlation.size() != 0) {
            for (Eigen::Index j = 0; j < n; ++j) {
                correlated = correlated || (j != i && correlation(i, j) != 0.0);
            }
        }
        (correlated ? sampler.correlated_ : sampler.independent_).push_back(i);
    }
    const auto c = static_cast<Eigen::Index>(sampler.correlated_.size());
    if (c == 0) {
        return sampler;
    }
    Eigen::MatrixXd covariance(c, c);
    for (Eigen::Index a = 0; a < c; ++a) {
        for (Eigen::Index b = 0; b < c; ++b) {
            const auto i = sampler.correlated_[static_cast<std::size_t>(a)];
            const auto j = sampler.correlated_[static_cast<std::size_t>(b)];
            covariance(a, b) = correlation(i, j) *
                               inputs[static_cast<std::size_t>(i)].standard_uncertainty *
                               inputs[static_cast<std::size_t>(j)].standard_uncertainty;
        }
    }
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(covariance);
    if (solver.info() != Eigen::Success) {
        return Failure{errc::invalid_correlation,
                       "correlations: the input covariance matrix cannot be factorised"};
    }
    sampler.correlated_degrees_of_freedom_ = infinite_degrees_of_freedom;
    for (const auto i : sampler.correlated_) {
        sampler.correlated_degrees_of_freedom_ =
            std::min(sampler.correlated_degrees_of_freedom_,
                     inputs[static_cast<std::size_t>(i)].degrees_of_freedom);
    }
    const Eigen::VectorXd roots = solver.eigenvalues().cwiseMax(0.0).cwiseSqrt();
    sampler.factor_ = solver.eigenvectors() * roots.asDiagonal();
    return sampler;
}

void InputSampler::sample(RandomStream& random, Eigen::Ref<Eigen::ArrayXXd> samples) const {
    for (const Eigen::Index i : independent_) {
        sample_independent(inputs_[static_cast<std::size_t>(i)], random, samples.col(i));
    }
    const auto c = static_cast<Eigen::Index>(correlated_.size());
    if (c == 0) {
        return;
    }
    const double nu = correlated_degrees_of_freedom_;
    Eigen::MatrixXd z(samples.rows(), c);
    for (Eigen::Index t = 0; t < z.rows(); ++t) {
        for (Eigen::Index a = 0; a < c; ++a) {
            z(t, a) = normal_quantile(random.uniform());
        }
        if (std::isfinite(nu)) {
            z.row(t) *= std::sqrt(nu / chi_squared_deviate(random, nu));
        }
    }
    const Eigen::MatrixXd correlated = z * factor_.transpose();
    for (Eigen::Index a = 0; a < c; ++a) {
        const auto i = correlated_[static_cast<std::size_t>(a)];
        samples.col(i) = correlated.col(a).array() + inputs_[static_cast<std::size_t>(i)].value;
    }
}

} // namespace callab::uncertainty::detail
