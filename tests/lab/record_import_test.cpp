#include <callab/lab/record_import.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

// A CR inside quotes is part of the field; only the CR of a CRLF line end outside quotes goes.
TEST(CsvTable, KeepsACarriageReturnInsideQuotes) {
    const auto table = parse_csv("name,note\r\n\"A\",\"ends in CR\r\"\r\nB,plain\r\nC,\"cr\r\"");
    ASSERT_TRUE(table) << table.error().message;
    ASSERT_EQ(table->rows.size(), 3U);
    EXPECT_EQ(table->rows[0].fields[1], "ends in CR\r");
    EXPECT_EQ(table->rows[1].fields[1], "plain");
    EXPECT_EQ(table->rows[2].fields[1], "cr\r");
    const auto again = parse_csv("name,note\n" + csv_field("A") + "," + csv_field("x\r") + "\n");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->rows[0].fields[1], "x\r");
}

TEST(CsvTable, ParsesQuotesCommasAndLineBreaks) {
    const auto table = parse_csv("\xEF\xBB\xBFname, region\r\n\"A, Co.\",\"say \"\"hi\"\"\"\n\n"
                                 "\"two\nlines\",x\nlast,y");
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->header, (std::vector<std::string>{"name", "region"}));
    ASSERT_EQ(table->rows.size(), 3U);
    EXPECT_EQ(table->rows[0].fields[0], "A, Co.");
    EXPECT_EQ(table->rows[0].fields[1], "say \"hi\"");
    EXPECT_EQ(table->rows[0].line, 2U);
    EXPECT_EQ(table->rows[1].fields[0], "two\nlines");
    EXPECT_EQ(table->rows[1].line, 4U);
    EXPECT_EQ(table->rows[2].line, 6U);
}

TEST(CsvTable, NamesAnUnclosedQuote) {
    const auto table = parse_csv("name\n\"open\n");
    ASSERT_FALSE(table);
    EXPECT_EQ(table.error().message, "line 2: a quoted field is not closed");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("plain"), "plain");
}

TEST(EnterprisesFromCsv, ReportsEveryBadLineByNumber) {
    const auto table = parse_csv("name,credit_code,region,size\n"
                                 "A,91350100M000100Y43,Fujian,small\n"
                                 "B,91350100M000100Y44,Fujian,small\n"
                                 "C,91310000MA1FL1JP22,Shanghai,giant\n"
                                 ",91110108MA01KRL887,Beijing,micro\n"
                                 "E,91350100M000100Y43,Fujian,small\n");
    ASSERT_TRUE(table);
    const auto rows = enterprises_from_csv(*table);
    ASSERT_EQ(rows.records.size(), 1U);
    EXPECT_EQ(rows.lines, (std::vector<std::size_t>{2}));
    ASSERT_EQ(rows.problems.size(), 4U);
    EXPECT_EQ(rows.problems[0].line, 3U);
    EXPECT_NE(rows.problems[0].message.find("credit_code"), std::string::npos);
    EXPECT_EQ(rows.problems[1].message, "size: 'giant' is not one of micro|small|medium|large");
    EXPECT_EQ(rows.problems[2].message, "name: empty");
    EXPECT_EQ(rows.problems[3].line, 6U);
    EXPECT_NE(rows.problems[3].message.find("appears earlier"), std::string::npos);
}

TEST(EnterprisesFromCsv, NamesMissingColumns) {
    const auto rows = enterprises_from_csv(*parse_csv("name,region\nA,B\n"));
    ASSERT_EQ(rows.problems.size(), 1U);
    EXPECT_EQ(rows.problems[0].message, "header: missing column(s) credit_code, size");
}

TEST(InstrumentsFromCsv, ResolvesOwnersAndChecksNumbers) {
    const auto table = parse_csv(std::string(instrument_csv_header) +
                                 "\nenergy_meter,Acme,E1,S1,0,100,kWh,0.01,OWNER,\n"
                                 "energy_meter,Acme,E1,S2,0,1e2x,kWh,0.01,OWNER,calibration\n"
                                 "energy_meter,Acme,E1,S3,0,100,kWh,0.01,NOBODY,calibration\n");
    ASSERT_TRUE(table);
    const auto rows = instruments_from_csv(*table, [](const std::string& code) {
        return code == "OWNER" ? std::optional{EnterpriseId{7}} : std::nullopt;
    });
    ASSERT_EQ(rows.records.size(), 1U);
    EXPECT_EQ(rows.records[0].owner, EnterpriseId{7});
    EXPECT_EQ(rows.records[0].regime, MetrologyRegime::calibration);
    ASSERT_EQ(rows.problems.size(), 2U);
    EXPECT_EQ(rows.problems[0].message, "range_high: '1e2x' is not a number");
    EXPECT_NE(rows.problems[1].message.find("owner_credit_code"), std::string::npos);
    EXPECT_EQ(instrument_csv_row({InstrumentId{1}, rows.records[0]}, "OWNER"),
              "energy_meter,Acme,E1,S1,0,100,kWh,0.01,OWNER,calibration");
}

} // namespace
} // namespace callab::lab
