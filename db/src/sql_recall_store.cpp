#include "sql_support.hpp"

#include <callab/db/sql_recall_store.hpp>

namespace callab::db {

lab::Outcome<std::vector<lab::RecallSchedule>>
SqlRecallStore::add_schedules(std::span<const lab::RecallSchedule> schedules,
                              std::string_view actor) {
    for (std::size_t i = 0; i < schedules.size(); ++i) {
        if (auto valid = lab::validate_recall_schedule(schedules[i]); !valid) {
            return lab::reject(valid.error().code,
                               "schedule " + std::to_string(i + 1) + ": " + valid.error().message,
                               i + 1);
        }
    }
    using Result = lab::Outcome<std::vector<lab::RecallSchedule>>;
    return with_session(database_, "cannot add recall schedules", [&](soci::session& sql) {
        WriteTransaction tx(sql, database_.backend());
        std::vector<lab::RecallSchedule> stored;
        stored.reserve(schedules.size());
        for (const auto& schedule : schedules) {
            const std::string item(lab::enum_name(schedule.item, lab::recall_item_names));
            const std::string kind(lab::enum_name(schedule.kind, lab::recall_kind_names));
            const std::string due = lab::format_date(schedule.due_on);
            const long long item_id = schedule.item_id;
            long long id = 0;
            auto responsible = OptionalKey::of(schedule.responsible);
            sql << "INSERT INTO recall_schedule (item_kind, item_id, kind, due_on, "
                   "interval_days, lead_days, responsible_user_id) "
                   "VALUES (:i, :iid, :k, :d, :n, :l, :r) RETURNING id",
                soci::use(item), soci::use(item_id), soci::use(kind), soci::use(due),
                soci::use(schedule.interval_days), soci::use(schedule.lead_days),
                soci::use(responsible.value, responsible.indicator), soci::into(id);
            stored.push_back(schedule);
            stored.back().id = lab::RecallScheduleId{id};
            append_audit(sql, actor, "recall_schedule", std::to_string(id), "create", "",
                         audit_fields({{"item", item + " " + std::to_string(item_id)},
                                       {"kind", kind},
                                       {"due_on", due},
                                       {"interval_days", std::to_string(schedule.interval_days)},
                                       {"lead_days", std::to_string(schedule.lead_days)},
                                       {"responsible", schedule.responsible
                                                           ? schedule.responsible->to_string()
                                                           : std::string()}}));
        }
        tx.commit();
        return Result{std::move(stored)};
    });
}

std::vector<lab::RecallSchedule> SqlRecallStore::due_list(lab::Date today, int within_days) {
    return with_session(database_, "cannot read the due list", [&](soci::session& sql) {
        const std::string until = lab::format_date(
            lab::Date{std::chrono::sys_days{today} + std::chrono::days{within_days}});
        constexpr std::size_t batch = 2000;
        std::vector<long long> ids(batch);
        std::vector<std::string> items(batch);
        std::vector<long long> item_ids(batch);
        std::vector<std::string> kinds(batch);
        std::vector<std::string> dues(batch);
        std::vector<int> intervals(batch);
        std::vector<int> leads(batch);
        std::vector<long long> responsible(batch);
        std::vector<soci::indicator> responsible_set(batch);
        soci::statement select =
            (sql.prepare << "SELECT id, item_kind, item_id, kind, due_on, interval_days, "
                            "lead_days, responsible_user_id FROM recall_schedule "
                            "WHERE due_on <= :until ORDER BY due_on, id",
             soci::use(until), soci::into(ids), soci::into(items), soci::into(item_ids),
             soci::into(kinds), soci::into(dues), soci::into(intervals), soci::into(leads),
             soci::into(responsible, responsible_set));
        std::vector<lab::RecallSchedule> out;
        select.execute();
        while (select.fetch()) {
            for (std::size_t i = 0; i < ids.size(); ++i) {
                out.push_back(
                    {lab::RecallScheduleId{ids[i]},
                     lab::parse_enum(items[i], lab::recall_item_names)
                         .value_or(lab::RecallItem::instrument),
                     item_ids[i],
                     lab::parse_enum(kinds[i], lab::recall_kind_names)
                         .value_or(lab::RecallKind::calibration),
                     lab::parse_date(dues[i]).value_or(lab::Date{}), intervals[i], leads[i],
                     responsible_set[i] == soci::i_ok ? std::optional{lab::UserId{responsible[i]}}
                                                      : std::nullopt});
            }
            ids.resize(batch);
            items.resize(batch);
            item_ids.resize(batch);
            kinds.resize(batch);
            dues.resize(batch);
            intervals.resize(batch);
            leads.resize(batch);
            responsible.resize(batch);
            responsible_set.resize(batch);
        }
        return out;
    });
}

} // namespace callab::db
