#include "sql_support.hpp"

#include <callab/db/sql_service_activity_store.hpp>

namespace callab::db {
namespace {

constexpr const char* activity_columns =
    "id, kind, held_on, region, topic, attendee_count, problems_solved, recorded_by";

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : "; ") + item;
    }
    return out;
}

lab::ServiceActivity activity_from(const soci::row& row) {
    lab::ServiceActivity a;
    a.id = lab::ServiceActivityId{column_int64(row, "id")};
    a.data.kind = lab::parse_enum(column_text(row, "kind"), lab::activity_kind_names)
                      .value_or(lab::ActivityKind::consultation);
    a.data.held_on = lab::parse_date(column_text(row, "held_on")).value_or(lab::Date{});
    a.data.region = column_text(row, "region");
    a.data.topic = column_text(row, "topic");
    a.data.attendee_count = static_cast<int>(column_int64(row, "attendee_count"));
    a.data.problems_solved = static_cast<int>(column_int64(row, "problems_solved"));
    a.recorded_by = column_text(row, "recorded_by");
    return a;
}

void load_lists(soci::session& sql, lab::ServiceActivity& a) {
    const long long key = a.id.value();
    soci::rowset<soci::row> enterprises =
        (sql.prepare << "SELECT enterprise_id FROM service_activity_enterprise WHERE "
                        "activity_id = :a ORDER BY enterprise_id",
         soci::use(key));
    for (const auto& row : enterprises) {
        a.data.enterprises.emplace_back(column_int64(row, "enterprise_id"));
    }
    soci::rowset<soci::row> items =
        (sql.prepare << "SELECT item_kind, item_text FROM service_activity_item WHERE "
                        "activity_id = :a ORDER BY item_kind, item_position",
         soci::use(key));
    for (const auto& row : items) {
        auto& list = column_text(row, "item_kind") == "attendee" ? a.data.attendees
                                                                 : a.data.problem_descriptions;
        list.push_back(column_text(row, "item_text"));
    }
}

std::optional<lab::ServiceActivity> read_activity(soci::session& sql, long long key) {
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT " << activity_columns << " FROM service_activity WHERE id = :id",
         soci::use(key));
    for (const auto& row : rows) {
        auto activity = activity_from(row);
        load_lists(sql, activity);
        return std::optional<lab::ServiceActivity>{std::move(activity)};
    }
    return std::nullopt;
}

void insert_items(soci::session& sql, long long activity, const char* kind,
                  const std::vector<std::string>& items) {
    const std::string kind_text(kind);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const int position = static_cast<int>(i) + 1;
        sql << "INSERT INTO service_activity_item (activity_id, item_kind, item_position, "
               "item_text) VALUES (:a, :k, :p, :t)",
            soci::use(activity), soci::use(kind_text), soci::use(position), soci::use(items[i]);
    }
}

std::string where_clause(const lab::ServiceActivityFilter& filter) {
    // Only dates, integers and names from the enum table are written into the text.
    std::string where = " WHERE 1 = 1";
    if (filter.from) {
        where += " AND held_on >= '" + lab::format_date(*filter.from) + "'";
    }
    if (filter.to) {
        where += " AND held_on <= '" + lab::format_date(*filter.to) + "'";
    }
    if (filter.kind) {
        where += " AND kind = '" +
                 std::string(lab::enum_name(*filter.kind, lab::activity_kind_names)) + "'";
    }
    if (filter.enterprise) {
        where += " AND id IN (SELECT activity_id FROM service_activity_enterprise WHERE "
                 "enterprise_id = " +
                 filter.enterprise->to_string() + ")";
    }
    return where;
}

} // namespace

lab::Outcome<lab::ServiceActivity>
SqlServiceActivityStore::add_activity(const lab::NewServiceActivity& activity,
                                      std::string_view actor) {
    if (auto valid = lab::validate_service_activity(activity); !valid) {
        return valid.error();
    }
    using Result = lab::Outcome<lab::ServiceActivity>;
    return with_session(
        database_, "cannot add service activity", [&](soci::session& sql) -> Result {
            WriteTransaction tx(sql, database_.backend());
            for (const auto enterprise : activity.enterprises) {
                long long found = 0;
                const long long key = enterprise.value();
                sql << "SELECT COUNT(*) FROM enterprise WHERE id = :id", soci::use(key),
                    soci::into(found);
                if (found == 0) {
                    return lab::reject(lab::errc::not_found,
                                       "enterprises: " + enterprise.to_string() +
                                           " does not exist");
                }
            }
            const std::string kind(lab::enum_name(activity.kind, lab::activity_kind_names));
            const std::string held_on = lab::format_date(activity.held_on);
            const std::string recorder(actor);
            long long id = 0;
            sql << "INSERT INTO service_activity (kind, held_on, region, topic, attendee_count, "
                   "problems_solved, recorded_by) VALUES (:k, :d, :r, :t, :a, :p, :by) RETURNING "
                   "id",
                soci::use(kind), soci::use(held_on), soci::use(activity.region),
                soci::use(activity.topic), soci::use(activity.attendee_count),
                soci::use(activity.problems_solved), soci::use(recorder), soci::into(id);
            std::string enterprise_ids;
            for (const auto enterprise : activity.enterprises) {
                const long long key = enterprise.value();
                sql << "INSERT INTO service_activity_enterprise (activity_id, enterprise_id) "
                       "VALUES "
                       "(:a, :e)",
                    soci::use(id), soci::use(key);
                enterprise_ids += (enterprise_ids.empty() ? "" : ",") + enterprise.to_string();
            }
            insert_items(sql, id, "attendee", activity.attendees);
            insert_items(sql, id, "problem", activity.problem_descriptions);
            append_audit(
                sql, actor, "service_activity", std::to_string(id), "create", "",
                audit_fields({{"kind", kind},
                              {"held_on", held_on},
                              {"region", activity.region},
                              {"topic", activity.topic},
                              {"enterprises", enterprise_ids},
                              {"attendee_count", std::to_string(activity.attendee_count)},
                              {"attendees", joined(activity.attendees)},
                              {"problems_solved", std::to_string(activity.problems_solved)},
                              {"problem_descriptions", joined(activity.problem_descriptions)}}));
            tx.commit();
            return *read_activity(sql, id);
        });
}

std::optional<lab::ServiceActivity>
SqlServiceActivityStore::find_activity(lab::ServiceActivityId id) {
    return with_session(database_, "cannot read service activity",
                        [&](soci::session& sql) { return read_activity(sql, id.value()); });
}

lab::ServiceActivityPage
SqlServiceActivityStore::list_activities(const lab::ServiceActivityFilter& filter) {
    return with_session(database_, "cannot list service activities", [&](soci::session& sql) {
        lab::ServiceActivityPage page;
        const auto where = where_clause(filter);
        sql << "SELECT COUNT(*) FROM service_activity" << where, soci::into(page.total);
        const long long limit = std::max(filter.per_page, 1);
        const long long offset =
            static_cast<long long>(std::max(filter.page, 1) - 1) * std::max(filter.per_page, 1);
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << activity_columns << " FROM service_activity" << where
                         << " ORDER BY held_on DESC, id DESC LIMIT :limit OFFSET :offset",
             soci::use(limit), soci::use(offset));
        for (const auto& row : rows) {
            page.items.push_back(activity_from(row));
        }
        for (auto& activity : page.items) {
            load_lists(sql, activity);
        }
        return page;
    });
}

} // namespace callab::db
