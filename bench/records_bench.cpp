// The lab's records at scale on SQLite: 100,000 instruments and 1,000,000 readings (10,000
// jobs of 100 readings), built once into bench-records.db in the working directory.
//   - a job with its readings loads (SqlJobStore::find_job + readings_of), against the
//     named baseline `baseline_sqlite3_select`: the same rows read with a prepared
//     statement of the bare SQLite C API;
//   - the recall list (schedules due within 30 days of 100,000, one calibration schedule per
//     instrument with due days spread over a year: about 8,200 rows), against
//     `baseline_sqlite3_recall`: the same rows by a bare prepared statement;
//   - durable reading inserts (WAL, synchronous=FULL, audited) by 1, 4 and 16 concurrent
//     writers, gathered by group commit, into bench-inserts.db, against
//     `baseline_sqlite3_insert`: one bare INSERT per transaction with the same PRAGMAs into
//     a table without audit.
#include <callab/db/database.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_recall_store.hpp>
#include <callab/lab/credit_code.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>
#include <sqlite3.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr int enterprises = 1'000;
constexpr int instruments_per_enterprise = 100;
constexpr int jobs = 10'000;
constexpr int readings_per_job = 100;
const std::string file = "bench-records.db";

std::string credit_code(int n) {
    char first17[18];
    std::snprintf(first17, sizeof first17, "91350100MA%07d", n);
    return first17 + std::string(1, *callab::lab::credit_code_check_character(first17));
}

void populate(callab::db::Database& database) {
    using namespace callab;
    db::SqlEnterpriseStore registry(database);
    std::vector<lab::NewEnterprise> batch;
    for (int e = 0; e < enterprises; ++e) {
        batch.push_back({"Enterprise " + std::to_string(e), credit_code(e), "Fujian", "",
                         lab::SizeClass::small, ""});
    }
    const auto stored = registry.add_enterprises(batch, "bench").value();
    for (const auto& enterprise : stored) {
        std::vector<lab::NewInstrument> instruments;
        for (int i = 0; i < instruments_per_enterprise; ++i) {
            instruments.push_back({lab::InstrumentKind::ir_forehead_thermometer, "Maker", "M1",
                                   "S" + std::to_string(i), 32.0, 42.5, "degC", 0.1, enterprise.id,
                                   lab::MetrologyRegime::calibration});
        }
        registry.add_instruments(instruments, "bench").value();
    }
    db::SqlJobStore store(database);
    std::mt19937_64 random(1);
    std::normal_distribution<double> noise(37.0, 0.05);
    for (int j = 0; j < jobs; ++j) {
        const auto job = store.create_job({"IR at 37", "FT", "object_temperature", "degC", 0.1});
        std::vector<lab::ReadingRecord> readings;
        for (int r = 0; r < readings_per_job; ++r) {
            readings.push_back({lab::ReadingId{}, job.id, noise(random), "degC", "manual",
                                std::chrono::system_clock::now(), "bench", r % 5});
        }
        store.append_readings(readings);
    }
}

const callab::lab::Date today{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{1}};

void add_recall_schedules(callab::db::Database& database) {
    using namespace callab;
    db::SqlRecallStore recalls(database);
    if (!recalls.due_list(today, 400).empty()) {
        return;
    }
    std::vector<lab::RecallSchedule> schedules;
    for (int i = 1; i <= enterprises * instruments_per_enterprise; ++i) {
        schedules.push_back({{},
                             lab::RecallItem::instrument,
                             i,
                             lab::RecallKind::calibration,
                             lab::Date{std::chrono::sys_days{today} + std::chrono::days{i % 365}},
                             365,
                             30});
    }
    recalls.add_schedules(schedules, "bench").value();
}

// The records are built through the stores, 20,000 durable transactions. On a memory file
// system (/dev/shm) their fsyncs cost nothing, so they are built there and the finished file
// is copied into the working directory (the same bytes: closing the last connection folds the
// WAL into it); without /dev/shm they are built in place.
void build_records() {
    namespace fs = std::filesystem;
    const fs::path memory = "/dev/shm";
    const fs::path scratch =
        memory / ("callab-bench-records-" + std::to_string(::getpid()) + ".db");
    const bool in_memory = fs::is_directory(memory);
    const fs::path target = in_memory ? scratch : fs::path(file);
    {
        auto database = callab::db::Database::open("sqlite:" + target.string(), 2);
        populate(*database);
    }
    if (in_memory) {
        const fs::path part = file + ".part";
        fs::copy_file(scratch, part, fs::copy_options::overwrite_existing);
        fs::remove(scratch);
        fs::rename(part, file);
    }
}

callab::db::Database& records() {
    static std::unique_ptr<callab::db::Database> database = [] {
        if (!std::filesystem::exists(file)) {
            build_records();
        }
        auto opened = callab::db::Database::open("sqlite:" + file, 2);
        add_recall_schedules(*opened);
        return opened;
    }();
    return *database;
}

void recall_list_callab(benchmark::State& state) {
    callab::db::SqlRecallStore recalls(records());
    for (auto _ : state) {
        auto due = recalls.due_list(today, 30);
        benchmark::DoNotOptimize(due);
        state.counters["rows"] = static_cast<double>(due.size());
    }
}

void baseline_sqlite3_recall(benchmark::State& state) {
    records();
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT id, item_kind, item_id, kind, due_on, interval_days, lead_days "
                       "FROM recall_schedule WHERE due_on <= '2026-01-31' ORDER BY due_on, id",
                       -1, &statement, nullptr);
    for (auto _ : state) {
        long long rows = 0;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            benchmark::DoNotOptimize(sqlite3_column_int64(statement, 2));
            benchmark::DoNotOptimize(sqlite3_column_text(statement, 4));
            ++rows;
        }
        sqlite3_reset(statement);
        state.counters["rows"] = static_cast<double>(rows);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
}

void job_with_readings_callab(benchmark::State& state) {
    callab::db::SqlJobStore store(records());
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pick(1, jobs);
    for (auto _ : state) {
        const callab::lab::JobId id{pick(random)};
        auto job = store.find_job(id);
        auto readings = store.readings_of(id);
        benchmark::DoNotOptimize(job);
        benchmark::DoNotOptimize(readings);
    }
}

void baseline_sqlite3_select(benchmark::State& state) {
    records();
    sqlite3* db = nullptr;
    sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT id, job_id, value, unit, source, taken_at_us, recorded_by, "
                       "test_point, phase FROM reading WHERE job_id = ? ORDER BY id",
                       -1, &statement, nullptr);
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pick(1, jobs);
    for (auto _ : state) {
        sqlite3_bind_int(statement, 1, pick(random));
        double sum = 0;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            sum += sqlite3_column_double(statement, 2);
            benchmark::DoNotOptimize(sqlite3_column_text(statement, 3));
        }
        sqlite3_reset(statement);
        benchmark::DoNotOptimize(sum);
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
}

// The durable inserts go to a database of their own (bench-inserts.db, made afresh each
// run), so that they are measured without first building the million-reading file: an
// append costs one B-tree insert at the end of the reading and audit tables and the fsync
// of its commit, whatever the tables hold.
callab::db::Database& inserts() {
    static std::unique_ptr<callab::db::Database> database = [] {
        std::filesystem::remove("bench-inserts.db");
        std::filesystem::remove("bench-inserts.db-wal");
        std::filesystem::remove("bench-inserts.db-shm");
        return callab::db::Database::open("sqlite:bench-inserts.db", 2);
    }();
    return *database;
}

// Run with 1, 4 and 16 threads, each a client with its own store on the one database:
// concurrent appends are gathered into one transaction per batch (group commit), so the
// rate grows with the writers while each call still returns only after its commit.
void durable_reading_insert_callab(benchmark::State& state) {
    static const callab::lab::JobId job =
        callab::db::SqlJobStore(inserts())
            .create_job({"insert bench", "FT", "object_temperature", "degC", 0.1})
            .id;
    callab::db::SqlJobStore store(inserts());
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            store.append_reading({callab::lab::ReadingId{}, job, 37.0, "degC", "manual",
                                  std::chrono::system_clock::now(), "bench"}));
    }
    state.SetItemsProcessed(state.iterations());
}

void baseline_sqlite3_insert(benchmark::State& state) {
    const std::string baseline = "bench-baseline.db";
    std::filesystem::remove(baseline);
    sqlite3* db = nullptr;
    sqlite3_open(baseline.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE r (id "
                 "INTEGER PRIMARY KEY, job_id INTEGER, value REAL, unit TEXT, source TEXT, "
                 "taken_at_us INTEGER, recorded_by TEXT)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO r (job_id, value, unit, source, taken_at_us, "
                       "recorded_by) VALUES (1, 37.0, 'degC', 'manual', 0, 'bench')",
                       -1, &statement, nullptr);
    for (auto _ : state) {
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_step(statement);
        sqlite3_reset(statement);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    state.SetItemsProcessed(state.iterations());
    sqlite3_finalize(statement);
    sqlite3_close(db);
}

} // namespace

BENCHMARK(recall_list_callab)->Unit(benchmark::kMillisecond);
BENCHMARK(baseline_sqlite3_recall)->Unit(benchmark::kMillisecond);
BENCHMARK(job_with_readings_callab)->Unit(benchmark::kMillisecond);
BENCHMARK(baseline_sqlite3_select)->Unit(benchmark::kMillisecond);
BENCHMARK(durable_reading_insert_callab)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Threads(1)
    ->Threads(4)
    ->Threads(16);
BENCHMARK(baseline_sqlite3_insert)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
