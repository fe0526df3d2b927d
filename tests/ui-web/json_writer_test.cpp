#include "json_writer.hpp"
#include "list_query.hpp"
#include "record_json.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace callab::web {
namespace {

std::string dumped(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written_string(std::string_view text) {
    JsonWriter out;
    out.value(text);
    return out.take();
}

TEST(JsonWriterTest, EscapesStringsAsNlohmannDoes) {
    using namespace std::string_literals;
    const std::vector<std::string> texts = {
        "",
        "plain ASCII 0-9",
        "quote \" and backslash \\ and slash /",
        "tab\tnewline\ncarriage\rbackspace\bform\f",
        "nul \0 and unit separator \x1f and delete \x7f"s,
        "\xE6\xB8\xA9\xE5\xBA\xA6\xE8\xAE\xA1 (UTF-8, kept as it is)",
        "invalid \xFF UTF-8 \xC3 cut",
        "\xF0\x9F\x8C\xA1 four bytes"};
    for (const auto& text : texts) {
        EXPECT_EQ(written_string(text), dumped(text)) << text;
    }
}

TEST(JsonWriterTest, FormatsNumbersAsNlohmannDoes) {
    const std::vector<double> doubles = {0.0,       -0.0,    1.0,     0.1,         32.0, 42.5,
                                         1e-5,      1e-4,    123.456, 1e15,        1e16, 1e300,
                                         -2.5e-300, 1.0 / 3, 5e-324,  4294967296.0};
    for (const double number : doubles) {
        JsonWriter out;
        out.value(number);
        EXPECT_EQ(out.text(), dumped(number)) << number;
    }
    for (const std::int64_t number :
         {std::int64_t{0}, std::int64_t{-7}, std::int64_t{100000},
          std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
        JsonWriter out;
        out.value(number);
        EXPECT_EQ(out.text(), dumped(number));
    }
}

TEST(JsonWriterTest, WritesANonFiniteDoubleAsNull) {
    JsonWriter out;
    out.begin_array();
    out.value(std::numeric_limits<double>::quiet_NaN());
    out.value(std::numeric_limits<double>::infinity());
    out.end_array();
    EXPECT_EQ(out.text(), "[null,null]");
    EXPECT_EQ(out.text(), dumped(nlohmann::json::array({std::numeric_limits<double>::quiet_NaN(),
                                                        std::numeric_limits<double>::infinity()})));
}

TEST(JsonWriterTest, PlacesCommasInNestedValues) {
    JsonWriter out;
    out.begin_object();
    out.key("a");
    out.begin_array();
    out.value(true);
    out.null();
    out.begin_object();
    out.end_object();
    out.begin_array();
    out.end_array();
    out.end_array();
    out.key("b");
    out.value("x");
    out.end_object();
    EXPECT_EQ(out.text(), R"({"a":[true,null,{},[]],"b":"x"})");
}

lab::Instrument instrument(std::int64_t id, std::string maker, std::string serial) {
    lab::Instrument i;
    i.id = lab::InstrumentId{id};
    i.data = {lab::InstrumentKind::ir_forehead_thermometer,
              std::move(maker),
              "YHW-2 \"pro\"",
              std::move(serial),
              32.0,
              42.5,
              "\xC2\xB0"
              "C",
              0.1,
              lab::EnterpriseId{7},
              lab::MetrologyRegime::verification};
    return i;
}

TEST(JsonWriterTest, WritesAnInstrumentPageAsItsDocumentDumps) {
    const std::vector<lab::Instrument> items = {
        instrument(1, "Yuwell", "SN1"),
        instrument(2, "\xE9\xB1\xBC\xE8\xB7\x83 \\ maker", "tab\there"),
        instrument(3, "bad \xFE byte", "")};
    ListQuery query;
    query.page = 3;
    query.per_page = 3;
    const std::string written = list_body_text(111, query, [&](JsonWriter& out) {
        for (const auto& i : items) {
            write_instrument(out, i);
        }
    });
    nlohmann::json documents = nlohmann::json::array();
    for (const auto& i : items) {
        documents.push_back(instrument_to_json(i));
    }
    EXPECT_EQ(written, dumped(list_body(documents, 111, query)));
}

TEST(JsonWriterTest, WritesAnEmptyPageAsItsDocumentDumps) {
    ListQuery query;
    const std::string written = list_body_text(0, query, [](JsonWriter&) {});
    EXPECT_EQ(written, dumped(list_body(nlohmann::json::array(), 0, query)));
}

} // namespace
} // namespace callab::web
