#include "xml_builder.hpp"

#include <cassert>

namespace callab::lab {

XmlBuilder::XmlBuilder(std::size_t reserve) {
    out_.reserve(reserve);
    out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

void XmlBuilder::indent() {
    out_.append(open_.size() * 2, ' ');
}

void XmlBuilder::escaped(std::string_view text, bool in_attribute) {
    for (char c : text) {
        switch (c) {
        case '&':
            out_ += "&amp;";
            break;
        case '<':
            out_ += "&lt;";
            break;
        case '>':
            out_ += "&gt;";
            break;
        case '"':
            out_ += in_attribute ? "&quot;" : "\"";
            break;
        case '\r':
            out_ += "&#13;";
            break;
        default:
            out_ += c;
        }
    }
}

void XmlBuilder::start_tag(std::string_view name, const Attributes& attributes) {
    indent();
    out_ += '<';
    out_ += name;
    for (const auto& [key, value] : attributes) {
        out_ += ' ';
        out_ += key;
        out_ += "=\"";
        escaped(value, true);
        out_ += '"';
    }
    out_ += '>';
}

void XmlBuilder::open(std::string_view name, const Attributes& attributes) {
    start_tag(name, attributes);
    out_ += '\n';
    open_.push_back(name);
}

void XmlBuilder::close() {
    assert(!open_.empty());
    const auto name = open_.back();
    open_.pop_back();
    indent();
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

void XmlBuilder::element(std::string_view name, std::string_view text,
                         const Attributes& attributes) {
    start_tag(name, attributes);
    escaped(text, false);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
}

void XmlBuilder::bilingual(std::string_view name, const BilingualText& text) {
    open(name);
    if (!text.zh.empty()) {
        element("dcc:content", text.zh, {{"lang", "zh"}});
    }
    if (!text.en.empty()) {
        element("dcc:content", text.en, {{"lang", "en"}});
    }
    close();
}

void XmlBuilder::raw(std::string_view text) {
    out_ += text;
}

} // namespace callab::lab
