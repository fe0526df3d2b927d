#pragma once

#include <Eigen/Core>
#include <boost/system/result.hpp>

#include <limits>
#include <string>
#include <vector>

namespace callab::uncertainty {

inline constexpr double infinite_degrees_of_freedom = std::numeric_limits<double>::infinity();

/// One input quantity's share of a combined uncertainty (one line of a budget).
struct UncertaintyComponent {
    std::string name;
    double standard_uncertainty = 0.0;                       ///< u(x_i)
    double sensitivity_coefficient = 1.0;                    ///< c_i = ∂f/∂x_i
    double degrees_of_freedom = infinite_degrees_of_freedom; ///< ν_i
};

/// A budget line with what the combination derived from it.
struct BudgetLine {
    UncertaintyComponent component;
    double contribution = 0.0; ///< |c_i|·u(x_i)
    double share = 0.0; ///< fraction of u_c² (0–1); for uncorrelated inputs the parts sum to 1
};

struct CombinedUncertainty {
    double combined_standard_uncertainty = 0.0;                        ///< u_c(y)
    double effective_degrees_of_freedom = infinite_degrees_of_freedom; ///< ν_eff (GUM G.4.1)
    std::vector<BudgetLine> budget;
};

/// Combines components by the law of propagation of uncertainty (GUM 5.1.2, 5.2.2):
/// u_c² = vᵀ R v with v_i = c_i·u(x_i) and R the correlation matrix (identity when empty).
/// R must be square of the components' size, symmetric, with unit diagonal, entries in
/// [-1, 1] and positive semi-definite. ν_eff follows Welch–Satterthwaite (GUM G.4.1), which
/// holds for uncorrelated inputs; with correlations it is reported as computed from the
/// individual contributions.
boost::system::result<CombinedUncertainty>
combine_uncertainties(const std::vector<UncertaintyComponent>& components,
                      const Eigen::Ref<const Eigen::MatrixXd>& correlation = Eigen::MatrixXd{});

} // namespace callab::uncertainty
