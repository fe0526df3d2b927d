#pragma once

#include <callab/lab/rejection.hpp>

#include <optional>
#include <string_view>

namespace callab::lab {

/// Checks a unified social credit code (统一社会信用代码) against GB 32100-2015: 18
/// characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S, V, Z), the last being the
/// check digit C18 = 31 − (Σ Ci·Wi mod 31) with weights Wi = 3^(i−1) mod 31 (31 → 0).
/// The rejection names the field `credit_code` and the cause.
Outcome<void> validate_credit_code(std::string_view code);

/// The check character the first 17 characters call for; empty if one is not allowed.
std::optional<char> credit_code_check_character(std::string_view first17);

} // namespace callab::lab
