#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace callab::lab {

/// One line of progress for a terminal, without line end: what is done, a bar of `width`
/// cells, the whole percentage (rounded down, so 100 % only when done) and the counts with
/// thousands separators: "import  [##########..........]  50 %  5,000/10,000". A total of
/// 0 reads as complete.
std::string progress_line(std::string_view what, std::size_t done, std::size_t total,
                          std::size_t width = 20);

/// 1234567 → "1,234,567".
std::string grouped(std::size_t n);

} // namespace callab::lab
