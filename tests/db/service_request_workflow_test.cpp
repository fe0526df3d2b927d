// The one-stop window on the SQL stores: submit, ask back, answer, accept or reject, convert;
// the role rules and enterprise isolation of lab::ServiceRequestService.
#include "records_fixture.hpp"

#include <callab/db/sql_service_request_store.hpp>
#include <callab/lab/service_request_service.hpp>

namespace callab::test_support {
namespace {

using Status = lab::ServiceRequestStatus;

class ServiceRequestWorkflowTest : public RecordsTest {
protected:
    db::SqlServiceRequestStore requests_{*database_};
    lab::ServiceRequestService service_{requests_, enterprises_, jobs_, bookings_};
    lab::Enterprise fuzhou_ = add_enterprise("91350100M000100Y43");
    lab::Enterprise other_ = add_enterprise("91310000MA1FL1JP22");
    lab::User client_ = add_user("client", lab::Role::enterprise_user, fuzhou_.id);
    lab::User stranger_ = add_user("stranger", lab::Role::enterprise_user, other_.id);
    lab::User tech_ = add_user("tech", lab::Role::technician);
    std::chrono::system_clock::time_point now_ = std::chrono::system_clock::now();

    lab::Instrument add_instrument(lab::EnterpriseId owner, const std::string& serial) {
        const std::vector<lab::NewInstrument> devices{
            {lab::InstrumentKind::ir_forehead_thermometer, "Omron", "MC-720", serial, 32, 42.5,
             "degC", 0.1, owner, lab::MetrologyRegime::verification}};
        return enterprises_.add_instruments(devices, "admin").value().front();
    }

    lab::ServiceRequest submit_calibration() {
        const auto instrument = add_instrument(fuzhou_.id, "SN" + std::to_string(++serial_));
        auto submitted = service_.submit({lab::EnterpriseId{},
                                          lab::ServiceKind::calibration,
                                          "Calibrate a thermometer",
                                          "",
                                          {instrument.id},
                                          std::nullopt},
                                         client_, now_);
        EXPECT_TRUE(submitted) << submitted.error().message;
        return submitted.value();
    }

    int serial_ = 0;
};

TEST_P(ServiceRequestWorkflowTest, AskBackAnswerAcceptAndConvertIntoJobs) {
    const auto request = submit_calibration();
    EXPECT_EQ(request.status, Status::submitted);
    EXPECT_EQ(request.data.enterprise, fuzhou_.id); // an enterprise user asks for its own
    EXPECT_EQ(request.submitted_by, client_.id);
    ASSERT_EQ(request.data.instruments.size(), 1U);

    const auto asked = service_.ask(request.id, tech_, "Which range do you use?");
    ASSERT_TRUE(asked) << asked.error().message;
    EXPECT_EQ(asked->status, Status::question_asked);
    const auto answered = service_.answer(request.id, client_, "35 to 42 degC");
    ASSERT_TRUE(answered) << answered.error().message;
    EXPECT_EQ(answered->status, Status::submitted);
    EXPECT_EQ(answered->question, "Which range do you use?");
    EXPECT_EQ(answered->answer, "35 to 42 degC");

    const auto accepted = service_.accept(request.id, tech_, now_);
    ASSERT_TRUE(accepted) << accepted.error().message;
    EXPECT_EQ(accepted->handled_by, tech_.id);
    ASSERT_TRUE(accepted->handled_at);

    lab::NewJob spec{"IR at 37", "FT-1", "object_temperature", "degC", 0.1};
    const auto foreign = jobs_.create_job(spec);
    const auto refused = service_.convert(request.id, tech_, {{foreign.id}, {}, ""});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              "jobs: " + foreign.id.to_string() + " is for another enterprise");
    spec.enterprise = fuzhou_.id;
    const auto job = jobs_.create_job(spec);
    const auto converted = service_.convert(request.id, tech_, {{job.id}, {}, ""});
    ASSERT_TRUE(converted) << converted.error().message;
    EXPECT_EQ(converted->status, Status::completed);
    EXPECT_EQ(converted->jobs, std::vector<lab::JobId>{job.id});
    EXPECT_EQ(requests_.find_request(request.id)->jobs, std::vector<lab::JobId>{job.id});

    const auto again = service_.reject(request.id, tech_, "late", now_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, lab::errc::invalid_transition);
    EXPECT_EQ(again.error().message, "service request " + request.id.to_string() +
                                         " is completed and cannot become rejected");
}

TEST_P(ServiceRequestWorkflowTest, OnlyStaffDecideAndEnterprisesSeeOnlyTheirOwn) {
    const auto request = submit_calibration();
    for (const auto* user : {&client_, &stranger_}) {
        const auto accepted = service_.accept(request.id, *user, now_);
        ASSERT_FALSE(accepted);
        EXPECT_EQ(accepted.error().code, lab::errc::not_permitted);
    }
    const auto seen = service_.find(request.id, stranger_);
    ASSERT_FALSE(seen);
    EXPECT_EQ(seen.error().code, lab::errc::not_found);
    EXPECT_FALSE(service_.answer(request.id, stranger_, "hello"));
    EXPECT_EQ(service_.list({}, stranger_).total, 0);
    EXPECT_EQ(service_.list({}, client_).total, 1);
    EXPECT_EQ(service_.list({}, tech_).total, 1);

    const auto foreign_instrument = add_instrument(other_.id, "X1");
    const auto borrowed = service_.submit({fuzhou_.id,
                                           lab::ServiceKind::calibration,
                                           "Borrowed",
                                           "",
                                           {foreign_instrument.id},
                                           std::nullopt},
                                          client_, now_);
    ASSERT_FALSE(borrowed);
    EXPECT_EQ(borrowed.error().message, "instruments: " + foreign_instrument.id.to_string() +
                                            " belongs to another enterprise");
    const auto for_other = service_.submit(
        {other_.id, lab::ServiceKind::technical_advice, "Advice", "interval", {}, std::nullopt},
        client_, now_);
    ASSERT_FALSE(for_other);
    EXPECT_EQ(for_other.error().code, lab::errc::not_permitted);
    // Staff submit on an enterprise's behalf.
    EXPECT_TRUE(service_.submit(
        {other_.id, lab::ServiceKind::technical_advice, "Advice", "interval", {}, std::nullopt},
        tech_, now_));
}

TEST_P(ServiceRequestWorkflowTest, RejectionNeedsAReasonAndInvalidStepsAreNamed) {
    const auto request = submit_calibration();
    const auto no_reason = service_.reject(request.id, tech_, " ", now_);
    ASSERT_FALSE(no_reason);
    EXPECT_EQ(no_reason.error().message, "reason: a rejection needs a reason");
    const auto early = service_.convert(request.id, tech_, {{}, {}, "text"});
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, lab::errc::invalid_transition);
    const auto unasked = service_.answer(request.id, client_, "nobody asked");
    ASSERT_FALSE(unasked);
    EXPECT_EQ(unasked.error().code, lab::errc::invalid_transition);
    const auto rejected = service_.reject(request.id, tech_, "out of our scope", now_);
    ASSERT_TRUE(rejected) << rejected.error().message;
    EXPECT_EQ(rejected->rejection_reason, "out of our scope");
    EXPECT_EQ(service_.list({std::nullopt, Status::rejected, std::nullopt, 1, 10}, client_).total,
              1);
    EXPECT_EQ(service_.list({std::nullopt, Status::submitted, std::nullopt, 1, 10}, client_).total,
              0);
}

TEST_P(ServiceRequestWorkflowTest, LoansBecomeBookingsAndAdviceAWrittenAnswer) {
    const auto equipment = bookings_.add_equipment({"Power analyser", {}, false, 0}, "admin");
    const auto loan =
        service_
            .submit(
                {{}, lab::ServiceKind::equipment_loan, "Borrow the analyser", "", {}, equipment.id},
                client_, now_)
            .value();
    ASSERT_TRUE(service_.accept(loan.id, tech_, now_));
    const auto start = std::chrono::floor<std::chrono::hours>(now_) + std::chrono::hours(24);
    const auto booking = bookings_
                             .create_booking({equipment.id, tech_.id, client_.id, start,
                                              start + std::chrono::hours(2), "loan", std::nullopt},
                                             lab::BookingStatus::approved, "tech")
                             .value();
    const auto no_jobs = service_.convert(loan.id, tech_, {{}, {}, ""});
    ASSERT_FALSE(no_jobs);
    EXPECT_EQ(no_jobs.error().message, "bookings: a loan request becomes one or more bookings");
    const auto lent = service_.convert(loan.id, tech_, {{}, {booking.id}, ""});
    ASSERT_TRUE(lent) << lent.error().message;
    EXPECT_EQ(lent->bookings, std::vector<lab::BookingId>{booking.id});

    const auto advice = service_
                            .submit({{},
                                     lab::ServiceKind::technical_advice,
                                     "Interval",
                                     "How often to calibrate?",
                                     {},
                                     std::nullopt},
                                    client_, now_)
                            .value();
    ASSERT_TRUE(service_.accept(advice.id, tech_, now_));
    const auto answered = service_.convert(advice.id, tech_, {{}, {}, "Yearly, per JJG 1164."});
    ASSERT_TRUE(answered) << answered.error().message;
    EXPECT_EQ(service_.find(advice.id, client_)->written_answer, "Yearly, per JJG 1164.");

    const auto page = service_.list({std::nullopt, std::nullopt, std::nullopt, 1, 1}, client_);
    EXPECT_EQ(page.total, 2);
    ASSERT_EQ(page.items.size(), 1U);
    EXPECT_EQ(page.items[0].id, advice.id); // newest first
}

TEST_P(ServiceRequestWorkflowTest, EveryChangeIsAudited) {
    const auto request = submit_calibration();
    ASSERT_TRUE(service_.ask(request.id, tech_, "Range?"));
    ASSERT_TRUE(service_.answer(request.id, client_, "35-42"));
    ASSERT_TRUE(service_.reject(request.id, tech_, "no capacity", now_));
    std::vector<std::string> trail;
    for (const auto& entry : audit_.entries()) {
        if (entry.entity == "service_request" && entry.entity_id == request.id.to_string()) {
            trail.push_back(entry.actor + " " + entry.action);
            if (entry.actor == "client" && entry.action == "status") {
                EXPECT_NE(entry.after.find("answer=35-42"), std::string::npos) << entry.after;
            }
        }
    }
    EXPECT_EQ(trail, (std::vector<std::string>{"client create", "tech status", "client status",
                                               "tech status"}));
}

CALLAB_STORE_TEST_SUITE(ServiceRequestWorkflowTest);

} // namespace
} // namespace callab::test_support
