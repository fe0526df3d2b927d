// Enterprises and instruments over HTTP: every role on every route, enterprise isolation, the
// credit code check, paging and filters done by the database, bad input.
#include "serve_api_fixture.hpp"

#include <callab/lab/credit_code.hpp>

#include <cstdlib>

namespace callab::test_support {
namespace {
namespace http = boost::beast::http;

/// A valid credit code whose organisation part ends in `n` (GB 32100-2015 check character).
std::string credit_code(int n) {
    auto first17 = "91330100MA2" + std::to_string(100000 + n);
    return first17 + *lab::credit_code_check_character(first17);
}

nlohmann::json enterprise_body(int n) {
    return {{"name", "Enterprise " + std::to_string(n)},
            {"credit_code", credit_code(n)},
            {"region", "Zhejiang/Hangzhou"},
            {"industry", "medical devices"},
            {"size", "medium"},
            {"contacts", "Wang Fang"}};
}

nlohmann::json instrument_body(std::int64_t enterprise, const std::string& serial) {
    return {{"kind", "ir_forehead_thermometer"},
            {"maker", "Yuwell"},
            {"model", "YHW-2"},
            {"serial", serial},
            {"range_low", 32.0},
            {"range_high", 42.5},
            {"unit", "degC"},
            {"resolution", 0.1},
            {"enterprise_id", enterprise}};
}

class ServeApiRecordsTest : public ServeApiTest {
protected:
    std::int64_t own_enterprise() const {
        return user_.at("enterprise_user").data.enterprise->value();
    }
};

TEST_F(ServeApiRecordsTest, EveryRoleOnEveryRecordsRoute) {
    const auto manager = login("manager");
    const auto other =
        send(http::verb::post, "/api/enterprises", enterprise_body(1).dump(), manager);
    ASSERT_EQ(other.status, 201) << other.body;
    const auto other_id = other.json["id"].get<std::int64_t>();
    const auto theirs = send(http::verb::post, "/api/instruments",
                             instrument_body(other_id, "OTHER-1").dump(), manager);
    ASSERT_EQ(theirs.status, 201) << theirs.body;
    const auto theirs_id = std::to_string(theirs.json["id"].get<std::int64_t>());

    int n = 10;
    for (const auto& [role, user] : user_) {
        SCOPED_TRACE(role);
        const auto as = login(role);
        const bool enterprise = role.starts_with("enterprise");
        const bool registrar = role == "technician" || role == "manager" || role == "admin";

        const auto list = send(http::verb::get, "/api/enterprises", {}, as);
        EXPECT_EQ(list.status, 200);
        if (enterprise) {
            EXPECT_EQ(list.json["total"], 1);
        } else {
            EXPECT_GE(list.json["total"], 2);
        }
        EXPECT_EQ(
            send(http::verb::get, "/api/enterprises/" + std::to_string(other_id), {}, as).status,
            enterprise ? 404 : 200);
        EXPECT_EQ(
            send(http::verb::get, "/api/enterprises/" + std::to_string(own_enterprise()), {}, as)
                .status,
            200);
        EXPECT_EQ(
            send(http::verb::post, "/api/enterprises", enterprise_body(++n).dump(), as).status,
            registrar ? 201 : 403);

        const auto instruments = send(http::verb::get, "/api/instruments", {}, as);
        EXPECT_EQ(instruments.status, 200);
        for (const auto& item : instruments.json["items"]) {
            if (enterprise) {
                EXPECT_EQ(item["enterprise_id"], own_enterprise());
            }
        }
        EXPECT_EQ(send(http::verb::get, "/api/instruments/" + theirs_id, {}, as).status,
                  enterprise ? 404 : 200);
        EXPECT_EQ(send(http::verb::get,
                       "/api/instruments?enterprise_id=" + std::to_string(other_id), {}, as)
                      .status,
                  enterprise ? 404 : 200);
        const auto own = send(http::verb::post, "/api/instruments",
                              instrument_body(own_enterprise(), "OWN-" + role).dump(), as);
        EXPECT_EQ(own.status, registrar || enterprise ? 201 : 403) << own.body;
        EXPECT_EQ(send(http::verb::post, "/api/instruments",
                       instrument_body(other_id, "X-" + role).dump(), as)
                      .status,
                  registrar ? 201 : (enterprise ? 404 : 403));

        for (const auto* path : {"/api/enterprises", "/api/instruments"}) {
            EXPECT_EQ(send(http::verb::get, path).status, 401);
            EXPECT_EQ(send(http::verb::post, path, "{}", {as.cookie, ""}).status, 403)
                << "no CSRF token";
            EXPECT_EQ(send(http::verb::delete_, path, {}, as).status, 405);
        }
    }
}

TEST_F(ServeApiRecordsTest, EnterprisesAreCheckedAndReadBackWithTheSameFields) {
    const auto technician = login("technician");
    auto body = enterprise_body(5);
    const auto added = send(http::verb::post, "/api/enterprises", body.dump(), technician);
    ASSERT_EQ(added.status, 201) << added.body;
    const auto read = send(
        http::verb::get, "/api/enterprises/" + std::to_string(added.json["id"].get<std::int64_t>()),
        {}, technician);
    body["id"] = added.json["id"];
    EXPECT_EQ(read.json, body);

    const auto again = send(http::verb::post, "/api/enterprises", body.dump(), technician);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json["field"], "credit_code");

    auto wrong = enterprise_body(6);
    auto code = wrong["credit_code"].get<std::string>();
    code.back() = code.back() == '0' ? '1' : '0';
    wrong["credit_code"] = code;
    const auto refused = send(http::verb::post, "/api/enterprises", wrong.dump(), technician);
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(refused.json["field"], "credit_code");

    auto no_region = enterprise_body(7);
    no_region.erase("region");
    const auto missing = send(http::verb::post, "/api/enterprises", no_region.dump(), technician);
    EXPECT_EQ(missing.status, 422);
    EXPECT_EQ(missing.json["error"], "missing_field");
    EXPECT_EQ(missing.json["field"], "region");

    auto bad_size = enterprise_body(8);
    bad_size["size"] = "huge";
    EXPECT_EQ(send(http::verb::post, "/api/enterprises", bad_size.dump(), technician).json["field"],
              "size");

    const auto found = send(http::verb::get, "/api/enterprises?q=enterprise%205", {}, technician);
    EXPECT_EQ(found.json["total"], 1);
    EXPECT_EQ(send(http::verb::get, "/api/enterprises/99999", {}, technician).status, 404);
    EXPECT_EQ(send(http::verb::get, "/api/enterprises/abc", {}, technician).status, 404);
    EXPECT_EQ(send(http::verb::get, "/api/enterprises?colour=red", {}, technician).status, 400);
}

TEST_F(ServeApiRecordsTest, InstrumentsArePagedAndFilteredByTheDatabase) {
    const auto technician = login("technician");
    std::vector<lab::NewInstrument> batch;
    for (int i = 0; i < 120; ++i) {
        lab::NewInstrument in;
        in.kind = i % 3 == 0 ? lab::InstrumentKind::energy_meter
                             : lab::InstrumentKind::ir_ear_thermometer;
        in.serial = (i < 7 ? "AB_" : "SN") + std::to_string(1000 + i);
        in.range_low = 0;
        in.range_high = 100;
        in.resolution = 0.1;
        in.owner = lab::EnterpriseId{own_enterprise()};
        batch.push_back(in);
    }
    ASSERT_TRUE(enterprises_->add_instruments(batch, "test"));

    const auto first = send(http::verb::get, "/api/instruments?per_page=50", {}, technician);
    ASSERT_EQ(first.status, 200);
    EXPECT_EQ(first.json["total"], 120);
    EXPECT_EQ(first.json["items"].size(), 50U);
    EXPECT_EQ(first.json["page"], 1);
    const auto last = send(http::verb::get, "/api/instruments?per_page=50&page=3", {}, technician);
    EXPECT_EQ(last.json["items"].size(), 20U);
    EXPECT_EQ(last.json["items"][0]["serial"], "SN1100");
    const auto beyond =
        send(http::verb::get, "/api/instruments?per_page=50&page=4", {}, technician);
    EXPECT_EQ(beyond.json["items"].size(), 0U);
    EXPECT_EQ(beyond.json["total"], 120);

    const auto meters = send(http::verb::get, "/api/instruments?kind=energy_meter", {}, technician);
    EXPECT_EQ(meters.json["total"], 40);
    // '_' is a LIKE wildcard; the prefix is matched literally.
    const auto prefixed = send(http::verb::get, "/api/instruments?serial=AB_", {}, technician);
    EXPECT_EQ(prefixed.json["total"], 7);
    EXPECT_EQ(send(http::verb::get, "/api/instruments?serial=A%25", {}, technician).json["total"],
              0);
    EXPECT_EQ(
        send(http::verb::get, "/api/instruments?kind=barometer", {}, technician).json["field"],
        "kind");
    EXPECT_EQ(send(http::verb::get, "/api/instruments?per_page=501", {}, technician).status, 400);
    EXPECT_EQ(send(http::verb::get, "/api/instruments?enterprise_id=x", {}, technician).status,
              400);
}

TEST_F(ServeApiRecordsTest, InstrumentsAreCheckedAndReadBackWithTheSameFields) {
    const auto technician = login("technician");
    auto body = instrument_body(own_enterprise(), "YW2100457");
    body["regime"] = "verification";
    const auto added = send(http::verb::post, "/api/instruments", body.dump(), technician);
    ASSERT_EQ(added.status, 201) << added.body;
    body["id"] = added.json["id"];
    EXPECT_EQ(send(http::verb::get,
                   "/api/instruments/" + std::to_string(added.json["id"].get<std::int64_t>()), {},
                   technician)
                  .json,
              body);

    auto inverted = instrument_body(own_enterprise(), "INV-1");
    inverted["range_low"] = 50.0;
    inverted["range_high"] = 10.0;
    const auto refused = send(http::verb::post, "/api/instruments", inverted.dump(), technician);
    EXPECT_EQ(refused.status, 422) << refused.body;

    auto wrong_type = instrument_body(own_enterprise(), "T-1");
    wrong_type["resolution"] = "0.1";
    EXPECT_EQ(
        send(http::verb::post, "/api/instruments", wrong_type.dump(), technician).json["field"],
        "resolution");
    const auto nobody =
        send(http::verb::post, "/api/instruments", instrument_body(4242, "N-1").dump(), technician);
    EXPECT_EQ(nobody.status, 404);
    EXPECT_EQ(nobody.json["field"], "enterprise_id");
    EXPECT_EQ(send(http::verb::post, "/api/instruments", "{not json", technician).status, 400);
}

TEST_F(ServeApiRecordsTest, TheAuditChainIsVerifiedForManagersAndAdmins) {
    const auto manager = login("manager");
    ASSERT_EQ(send(http::verb::post, "/api/enterprises", enterprise_body(3).dump(), manager).status,
              201);
    const auto verified = send(http::verb::get, "/api/audit/verify", {}, manager);
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_EQ(verified.json["intact"], true);
    EXPECT_EQ(verified.json["entries"], audit_->entries().size());
    EXPECT_EQ(verified.json["last_hash"], audit_->entries().back().hash);
    EXPECT_EQ(send(http::verb::get, "/api/audit/verify", {}, login("technician")).status, 403);
    EXPECT_EQ(send(http::verb::get, "/api/audit/verify", {}, login("enterprise_user")).status, 403);
    EXPECT_EQ(send(http::verb::get, "/api/audit/verify").status, 401);
    EXPECT_EQ(send(http::verb::get, "/api/audit/entries", {}, manager).status, 404);

    // An edited entry breaks the chain at that entry.
    const auto file = (dir_.path() / "callab.db").string();
    ASSERT_EQ(std::system(("sqlite3 '" + file +
                           "' \"UPDATE audit_entry SET actor = 'someone else' WHERE sequence = 2\"")
                              .c_str()),
              0);
    const auto broken = send(http::verb::get, "/api/audit/verify", {}, login("admin"));
    EXPECT_EQ(broken.json["intact"], false);
    EXPECT_EQ(broken.json["broken_at"], 2);
}

} // namespace
} // namespace callab::test_support
