#include "list_query.hpp"

#include <gtest/gtest.h>

namespace callab::web {
namespace {

namespace http = boost::beast::http;

Request get(std::string target) {
    return Request{http::verb::get, target, 11};
}

const ListFields fields{{"name", "id"}, {"region"}, {"q"}};

TEST(QueryParametersTest, DecodesPercentEscapesAndPlus) {
    const auto parameters = query_parameters("/api/x?name=a%20b+c&region=%E5%8C%97");
    ASSERT_TRUE(parameters);
    EXPECT_EQ(parameters->at("name"), "a b c");
    EXPECT_EQ(parameters->at("region"), "\xE5\x8C\x97");
}

TEST(QueryParametersTest, NamesTheParameterWithAMalformedEscape) {
    const auto parameters = query_parameters("/api/x?region=%G1");
    ASSERT_FALSE(parameters);
    EXPECT_EQ(parameters.error().field, "region");
    EXPECT_EQ(parameters.error().status, http::status::bad_request);
}

TEST(QueryParametersTest, RefusesARepeatedParameter) {
    const auto parameters = query_parameters("/api/x?page=1&page=2");
    ASSERT_FALSE(parameters);
    EXPECT_EQ(parameters.error().field, "page");
}

TEST(ListQueryTest, DefaultsToTheFirstPageOfFifty) {
    const auto query = parse_list_query(get("/api/x"), fields);
    ASSERT_TRUE(query);
    EXPECT_EQ(query->page, 1);
    EXPECT_EQ(query->per_page, 50);
    EXPECT_EQ(query->offset(), 0);
    EXPECT_TRUE(query->sort.empty());
}

TEST(ListQueryTest, ReadsPagingSortFiltersAndOtherParameters) {
    const auto query =
        parse_list_query(get("/api/x?page=3&per_page=20&sort=-name&region=east&q=ir"), fields);
    ASSERT_TRUE(query);
    EXPECT_EQ(query->offset(), 40);
    EXPECT_EQ(query->sort, "name");
    EXPECT_TRUE(query->descending);
    EXPECT_EQ(query->filters.at("region"), "east");
    EXPECT_EQ(query->other.at("q"), "ir");
}

TEST(ListQueryTest, RefusesOutOfRangePagingNamingTheParameter) {
    for (const auto* target :
         {"/api/x?page=0", "/api/x?per_page=501", "/api/x?per_page=ten", "/api/x?page=-1"}) {
        const auto query = parse_list_query(get(target), fields);
        ASSERT_FALSE(query) << target;
        EXPECT_TRUE(query.error().field == "page" || query.error().field == "per_page") << target;
    }
}

TEST(ListQueryTest, RefusesUnknownSortFieldsAndParameters) {
    auto query = parse_list_query(get("/api/x?sort=password"), fields);
    ASSERT_FALSE(query);
    EXPECT_EQ(query.error().field, "sort");
    query = parse_list_query(get("/api/x?colour=red"), fields);
    ASSERT_FALSE(query);
    EXPECT_EQ(query.error().field, "colour");
}

TEST(PageOfTest, FiltersSortsAndCutsThePage) {
    std::vector<nlohmann::json> items;
    for (int i = 1; i <= 7; ++i) {
        items.push_back({{"id", i},
                         {"name", std::string(1, static_cast<char>('a' + i))},
                         {"region", i % 2 == 0 ? "east" : "west"}});
    }
    ListQuery query;
    query.per_page = 2;
    query.page = 2;
    query.sort = "id";
    query.descending = true;
    query.filters.emplace("region", "west");
    const auto body = page_of(items, query);
    EXPECT_EQ(body.at("total"), 4);
    EXPECT_EQ(body.at("page"), 2);
    EXPECT_EQ(body.at("per_page"), 2);
    ASSERT_EQ(body.at("items").size(), 2U);
    EXPECT_EQ(body.at("items")[0].at("id"), 3);
    EXPECT_EQ(body.at("items")[1].at("id"), 1);
}

TEST(PageOfTest, APageBeyondTheEndIsEmptyWithTheTotal) {
    ListQuery query;
    query.page = 9;
    const auto body = page_of({nlohmann::json{{"id", 1}}}, query);
    EXPECT_EQ(body.at("total"), 1);
    EXPECT_TRUE(body.at("items").empty());
}

TEST(PageOfTest, FiltersCompareNumbersAsText) {
    ListQuery query;
    query.filters.emplace("owner", "12");
    const auto body = page_of({nlohmann::json{{"owner", 12}}, nlohmann::json{{"owner", 3}}}, query);
    EXPECT_EQ(body.at("total"), 1);
}

} // namespace
} // namespace callab::web
