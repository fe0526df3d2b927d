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

CALLAB_STORE_TEST_SUITE(SqlEnterpriseStoreTest);

} // namespace
} // namespace callab::test_support
