#include "sql_support.hpp"

#include <callab/db/sql_programme_store.hpp>

#include <sstream>

namespace callab::db {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        text += (text.empty() ? "" : ";") + item;
    }
    return text;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ';')) {
        if (!item.empty()) {
            items.push_back(item);
        }
    }
    return items;
}

constexpr const char* programme_columns =
    "id, name, starts_on, ends_on, eligible_sizes, eligible_regions, budget_cents";

lab::Programme programme_from(const soci::row& row) {
    lab::Programme p{lab::ProgrammeId{column_int64(row, "id")}, {}};
    p.data.name = column_text(row, "name");
    p.data.starts_on = lab::parse_date(column_text(row, "starts_on")).value_or(lab::Date{});
    p.data.ends_on = lab::parse_date(column_text(row, "ends_on")).value_or(lab::Date{});
    for (const auto& size : split(column_text(row, "eligible_sizes"))) {
        if (const auto parsed = lab::parse_enum(size, lab::size_class_names)) {
            p.data.eligible_sizes.push_back(*parsed);
        }
    }
    p.data.eligible_regions = split(column_text(row, "eligible_regions"));
    p.data.budget_cents = column_int64(row, "budget_cents");
    return p;
}

} // namespace

lab::Outcome<lab::Programme> SqlProgrammeStore::add_programme(const lab::NewProgramme& programme,
                                                              std::string_view actor) {
    if (auto valid = lab::validate_programme(programme); !valid) {
        return valid.error();
    }
    return with_session(database_, "cannot add programme", [&](soci::session& sql) {
        std::vector<std::string> sizes;
        for (const auto size : programme.eligible_sizes) {
            sizes.emplace_back(lab::enum_name(size, lab::size_class_names));
        }
        const std::string size_text = joined(sizes);
        const std::string region_text = joined(programme.eligible_regions);
        const std::string starts = lab::format_date(programme.starts_on);
        const std::string ends = lab::format_date(programme.ends_on);
        WriteTransaction tx(sql, database_.backend());
        long long id = 0;
        sql << "INSERT INTO programme (name, starts_on, ends_on, eligible_sizes, "
               "eligible_regions, budget_cents) VALUES (:n, :s, :e, :sz, :r, :b) RETURNING id",
            soci::use(programme.name), soci::use(starts), soci::use(ends), soci::use(size_text),
            soci::use(region_text), soci::use(programme.budget_cents), soci::into(id);
        append_audit(sql, actor, "programme", std::to_string(id), "create", "",
                     audit_fields({{"name", programme.name},
                                   {"period", starts + ".." + ends},
                                   {"eligible_sizes", size_text},
                                   {"eligible_regions", region_text},
                                   {"budget_cents", std::to_string(programme.budget_cents)}}));
        tx.commit();
        return lab::Outcome<lab::Programme>{lab::Programme{lab::ProgrammeId{id}, programme}};
    });
}

std::optional<lab::Programme> SqlProgrammeStore::find_programme(lab::ProgrammeId id) {
    return with_session(database_, "cannot read programme", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << programme_columns << " FROM programme WHERE id = :id",
             soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::Programme>{programme_from(row)};
        }
        return std::optional<lab::Programme>{};
    });
}

std::vector<lab::Programme> SqlProgrammeStore::programmes() {
    return with_session(database_, "cannot read programmes", [&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << programme_columns << " FROM programme ORDER BY id");
        std::vector<lab::Programme> out;
        for (const auto& row : rows) {
            out.push_back(programme_from(row));
        }
        return out;
    });
}

long long SqlProgrammeStore::fees_waived_cents(lab::ProgrammeId id) {
    return with_session(database_, "cannot read programme fees", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT SUM(fee_cents) AS waived FROM job WHERE programme_id = :p "
                            "AND status <> 'cancelled'",
             soci::use(key));
        for (const auto& row : rows) {
            return column_optional_int64(row, "waived").value_or(0);
        }
        return 0LL;
    });
}

} // namespace callab::db
