// The Equipment schema, read and written with the same member names.
#include "equipment_routes.hpp"

#include <algorithm>
#include <array>

namespace callab::web {
namespace http = boost::beast::http;
namespace {

constexpr std::array<const char*, 7> day_keys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

nlohmann::json optional_id(const auto& id) {
    return id ? nlohmann::json(id->value()) : nlohmann::json(nullptr);
}

BodyProblem invalid(const std::string& field, const std::string& what) {
    return {http::status::unprocessable_entity, "invalid_field", field + ": " + what, field};
}

BodyResult<unsigned> weekdays_from(const nlohmann::json& days) {
    if (!days.is_array() || days.empty()) {
        return invalid("bookable_days", "must be a non-empty array of mon … sun");
    }
    unsigned mask = 0;
    for (const auto& day : days) {
        const auto* found =
            day.is_string() ? std::find(day_keys.begin(), day_keys.end(), day.get<std::string>())
                            : day_keys.end();
        if (found == day_keys.end()) {
            return invalid("bookable_days", "must name days as mon, tue, wed, thu, fri, sat, sun");
        }
        mask |= 1U << static_cast<unsigned>(found - day_keys.begin());
    }
    return mask;
}

BodyResult<int> minutes_from(const nlohmann::json& body, const char* name) {
    const auto& value = body[name];
    const int minutes = value.is_string() ? lab::parse_time_of_day(value.get<std::string>()) : -1;
    if (minutes < 0) {
        return invalid(name, "must be a time of day written HH:MM");
    }
    return minutes;
}

} // namespace

nlohmann::json equipment_to_json(const lab::Equipment& equipment) {
    const auto& hours = equipment.data.hours;
    auto days = nlohmann::json::array();
    for (unsigned i = 0; i < 7; ++i) {
        if ((hours.weekdays >> i & 1U) != 0) {
            days.push_back(day_keys[i]);
        }
    }
    return {{"id", equipment.id.value()},
            {"name", equipment.data.name},
            {"standard_id", optional_id(equipment.data.standard)},
            {"approval_required", equipment.data.approval_required},
            {"service_buffer_minutes", equipment.data.service_buffer_minutes},
            {"bookable_days", days},
            {"bookable_from", lab::format_time_of_day(hours.from_minute)},
            {"bookable_to", lab::format_time_of_day(hours.to_minute)},
            {"utc_offset_minutes", hours.utc_offset_minutes}};
}

BodyResult<lab::NewEquipment> equipment_from_json(const nlohmann::json& body,
                                                  lab::NewEquipment equipment) {
    if (const auto it = body.find("name"); it != body.end()) {
        if (!it->is_string() || it->get<std::string>().empty()) {
            return invalid("name", "must be a non-empty string");
        }
        equipment.name = it->get<std::string>();
    }
    if (const auto it = body.find("standard_id"); it != body.end()) {
        if (it->is_null()) {
            equipment.standard.reset();
        } else if (it->is_number_integer() && it->get<std::int64_t>() > 0) {
            equipment.standard = lab::StandardId{it->get<std::int64_t>()};
        } else {
            return invalid("standard_id", "must be a positive integer or null");
        }
    }
    if (const auto it = body.find("approval_required"); it != body.end()) {
        if (!it->is_boolean()) {
            return invalid("approval_required", "must be a boolean");
        }
        equipment.approval_required = it->get<bool>();
    }
    if (const auto it = body.find("service_buffer_minutes"); it != body.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
            it->get<std::int64_t>() > 7 * 24 * 60) {
            return invalid("service_buffer_minutes", "must be an integer from 0 to 10080");
        }
        equipment.service_buffer_minutes = it->get<int>();
    }
    if (const auto it = body.find("bookable_days"); it != body.end()) {
        auto days = weekdays_from(*it);
        if (!days) {
            return days.error();
        }
        equipment.hours.weekdays = *days;
    }
    for (const auto* name : {"bookable_from", "bookable_to"}) {
        if (body.contains(name)) {
            auto minutes = minutes_from(body, name);
            if (!minutes) {
                return minutes.error();
            }
            (name[9] == 'f' ? equipment.hours.from_minute : equipment.hours.to_minute) = *minutes;
        }
    }
    if (const auto it = body.find("utc_offset_minutes"); it != body.end()) {
        if (!it->is_number_integer()) {
            return invalid("utc_offset_minutes", "must be an integer");
        }
        equipment.hours.utc_offset_minutes = it->get<int>();
    }
    if (auto sound = lab::check_bookable_hours(equipment.hours); !sound) {
        const auto& message = sound.error().message;
        return BodyProblem{http::status::unprocessable_entity, "invalid_field", message,
                           message.substr(0, message.find(':'))};
    }
    return equipment;
}

} // namespace callab::web
