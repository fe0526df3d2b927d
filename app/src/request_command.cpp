// callab request add|list|accept|reject|ask|answer|convert: the one-stop window's service
// requests, acted on as a named user (--as) with that user's rights.
#include "command_failure.hpp"
#include "database_option.hpp"
#include "service_commands.hpp"

#include <callab/db/sql_booking_store.hpp>
#include <callab/db/sql_enterprise_store.hpp>
#include <callab/db/sql_job_store.hpp>
#include <callab/db/sql_service_request_store.hpp>
#include <callab/db/sql_user_store.hpp>
#include <callab/lab/service_request_service.hpp>

#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace callab::app {
namespace {

struct RequestOptions {
    std::string db;
    std::string as;
    long long id = 0;
    std::string kind;
    std::string subject;
    std::string details;
    long long enterprise = 0;
    std::vector<long long> instruments;
    long long equipment = 0;
    std::string status;
    int page = 1;
    int per_page = 50;
    std::string text; ///< reason, question, answer or written answer
    std::vector<long long> jobs;
    std::vector<long long> bookings;
};

// The stores and service over one database, and the acting user.
struct Window {
    std::unique_ptr<db::Database> database;
    db::SqlServiceRequestStore requests{*database};
    db::SqlEnterpriseStore enterprises{*database};
    db::SqlJobStore jobs{*database};
    db::SqlBookingStore bookings{*database};
    lab::ServiceRequestService service{requests, enterprises, jobs, bookings};
    lab::User user;

    explicit Window(const RequestOptions& options) : database(open_database(options.db)) {
        db::SqlUserStore users(*database);
        auto found = users.find_user_by_name(options.as);
        if (!found) {
            throw CommandFailure(exit_usage, "--as: no user '" + options.as + "'");
        }
        user = *found;
    }
};

template <typename T> T checked(lab::Outcome<T> outcome) {
    if (!outcome) {
        const bool usage = outcome.error().code == lab::errc::invalid_field;
        throw CommandFailure(usage ? exit_usage : exit_runtime_failure, outcome.error().message);
    }
    return std::move(*outcome);
}

std::string ids_text(const auto& ids) {
    std::string out;
    for (const auto& id : ids) {
        out += (out.empty() ? "" : ",") + id.to_string();
    }
    return out.empty() ? "-" : out;
}

void print(const lab::ServiceRequest& r) {
    std::cout << "request " << r.id.value() << " "
              << lab::enum_name(r.data.kind, lab::service_kind_names) << " "
              << lab::enum_name(r.status, lab::service_request_status_names) << " enterprise "
              << r.data.enterprise.value() << " submitted "
              << lab::format_date(lab::date_of(r.submitted_at)) << ": " << r.data.subject << "\n";
    if (!r.data.instruments.empty()) {
        std::cout << "  instruments: " << ids_text(r.data.instruments) << "\n";
    }
    if (r.data.equipment) {
        std::cout << "  equipment: " << r.data.equipment->value() << "\n";
    }
    for (const auto& [label, value] :
         {std::pair{"question", &r.question}, std::pair{"answer", &r.answer},
          std::pair{"rejection reason", &r.rejection_reason},
          std::pair{"written answer", &r.written_answer}}) {
        if (!value->empty()) {
            std::cout << "  " << label << ": " << *value << "\n";
        }
    }
    if (!r.jobs.empty()) {
        std::cout << "  jobs: " << ids_text(r.jobs) << "\n";
    }
    if (!r.bookings.empty()) {
        std::cout << "  bookings: " << ids_text(r.bookings) << "\n";
    }
}

void run_add(const RequestOptions& options) {
    const auto kind = lab::parse_enum(options.kind, lab::service_kind_names);
    if (!kind) {
        throw CommandFailure(exit_usage, "--kind: '" + options.kind +
                                             "' is not one of calibration, equipment_loan, "
                                             "technical_advice");
    }
    Window window(options);
    lab::NewServiceRequest request{lab::EnterpriseId{options.enterprise},
                                   *kind,
                                   options.subject,
                                   options.details,
                                   {},
                                   std::nullopt};
    for (const auto id : options.instruments) {
        request.instruments.emplace_back(id);
    }
    if (options.equipment > 0) {
        request.equipment = lab::EquipmentId{options.equipment};
    }
    if (lab::is_lab_staff(window.user) && options.enterprise <= 0) {
        throw CommandFailure(exit_usage, "--enterprise: staff name the enterprise they ask for");
    }
    print(checked(window.service.submit(request, window.user, std::chrono::system_clock::now())));
}

void run_list(const RequestOptions& options) {
    Window window(options);
    lab::ServiceRequestFilter filter;
    if (!options.status.empty()) {
        filter.status = lab::parse_enum(options.status, lab::service_request_status_names);
        if (!filter.status) {
            throw CommandFailure(exit_usage, "--status: '" + options.status +
                                                 "' is not one of submitted, question_asked, "
                                                 "accepted, rejected, completed");
        }
    }
    if (!options.kind.empty()) {
        filter.kind = lab::parse_enum(options.kind, lab::service_kind_names);
        if (!filter.kind) {
            throw CommandFailure(exit_usage,
                                 "--kind: '" + options.kind + "' is not a service kind");
        }
    }
    if (options.enterprise > 0) {
        filter.enterprise = lab::EnterpriseId{options.enterprise};
    }
    filter.page = options.page;
    filter.per_page = options.per_page;
    const auto page = window.service.list(filter, window.user);
    for (const auto& request : page.items) {
        print(request);
    }
    std::cout << page.items.size() << " of " << page.total << " requests\n";
}

void run_step(const RequestOptions& options, const std::string& step) {
    Window window(options);
    const lab::ServiceRequestId id{options.id};
    const auto now = std::chrono::system_clock::now();
    auto& service = window.service;
    const auto& user = window.user;
    if (step == "accept") {
        print(checked(service.accept(id, user, now)));
    } else if (step == "reject") {
        print(checked(service.reject(id, user, options.text, now)));
    } else if (step == "ask") {
        print(checked(service.ask(id, user, options.text)));
    } else if (step == "answer") {
        print(checked(service.answer(id, user, options.text)));
    } else {
        lab::ServiceRequestService::Conversion conversion;
        for (const auto job : options.jobs) {
            conversion.jobs.emplace_back(job);
        }
        for (const auto booking : options.bookings) {
            conversion.bookings.emplace_back(booking);
        }
        conversion.written_answer = options.text;
        print(checked(service.convert(id, user, conversion)));
    }
}

CLI::App* add_step(CLI::App& request, const std::shared_ptr<RequestOptions>& options,
                   const std::string& name, const std::string& description) {
    auto* step = request.add_subcommand(name, description);
    add_database_option(*step, options->db);
    step->add_option("--as", options->as, "Username acting")->required();
    step->add_option("id", options->id, "Service request id")
        ->required()
        ->check(CLI::PositiveNumber);
    step->callback([options, name] { run_step(*options, name); });
    return step;
}

} // namespace

void add_request_command(CLI::App& app) {
    auto* request = app.add_subcommand("request", "Service requests of the one-stop window");
    request->require_subcommand(1);
    auto options = std::make_shared<RequestOptions>();

    auto* add = request->add_subcommand("add", "Submit a service request");
    add_database_option(*add, options->db);
    add->add_option("--as", options->as, "Username acting")->required();
    add->add_option("--kind", options->kind, "calibration|equipment_loan|technical_advice")
        ->required();
    add->add_option("--subject", options->subject, "One line")->required();
    add->add_option("--details", options->details, "What is wanted");
    add->add_option("--enterprise", options->enterprise,
                    "Enterprise id (staff asking on its behalf)");
    add->add_option("--instrument", options->instruments, "Instrument id (calibration); repeat");
    add->add_option("--equipment", options->equipment, "Equipment id (equipment_loan)");
    add->callback([options] { run_add(*options); });

    auto* list = request->add_subcommand("list", "Service requests, newest first");
    add_database_option(*list, options->db);
    list->add_option("--as", options->as, "Username acting")->required();
    list->add_option("--status", options->status,
                     "submitted|question_asked|accepted|rejected|completed");
    list->add_option("--kind", options->kind, "calibration|equipment_loan|technical_advice");
    list->add_option("--enterprise", options->enterprise, "Enterprise id");
    list->add_option("--page", options->page, "Page, from 1")->check(CLI::PositiveNumber);
    list->add_option("--per-page", options->per_page, "1..500")->check(CLI::Range(1, 500));
    list->callback([options] { run_list(*options); });

    add_step(*request, options, "accept", "Accept a submitted request (staff)");
    add_step(*request, options, "reject", "Reject a request with a reason (staff)")
        ->add_option("--reason", options->text, "Why")
        ->required();
    add_step(*request, options, "ask", "Ask the enterprise a question (staff)")
        ->add_option("--question", options->text, "The question")
        ->required();
    add_step(*request, options, "answer", "Answer the lab's question")
        ->add_option("--text", options->text, "The answer")
        ->required();
    auto* convert =
        add_step(*request, options, "convert", "Record what an accepted request became (staff)");
    convert->add_option("--job", options->jobs, "Job id (calibration); repeat");
    convert->add_option("--booking", options->bookings, "Booking id (equipment_loan); repeat");
    convert->add_option("--answer", options->text, "Written answer (technical_advice)");
}

} // namespace callab::app
