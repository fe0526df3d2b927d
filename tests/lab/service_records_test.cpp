#include <callab/lab/service_activity.hpp>
#include <callab/lab/service_request.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

NewServiceRequest calibration_request() {
    return {EnterpriseId{1},
            ServiceKind::calibration,
            "Calibrate two forehead thermometers",
            "",
            {InstrumentId{3}, InstrumentId{4}},
            std::nullopt};
}

NewServiceActivity training() {
    NewServiceActivity a;
    a.kind = ActivityKind::training;
    a.held_on = Date{std::chrono::year{2021}, std::chrono::month{6}, std::chrono::day{3}};
    a.region = "Henan/Zhengzhou";
    a.topic = "Energy meters after the flood";
    a.enterprises = {EnterpriseId{1}, EnterpriseId{2}};
    a.attendee_count = 30;
    a.attendees = {"Wang Fang", "Zhao Lei"};
    a.problems_solved = 2;
    a.problem_descriptions = {"meter drift", "charger calibration interval"};
    return a;
}

std::string refusal(const Outcome<void>& outcome) {
    return outcome ? std::string() : outcome.error().message;
}

TEST(ServiceRequestStatus, FollowsTheWindowsStatusMachine) {
    using enum ServiceRequestStatus;
    EXPECT_TRUE(service_request_transition_allowed(submitted, accepted));
    EXPECT_TRUE(service_request_transition_allowed(submitted, rejected));
    EXPECT_TRUE(service_request_transition_allowed(submitted, question_asked));
    EXPECT_TRUE(service_request_transition_allowed(question_asked, submitted));
    EXPECT_TRUE(service_request_transition_allowed(question_asked, rejected));
    EXPECT_TRUE(service_request_transition_allowed(accepted, completed));
    EXPECT_FALSE(service_request_transition_allowed(submitted, completed));
    EXPECT_FALSE(service_request_transition_allowed(question_asked, accepted));
    EXPECT_FALSE(service_request_transition_allowed(accepted, rejected));
    for (const auto& [to, name] : service_request_status_names) {
        EXPECT_FALSE(service_request_transition_allowed(rejected, to)) << name;
        EXPECT_FALSE(service_request_transition_allowed(completed, to)) << name;
    }
}

TEST(ServiceRequestValidation, NamesTheFieldOfEachMistake) {
    EXPECT_EQ(refusal(validate_service_request(calibration_request())), "");
    auto r = calibration_request();
    r.subject = "  ";
    EXPECT_EQ(refusal(validate_service_request(r)), "subject: must not be empty");
    r = calibration_request();
    r.instruments.clear();
    EXPECT_EQ(refusal(validate_service_request(r)),
              "instruments: a calibration request lists at least one instrument");
    r = calibration_request();
    r.instruments.push_back(InstrumentId{3});
    EXPECT_EQ(refusal(validate_service_request(r)), "instruments: an instrument is listed twice");
    r = calibration_request();
    r.kind = ServiceKind::equipment_loan;
    r.instruments.clear();
    EXPECT_EQ(refusal(validate_service_request(r)),
              "equipment: a loan request names the equipment wanted");
    r.equipment = EquipmentId{7};
    EXPECT_EQ(refusal(validate_service_request(r)), "");
    r = calibration_request();
    r.kind = ServiceKind::technical_advice;
    r.instruments.clear();
    EXPECT_EQ(refusal(validate_service_request(r)), "details: say what advice is wanted");
}

TEST(ServiceActivityValidation, CountsAreAtLeastTheNamesGiven) {
    EXPECT_EQ(refusal(validate_service_activity(training())), "");
    auto a = training();
    a.attendee_count = 1;
    EXPECT_EQ(refusal(validate_service_activity(a)),
              "attendee_count: must be at least the number of attendees named (2)");
    a = training();
    a.problems_solved = -1;
    a.problem_descriptions.clear();
    EXPECT_EQ(refusal(validate_service_activity(a)),
              "problems_solved: must be at least the number of problems described (0)");
    a = training();
    a.enterprises = {EnterpriseId{1}, EnterpriseId{1}};
    EXPECT_EQ(refusal(validate_service_activity(a)), "enterprises: an enterprise is listed twice");
    a = training();
    a.enterprises.clear();
    EXPECT_EQ(refusal(validate_service_activity(a)), "enterprises: at least one enterprise");
    a = training();
    a.region = "";
    EXPECT_EQ(refusal(validate_service_activity(a)), "region: must not be empty");
    a = training();
    a.held_on = Date{std::chrono::year{2021}, std::chrono::month{2}, std::chrono::day{30}};
    EXPECT_EQ(refusal(validate_service_activity(a)), "held_on: not a calendar day");
}

} // namespace
} // namespace callab::lab
