#include "records_fixture.hpp"

namespace callab::test_support {
namespace {

using SqlEnterpriseStoreTest = RecordsTest;

TEST_P(SqlEnterpriseStoreTest, AddsAndFindsAnEnterprise) {
    const auto added = add_enterprise();
    const auto found = enterprises_.find_enterprise(added.id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->data.credit_code, "91350100M000100Y43");
    EXPECT_EQ(found->data.size, lab::SizeClass::small);
    EXPECT_EQ(found->data.region, "Fujian/Fuzhou");
}

TEST_P(SqlEnterpriseStoreTest, ABatchWithOneBadCodeStoresNothing) {
    const std::vector<lab::NewEnterprise> batch{enterprise("91350100M000100Y43"),
                                                enterprise("91350100M000100Y44")};
    const auto added = enterprises_.add_enterprises(batch, "admin");
    ASSERT_FALSE(added);
    EXPECT_NE(added.error().message.find("enterprise 2: credit_code"), std::string::npos)
        << added.error().message;
    EXPECT_TRUE(enterprises_.list_enterprises().empty());
}

TEST_P(SqlEnterpriseStoreTest, ABatchWithADuplicateStoresNothing) {
    const std::vector<lab::NewEnterprise> batch{enterprise("91310000MA1FL1JP22"),
                                                enterprise("91310000MA1FL1JP22")};
    const auto added = enterprises_.add_enterprises(batch, "admin");
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().code, lab::errc::conflict);
    EXPECT_TRUE(enterprises_.list_enterprises().empty());
}

TEST_P(SqlEnterpriseStoreTest, AddsInstrumentsOfAnEnterprise) {
    const auto owner = add_enterprise();
    const std::vector<lab::NewInstrument> batch{{lab::InstrumentKind::ir_forehead_thermometer,
                                                 "Omron", "MC-720", "SN1", 32.0, 42.5, "degC", 0.1,
                                                 owner.id, lab::MetrologyRegime::verification}};
    const auto added = enterprises_.add_instruments(batch, "admin");
    ASSERT_TRUE(added) << added.error().message;
    const auto found = enterprises_.find_instrument(added->front().id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->data.kind, lab::InstrumentKind::ir_forehead_thermometer);
    EXPECT_EQ(found->data.regime, lab::MetrologyRegime::verification);
    EXPECT_DOUBLE_EQ(found->data.range_high, 42.5);
    EXPECT_EQ(enterprises_.instruments_of(owner.id).size(), 1U);
}

TEST_P(SqlEnterpriseStoreTest, AnInstrumentOfAnUnknownOwnerIsRefused) {
    const std::vector<lab::NewInstrument> batch{
        {lab::InstrumentKind::energy_meter, "Acme", "E1", "SN2", 0.0, 100.0, "kWh", 0.01,
         lab::EnterpriseId{999}, lab::MetrologyRegime::calibration}};
    const auto added = enterprises_.add_instruments(batch, "admin");
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().code, lab::errc::not_found);
    EXPECT_NE(added.error().message.find("owner"), std::string::npos);
}

TEST_P(SqlEnterpriseStoreTest, ListsAPageOfInstrumentsWithEveryField) {
    const auto first = add_enterprise();
    const auto second = add_enterprise("91310000MA1FL1JP22");
    std::vector<lab::NewInstrument> batch;
    for (int n = 0; n < 7; ++n) {
        batch.push_back(
            {n % 2 == 0 ? lab::InstrumentKind::ir_forehead_thermometer
                        : lab::InstrumentKind::energy_meter,
             "Maker " + std::to_string(n), "M" + std::to_string(n), "SN" + std::to_string(n),
             -1.5 * n, 10.0 + n, "degC", 0.25, n < 5 ? first.id : second.id,
             n == 3 ? lab::MetrologyRegime::verification : lab::MetrologyRegime::calibration});
    }
    const auto added = enterprises_.add_instruments(batch, "admin");
    ASSERT_TRUE(added) << added.error().message;

    const auto page = enterprises_.list_instruments({}, 2, 3);
    EXPECT_EQ(page.total, 7);
    ASSERT_EQ(page.items.size(), 3U);
    const auto& third = page.items.front();
    EXPECT_EQ(third.id, (*added)[2].id);
    EXPECT_EQ(third.data.kind, lab::InstrumentKind::ir_forehead_thermometer);
    EXPECT_EQ(third.data.maker, "Maker 2");
    EXPECT_EQ(third.data.model, "M2");
    EXPECT_EQ(third.data.serial, "SN2");
    EXPECT_DOUBLE_EQ(third.data.range_low, -3.0);
    EXPECT_DOUBLE_EQ(third.data.range_high, 12.0);
    EXPECT_EQ(third.data.unit, "degC");
    EXPECT_DOUBLE_EQ(third.data.resolution, 0.25);
    EXPECT_EQ(third.data.owner, first.id);
    EXPECT_EQ(page.items[1].data.regime, lab::MetrologyRegime::verification);
    EXPECT_EQ(page.items[1].data.kind, lab::InstrumentKind::energy_meter);

    const auto last = enterprises_.list_instruments({}, 6, 3);
    EXPECT_EQ(last.total, 7);
    ASSERT_EQ(last.items.size(), 1U);
    EXPECT_EQ(last.items.front().data.serial, "SN6");
    EXPECT_TRUE(enterprises_.list_instruments({}, 7, 3).items.empty());

    lab::InstrumentFilter owned;
    owned.owner = second.id;
    const auto of_second = enterprises_.list_instruments(owned, 0, 50);
    EXPECT_EQ(of_second.total, 2);
    ASSERT_EQ(of_second.items.size(), 2U);
    EXPECT_EQ(of_second.items.back().data.serial, "SN6");

    // Text filters are bound values too, and the page holds what the count counted.
    lab::InstrumentFilter by_serial;
    by_serial.serial_prefix = "SN5";
    const auto serial_page = enterprises_.list_instruments(by_serial, 0, 50);
    EXPECT_EQ(serial_page.total, 1);
    ASSERT_EQ(serial_page.items.size(), 1U);
    EXPECT_EQ(serial_page.items.front().data.model, "M5");
    lab::InstrumentFilter by_kind;
    by_kind.kind = lab::InstrumentKind::energy_meter;
    by_kind.owner = first.id;
    const auto kind_page = enterprises_.list_instruments(by_kind, 0, 50);
    EXPECT_EQ(kind_page.total, 2);
    ASSERT_EQ(kind_page.items.size(), 2U);
    EXPECT_EQ(kind_page.items.front().data.serial, "SN1");
}

CALLAB_STORE_TEST_SUITE(SqlEnterpriseStoreTest);

} // namespace
} // namespace callab::test_support
