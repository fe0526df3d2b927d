#include "demo_records.hpp"

#include "bench_records.hpp"
#include "command_failure.hpp"

#include <callab/db/sql_booking_store.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_standard_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/builtin_procedures.hpp>
#include <callab/lab/password_hash.hpp>

#include <array>
#include <random>

namespace callab::app {
namespace {

constexpr const char* actor = "callab-demo";
constexpr const char* blackbody_equipment = "Blackbody source Fluke 4180";
constexpr const char* power_equipment = "Power source Fluke 6105A";

struct DemoPerson {
    lab::Role role;
    const char* display_name;
};

constexpr std::array<DemoPerson, 6> people{{{lab::Role::technician, "张敏 Zhang Min"},
                                            {lab::Role::reviewer, "王磊 Wang Lei"},
                                            {lab::Role::signatory, "李静 Li Jing"},
                                            {lab::Role::manager, "陈刚 Chen Gang"},
                                            {lab::Role::admin, "刘洋 Liu Yang"},
                                            {lab::Role::enterprise_user, "赵丽 Zhao Li"}}};

std::string random_password() {
    // No look-alike characters: the password is read off a terminal and typed.
    constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY346789";
    std::random_device random;
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string password;
    for (int i = 0; i < 16; ++i) {
        password += alphabet[pick(random)];
    }
    return password;
}

template <typename T> T stored(lab::Outcome<T> outcome, const std::string& what) {
    if (!outcome) {
        throw CommandFailure(exit_runtime_failure, what + ": " + outcome.error().message);
    }
    return std::move(*outcome);
}

// Mon–Fri 08:00–18:00 in China (UTC+8).
lab::BookableHours office_hours() {
    lab::BookableHours hours;
    hours.weekdays = 0x1f;
    hours.from_minute = 8 * 60;
    hours.to_minute = 18 * 60;
    hours.utc_offset_minutes = 8 * 60;
    return hours;
}

std::vector<lab::Enterprise> add_enterprises(db::SqlEnterpriseStore& enterprises) {
    const std::vector<lab::NewEnterprise> batch{
        {"杭州示例医疗器械有限公司 Hangzhou Demo Medical Devices Co.", "91330100MA2DEM001H",
         "Zhejiang/Hangzhou", "medical devices", lab::SizeClass::small, "Zhao Li, 0571-0000"},
        {"宁波示例电气有限公司 Ningbo Demo Electric Co.", "91330200MA2DEM002R", "Zhejiang/Ningbo",
         "electrical equipment", lab::SizeClass::medium, ""},
        {"温州示例仪表有限公司 Wenzhou Demo Instruments Co.", "91330300MA2DEM0032",
         "Zhejiang/Wenzhou", "instruments", lab::SizeClass::micro, ""}};
    return stored(enterprises.add_enterprises(batch, actor), "demo enterprises");
}

} // namespace

std::string demo_username(lab::Role role) {
    if (role == lab::Role::enterprise_user) {
        return "demo.enterprise";
    }
    return "demo." + std::string(lab::enum_name(role, lab::role_names));
}

DemoRecords seed_demo_records(db::Database& database, const std::optional<std::string>& password) {
    db::SqlUserStore users(database);
    db::SqlStandardStore standards(database);
    db::SqlEnterpriseStore enterprises(database);
    db::SqlBookingStore bookings(database);
    DemoRecords records;
    if (users.find_user_by_name(demo_username(lab::Role::admin))) {
        for (const auto& equipment : bookings.list_equipment()) {
            if (equipment.data.name == blackbody_equipment && equipment.data.standard) {
                records.blackbody = *equipment.data.standard;
            }
            if (equipment.data.name == power_equipment && equipment.data.standard) {
                records.power_source = *equipment.data.standard;
            }
        }
        return records;
    }
    records.seeded = true;
    const auto procedures = lab::seed_builtin_procedures(standards, actor);
    const auto customers = add_enterprises(enterprises);

    for (const auto& person : people) {
        const auto secret = password.value_or(random_password());
        const auto tied = person.role == lab::Role::enterprise_user
                              ? std::optional<lab::EnterpriseId>(customers.front().id)
                              : std::nullopt;
        lab::NewUser user{demo_username(person.role), person.role, tied, person.display_name};
        records.users.push_back(
            {stored(users.add_user(user, lab::hash_password(secret), actor), user.username),
             secret});
    }
    const auto& technician = records.users.front().user;
    for (const auto& procedure : procedures) {
        users.authorise(technician.id, procedure.data.code, actor);
    }

    const auto sprt = add_bench_standard(
        standards,
        {"Standard platinum resistance thermometer", "Fluke", "5615", "DEMO-SPRT-01", std::nullopt,
         "National temperature standard, National Institute of Metrology, China"},
        "NIM-SPRT-DEMO", "U = 0.01 °C (k = 2)", actor);
    records.blackbody = add_bench_standard(
        standards, {"Blackbody source", "Fluke", "4180", "DEMO-BB-4180", sprt, ""}, "ZJIM-BB-DEMO",
        "U = 0.05 °C (k = 2)", actor);
    records.power_source = add_bench_standard(
        standards,
        {"Power source", "Fluke", "6105A", "DEMO-PS-6105", std::nullopt,
         "National electrical power standard, National Institute of Metrology, China"},
        "NIM-PS-DEMO", "U = 0.02 V (k = 2); U = 0.0005 A (k = 2); U = 0.2 W (k = 2)", actor);

    bookings.add_equipment({blackbody_equipment, records.blackbody, false, 15, office_hours()},
                           actor);
    bookings.add_equipment({power_equipment, records.power_source, false, 15, office_hours()},
                           actor);
    bookings.add_equipment({"Dry-block calibrator", std::nullopt, false, 0, office_hours()}, actor);

    std::vector<lab::NewInstrument> instruments;
    const std::array<const char*, 2> serials{"DEMO-IRT-0001", "DEMO-IRT-0002"};
    for (std::size_t i = 0; i < serials.size(); ++i) {
        instruments.push_back({lab::InstrumentKind::ir_forehead_thermometer, "Omron", "MC-720",
                               serials[i], 32.0, 42.5, "degC", 0.1, customers[i].id,
                               lab::MetrologyRegime::calibration});
    }
    instruments.push_back({lab::InstrumentKind::power_analyser, "Yokogawa", "WT300", "DEMO-PA-0001",
                           0.0, 600.0, "V", 0.01, customers[1].id,
                           lab::MetrologyRegime::calibration});
    const auto added = stored(enterprises.add_instruments(instruments, actor), "demo instruments");
    records.thermometers = {added[0], added[1]};
    records.power_analyser = added[2];
    return records;
}

} // namespace callab::app
