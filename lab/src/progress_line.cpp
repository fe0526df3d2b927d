#include <callab/lab/progress_line.hpp>

#include <algorithm>

namespace callab::lab {

std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n);
    for (auto pos = static_cast<std::ptrdiff_t>(digits.size()) - 3; pos > 0; pos -= 3) {
        digits.insert(static_cast<std::size_t>(pos), 1, ',');
    }
    return digits;
}

std::string progress_line(std::string_view what, std::size_t done, std::size_t total,
                          std::size_t width) {
    const std::size_t shown_total = std::max(total, done);
    const std::size_t percent = shown_total == 0 ? 100 : done * 100 / shown_total;
    const std::size_t filled = shown_total == 0 ? width : done * width / shown_total;
    std::string line(what);
    line += "  [";
    line.append(filled, '#');
    line.append(width - filled, '.');
    line += "]  ";
    const std::string percent_text = std::to_string(percent);
    line.append(3 - std::min<std::size_t>(3, percent_text.size()), ' ');
    line += percent_text + " %  " + grouped(done) + "/" + grouped(shown_total);
    return line;
}

} // namespace callab::lab
