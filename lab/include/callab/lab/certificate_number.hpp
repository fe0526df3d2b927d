#pragma once

#include <callab/lab/rejection.hpp>

#include <string>
#include <string_view>

namespace callab::lab {

/// The certificate number for `sequence` in `year` from a pattern: `{year}` is the year,
/// `{seq}` the sequence, `{seq:N}` the sequence zero-padded to N digits (1–12); other
/// characters are copied. "CAL-{year}-{seq:6}", 2026, 123 → "CAL-2026-000123". The pattern
/// must contain `{seq…}`; the result has no spaces or slashes.
Outcome<std::string> format_certificate_number(std::string_view pattern, int year,
                                               long long sequence);

} // namespace callab::lab
