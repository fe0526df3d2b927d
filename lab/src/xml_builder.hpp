// A small streaming XML writer: indented elements, escaped text and attributes. The DCC is
// written with it in one pass into one string, which keeps the output byte-stable.
#pragma once

#include <callab/lab/certificate_content.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace callab::lab {

class XmlBuilder {
public:
    using Attributes = std::vector<std::pair<std::string_view, std::string_view>>;

    explicit XmlBuilder(std::size_t reserve = 0);

    /// `<name attr="…">` on its own line; close it with close().
    void open(std::string_view name, const Attributes& attributes = {});
    void close();
    /// `<name>text</name>` on one line.
    void element(std::string_view name, std::string_view text, const Attributes& attributes = {});
    /// `<name>` + one `dcc:content lang="zh|en"` per language present + `</name>`.
    void bilingual(std::string_view name, const BilingualText& text);
    /// Text written as is (already valid XML), e.g. a long base64 run.
    void raw(std::string_view text);

    std::string take() { return std::move(out_); }

private:
    void indent();
    void escaped(std::string_view text, bool in_attribute);
    void start_tag(std::string_view name, const Attributes& attributes);

    std::string out_;
    std::vector<std::string_view> open_;
};

} // namespace callab::lab
