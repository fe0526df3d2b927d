// callab audit verify --db URI: checks the audit trail's hash chain.
#include "command_failure.hpp"
#include "commands.hpp"
#include "database_option.hpp"

#include <callab/db/sql_audit_log.hpp>
#include <callab/lab/audit_entry.hpp>

#include <iostream>
#include <memory>

namespace callab::app {
namespace {

void run_verify(const std::string& uri) {
    auto database = open_database(uri);
    db::SqlAuditLog log(*database);
    const auto entries = log.entries();
    if (const auto broken = lab::verify_audit_chain(entries)) {
        throw CommandFailure(exit_runtime_failure, "audit trail broken at entry " +
                                                       std::to_string(broken->sequence) + ": " +
                                                       broken->reason);
    }
    std::cout << "audit trail intact: " << entries.size() << " entries";
    if (!entries.empty()) {
        std::cout << ", last " << entries.back().sequence << " " << entries.back().hash;
    }
    std::cout << "\n";
}

} // namespace

void add_audit_command(CLI::App& app) {
    auto* audit = app.add_subcommand("audit", "Check the audit trail");
    audit->require_subcommand(1);
    auto uri = std::make_shared<std::string>();
    auto* verify = audit->add_subcommand(
        "verify", "Verify the hash chain; exit 1 naming the first broken entry");
    add_database_option(*verify, *uri);
    verify->callback([uri] { run_verify(*uri); });
}

} // namespace callab::app
