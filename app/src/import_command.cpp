// callab import enterprises|instruments FILE.csv --db URI: all rows or none.
// callab export enterprises|instruments --db URI [--to FILE.csv]: the same CSV format.
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"
#include "terminal_progress.hpp"

#include <callab/db/sql_enterprise_store.hpp>
#include <callab/lab/record_import.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

namespace callab::app {
namespace {

struct TransferOptions {
    std::string db;
    std::string kind;
    std::string file;
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CommandFailure(exit_runtime_failure, path + ": cannot be read");
    }
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

template <typename T>
void report_and_stop(const std::string& file, const lab::ImportRows<T>& rows) {
    for (const auto& problem : rows.problems) {
        std::cerr << file << ":" << problem.line << ": " << problem.message << "\n";
    }
    throw CommandFailure(exit_runtime_failure,
                         "nothing imported: " + std::to_string(rows.problems.size()) + " of " +
                             std::to_string(rows.problems.size() + rows.records.size()) +
                             " lines rejected");
}

template <typename T, typename Store>
void store_all(const std::string& file, const lab::ImportRows<T>& rows, Store&& store,
               db::SqlEnterpriseStore& records) {
    TerminalProgress progress("storing " + file);
    records.set_progress(
        [&](std::size_t done, std::size_t total) { progress.update(done, total); });
    progress.update(0, rows.records.size());
    const auto stored = store(rows.records);
    progress.finish();
    records.set_progress({});
    if (!stored) {
        const auto& error = stored.error();
        const std::size_t line = error.item > 0 ? rows.lines.at(error.item - 1) : 0;
        std::cerr << file << ":" << line << ": " << error.message << "\n";
        throw CommandFailure(exit_runtime_failure,
                             "nothing imported: line " + std::to_string(line) + " rejected");
    }
    std::cout << "imported " << stored->size() << " " << file << " rows\n";
}

void run_import(const TransferOptions& options) {
    const auto table = lab::parse_csv(read_file(options.file));
    if (!table) {
        throw CommandFailure(exit_runtime_failure, options.file + ": " + table.error().message);
    }
    auto database = open_database(options.db);
    db::SqlEnterpriseStore store(*database);
    if (options.kind == "enterprises") {
        const auto rows = lab::enterprises_from_csv(*table);
        if (!rows.problems.empty()) {
            report_and_stop(options.file, rows);
        }
        store_all(
            options.file, rows,
            [&](const auto& records) { return store.add_enterprises(records, "import"); }, store);
        return;
    }
    std::map<std::string, lab::EnterpriseId> owners;
    for (const auto& e : store.list_enterprises()) {
        owners.emplace(e.data.credit_code, e.id);
    }
    const auto rows = lab::instruments_from_csv(
        *table, [&](const std::string& code) -> std::optional<lab::EnterpriseId> {
            const auto it = owners.find(code);
            return it == owners.end() ? std::nullopt : std::optional{it->second};
        });
    if (!rows.problems.empty()) {
        report_and_stop(options.file, rows);
    }
    store_all(
        options.file, rows,
        [&](const auto& records) { return store.add_instruments(records, "import"); }, store);
}

void run_export(const TransferOptions& options) {
    auto database = open_database(options.db);
    db::SqlEnterpriseStore store(*database);
    std::ofstream file;
    if (!options.file.empty()) {
        file.open(options.file, std::ios::binary | std::ios::trunc);
        if (!file) {
            throw CommandFailure(exit_runtime_failure, options.file + ": cannot be written");
        }
    }
    std::ostream& out = options.file.empty() ? std::cout : file;
    const auto enterprises = store.list_enterprises();
    if (options.kind == "enterprises") {
        out << lab::enterprise_csv_header << "\n";
        for (const auto& e : enterprises) {
            out << lab::enterprise_csv_row(e) << "\n";
        }
        return;
    }
    out << lab::instrument_csv_header << "\n";
    for (const auto& e : enterprises) {
        for (const auto& i : store.instruments_of(e.id)) {
            out << lab::instrument_csv_row(i, e.data.credit_code) << "\n";
        }
    }
}

} // namespace

void add_import_command(CLI::App& app) {
    auto options = std::make_shared<TransferOptions>();
    auto* import = app.add_subcommand(
        "import", "Import enterprises or instruments from CSV (all rows or none)");
    import->add_option("kind", options->kind, "enterprises|instruments")
        ->required()
        ->check(CLI::IsMember({"enterprises", "instruments"}));
    import->add_option("file", options->file, "CSV file (headers in docs/records.md)")->required();
    add_database_option(*import, options->db);
    import->callback([options] { run_import(*options);
});

auto export_options = std::make_shared<TransferOptions>();
auto* exporter =
    app.add_subcommand("export", "Export enterprises or instruments as CSV (import format)");
exporter->add_option("kind", export_options->kind, "enterprises|instruments")
    ->required()
    ->check(CLI::IsMember({"enterprises", "instruments"}));
exporter->add_option("--to", export_options->file, "Write to this file instead of stdout");
add_database_option(*exporter, export_options->db);
exporter->callback([export_options] { run_export(*export_options); });
} // namespace callab::app

} // namespace callab::app
