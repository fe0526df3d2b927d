#include "records_fixture.hpp"

#include <callab/db/sql_programme_store.hpp>

namespace callab::test_support {
namespace {

class SqlProgrammeStoreTest : public RecordsTest {
protected:
    db::SqlProgrammeStore programmes_{*database_};

    static lab::NewProgramme epidemic() {
        return {"Free calibration of IR forehead thermometers for epidemic prevention, 2021",
                day(2021, 2, 1),
                day(2021, 12, 31),
                {lab::SizeClass::micro, lab::SizeClass::small},
                {"Fujian"},
                10'000};
    }
};

TEST_P(SqlProgrammeStoreTest, KeepsAProgrammeAndTheFeesWaivedUnderIt) {
    const auto programme = programmes_.add_programme(epidemic(), "manager");
    ASSERT_TRUE(programme) << programme.error().message;
    const auto found = programmes_.find_programme(programme->id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->data.eligible_sizes, epidemic().eligible_sizes);
    EXPECT_EQ(found->data.eligible_regions, std::vector<std::string>{"Fujian"});
    EXPECT_EQ(found->data.ends_on, day(2021, 12, 31));
    EXPECT_EQ(programmes_.fees_waived_cents(programme->id), 0);
    lab::NewJob job{"IR at 37", "FT-1", "object_temperature", "degC", 0.1};
    job.programme = programme->id;
    job.fee_cents = 4000;
    jobs_.create_job(job);
    jobs_.create_job(job);
    EXPECT_EQ(programmes_.fees_waived_cents(programme->id), 8000);

    const auto enterprise = add_enterprise();
    EXPECT_TRUE(lab::check_programme_eligible(*found, enterprise, day(2021, 3, 1), 8000, 2000));
    const auto over =
        lab::check_programme_eligible(*found, enterprise, day(2021, 3, 1), 8000, 4000);
    ASSERT_FALSE(over);
    EXPECT_NE(over.error().message.find("2000 cents of budget left"), std::string::npos);
    EXPECT_FALSE(lab::check_programme_eligible(*found, enterprise, day(2022, 1, 1), 0, 100));
}

TEST_P(SqlProgrammeStoreTest, RefusesAnInvertedPeriod) {
    auto bad = epidemic();
    bad.ends_on = day(2021, 1, 1);
    const auto added = programmes_.add_programme(bad, "manager");
    ASSERT_FALSE(added);
    EXPECT_NE(added.error().message.find("ends_on"), std::string::npos);
}

CALLAB_STORE_TEST_SUITE(SqlProgrammeStoreTest);

} // namespace
} // namespace callab::test_support
