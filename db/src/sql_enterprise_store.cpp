#include "sql_support.hpp"

#include <callab/db/sql_enterprise_store.hpp>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace callab::db {
namespace {

constexpr const char* enterprise_columns =
    "id, name, credit_code, region, industry, size_class, contacts";
constexpr const char* instrument_columns = "id, kind, maker, model, serial, range_low, "
                                           "range_high, unit, resolution, owner_id, regime";

lab::Enterprise enterprise_from(const soci::row& row) {
    lab::Enterprise e;
    e.id = lab::EnterpriseId{column_int64(row, "id")};
    e.data.name = column_text(row, "name");
    e.data.credit_code = column_text(row, "credit_code");
    e.data.region = column_text(row, "region");
    e.data.industry = column_text(row, "industry");
    e.data.size = lab::parse_enum(column_text(row, "size_class"), lab::size_class_names)
                      .value_or(lab::SizeClass::small);
    e.data.contacts = column_text(row, "contacts");
    return e;
}

lab::Instrument instrument_from(const soci::row& row) {
    lab::Instrument i;
    i.id = lab::InstrumentId{column_int64(row, "id")};
    i.data.kind = lab::parse_enum(column_text(row, "kind"), lab::instrument_kind_names)
                      .value_or(lab::InstrumentKind::other);
    i.data.maker = column_text(row, "maker");
    i.data.model = column_text(row, "model");
    i.data.serial = column_text(row, "serial");
    i.data.range_low = column_double(row, "range_low");
    i.data.range_high = column_double(row, "range_high");
    i.data.unit = column_text(row, "unit");
    i.data.resolution = column_double(row, "resolution");
    i.data.owner = lab::EnterpriseId{column_int64(row, "owner_id")};
    i.data.regime = lab::parse_enum(column_text(row, "regime"), lab::metrology_regime_names)
                        .value_or(lab::MetrologyRegime::calibration);
    return i;
}

/// `text` with LIKE's wildcards and the escape character escaped by '\\'.
std::string like_prefix(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + '%';
}

} // namespace

lab::Outcome<std::vector<lab::Enterprise>>
SqlEnterpriseStore::add_enterprises(std::span<const lab::NewEnterprise> batch,
                                    std::string_view actor) {
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (auto valid = lab::validate_enterprise(batch[i]); !valid) {
            return lab::reject(valid.error().code,
                               "enterprise " + std::to_string(i + 1) + ": " + valid.error().message,
                               i + 1);
        }
    }
    using Result = lab::Outcome<std::vector<lab::Enterprise>>;
    return with_session(database_, "cannot add enterprises", [&](soci::session& sql) -> Result {
        WriteTransaction tx(sql, database_.backend());
        std::vector<lab::Enterprise> stored;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto& e = batch[i];
            long long existing = 0;
            soci::indicator found = soci::i_null;
            sql << "SELECT id FROM enterprise WHERE credit_code = :c", soci::use(e.credit_code),
                soci::into(existing, found);
            if (sql.got_data()) {
                return lab::reject(
                    lab::errc::conflict,
                    "enterprise " + std::to_string(i + 1) + ": credit_code: " + e.credit_code +
                        " is already registered (enterprise " + std::to_string(existing) + ")",
                    i + 1);
            }
            const std::string size(lab::enum_name(e.size, lab::size_class_names));
            long long id = 0;
            sql << "INSERT INTO enterprise (name, credit_code, region, industry, size_class, "
                   "contacts) VALUES (:n, :c, :r, :i, :s, :ct) RETURNING id",
                soci::use(e.name), soci::use(e.credit_code), soci::use(e.region),
                soci::use(e.industry), soci::use(size), soci::use(e.contacts), soci::into(id);
            stored.push_back({lab::EnterpriseId{id}, e});
            append_audit(sql, actor, "enterprise", std::to_string(id), "create", "",
                         audit_fields({{"name", e.name},
                                       {"credit_code", e.credit_code},
                                       {"region", e.region},
                                       {"industry", e.industry},
                                       {"size", size},
                                       {"contacts", e.contacts}}));
            report_progress(stored.size(), batch.size());
        }
        tx.commit();
        return stored;
    });
}

std::optional<lab::Enterprise> SqlEnterpriseStore::find_enterprise(lab::EnterpriseId id) {
    return with_session(database_, "cannot read enterprise", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << enterprise_columns << " FROM enterprise WHERE id = :id",
             soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::Enterprise>{enterprise_from(row)};
        }
        return std::optional<lab::Enterprise>{};
    });
}

std::vector<lab::Enterprise> SqlEnterpriseStore::list_enterprises() {
    return with_session(database_, "cannot list enterprises", [&](soci::session& sql) {
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << enterprise_columns << " FROM enterprise ORDER BY id");
        std::vector<lab::Enterprise> out;
        for (const auto& row : rows) {
            out.push_back(enterprise_from(row));
        }
        return out;
    });
}

lab::Outcome<std::vector<lab::Instrument>>
SqlEnterpriseStore::add_instruments(std::span<const lab::NewInstrument> batch,
                                    std::string_view actor) {
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (auto valid = lab::validate_instrument(batch[i]); !valid) {
            return lab::reject(valid.error().code,
                               "instrument " + std::to_string(i + 1) + ": " + valid.error().message,
                               i + 1);
        }
    }
    using Result = lab::Outcome<std::vector<lab::Instrument>>;
    return with_session(database_, "cannot add instruments", [&](soci::session& sql) -> Result {
        WriteTransaction tx(sql, database_.backend());
        std::vector<lab::Instrument> stored;
        stored.reserve(batch.size());
        for (std::size_t i = 0; i < batch.size(); ++i) {
            const auto& in = batch[i];
            const long long owner = in.owner.value();
            int exists = 0;
            sql << "SELECT COUNT(*) FROM enterprise WHERE id = :id", soci::use(owner),
                soci::into(exists);
            if (exists == 0) {
                return lab::reject(lab::errc::not_found,
                                   "instrument " + std::to_string(i + 1) + ": owner: enterprise " +
                                       in.owner.to_string() + " does not exist",
                                   i + 1);
            }
            const std::string kind(lab::enum_name(in.kind, lab::instrument_kind_names));
            const std::string regime(lab::enum_name(in.regime, lab::metrology_regime_names));
            long long id = 0;
            sql << "INSERT INTO instrument (kind, maker, model, serial, range_low, range_high, "
                   "unit, resolution, owner_id, regime) VALUES (:k, :mk, :md, :s, :lo, :hi, :u, "
                   ":res, :o, :rg) RETURNING id",
                soci::use(kind), soci::use(in.maker), soci::use(in.model), soci::use(in.serial),
                soci::use(in.range_low), soci::use(in.range_high), soci::use(in.unit),
                soci::use(in.resolution), soci::use(owner), soci::use(regime), soci::into(id);
            stored.push_back({lab::InstrumentId{id}, in});
            append_audit(sql, actor, "instrument", std::to_string(id), "create", "",
                         audit_fields({{"kind", kind},
                                       {"maker", in.maker},
                                       {"model", in.model},
                                       {"serial", in.serial},
                                       {"range", exact_number(in.range_low) + ".." +
                                                     exact_number(in.range_high)},
                                       {"unit", in.unit},
                                       {"resolution", exact_number(in.resolution)},
                                       {"owner", in.owner.to_string()},
                                       {"regime", regime}}));
            report_progress(stored.size(), batch.size());
        }
        tx.commit();
        return stored;
    });
}

std::optional<lab::Instrument> SqlEnterpriseStore::find_instrument(lab::InstrumentId id) {
    return with_session(database_, "cannot read instrument", [&](soci::session& sql) {
        const long long key = id.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << instrument_columns << " FROM instrument WHERE id = :id",
             soci::use(key));
        for (const auto& row : rows) {
            return std::optional<lab::Instrument>{instrument_from(row)};
        }
        return std::optional<lab::Instrument>{};
    });
}

std::vector<lab::Instrument> SqlEnterpriseStore::instruments_of(lab::EnterpriseId owner) {
    return with_session(database_, "cannot list instruments", [&](soci::session& sql) {
        const long long key = owner.value();
        soci::rowset<soci::row> rows =
            (sql.prepare << "SELECT " << instrument_columns
                         << " FROM instrument WHERE owner_id = :o ORDER BY id",
             soci::use(key));
        std::vector<lab::Instrument> out;
        for (const auto& row : rows) {
            out.push_back(instrument_from(row));
        }
        return out;
    });
}

void SqlEnterpriseStore::report_progress(std::size_t done, std::size_t total) const {
    if (progress_ && (done % 500 == 0 || done == total)) {
        progress_(done, total);
    }
}

lab::InstrumentPage SqlEnterpriseStore::list_instruments(const lab::InstrumentFilter& filter,
                                                         std::int64_t offset, std::int64_t limit) {
    return with_session(database_, "cannot list instruments", [&](soci::session& sql) {
        // Only the filters asked for are in the WHERE clause, so that counting every
        // instrument stays an index count; every value is bound.
        const long long owner = filter.owner ? filter.owner->value() : 0;
        const std::string kind(
            filter.kind ? lab::enum_name(*filter.kind, lab::instrument_kind_names) : "");
        const std::string serial = like_prefix(filter.serial_prefix);
        std::string where;
        auto add = [&where](const char* condition) {
            where += where.empty() ? " WHERE " : " AND ";
            where += condition;
        };
        if (!filter.serial_prefix.empty()) {
            add("serial LIKE :s ESCAPE '\\'");
        }
        if (filter.owner) {
            add("owner_id = :o");
        }
        if (filter.kind) {
            add("kind = :k");
        }
        auto bind = [&](auto&& prepared) -> decltype(auto) {
            if (!filter.serial_prefix.empty()) {
                prepared, soci::use(serial);
            }
            if (filter.owner) {
                prepared, soci::use(owner);
            }
            if (filter.kind) {
                prepared, soci::use(kind);
            }
            return prepared;
        };
        lab::InstrumentPage page;
        {
            long long total = 0;
            auto prepared = (sql.prepare << "SELECT COUNT(*) FROM instrument" << where);
            bind(prepared), soci::into(total);
            soci::statement count(prepared);
            count.execute(true);
            page.total = total;
        }
        if (page.total <= offset || limit <= 0) {
            return page;
        }
        // Each row is fetched into typed values: dynamic soci::row values (a lookup by column
        // name and a type switch per field) cost more than the query itself on a page of 50.
        // Not a bulk fetch into vectors: SQLite's backend then drops the bound filter values
        // and the page comes back empty.
        long long id = 0;
        long long owner_id = 0;
        std::string kind_name;
        std::string maker;
        std::string model;
        std::string serial_number;
        std::string unit;
        std::string regime;
        double low = 0.0;
        double high = 0.0;
        double resolution = 0.0;
        auto prepared =
            (sql.prepare << "SELECT " << instrument_columns << " FROM instrument" << where
                         << " ORDER BY id LIMIT " << limit << " OFFSET " << offset);
        bind(prepared), soci::into(id), soci::into(kind_name), soci::into(maker), soci::into(model),
            soci::into(serial_number), soci::into(low), soci::into(high), soci::into(unit),
            soci::into(resolution), soci::into(owner_id), soci::into(regime);
        soci::statement select(prepared);
        page.items.reserve(static_cast<std::size_t>(std::min<std::int64_t>(limit, page.total)));
        for (bool got = select.execute(true); got; got = select.fetch()) {
            lab::Instrument i;
            i.id = lab::InstrumentId{id};
            i.data.kind = lab::parse_enum(kind_name, lab::instrument_kind_names)
                              .value_or(lab::InstrumentKind::other);
            i.data.maker = std::move(maker);
            i.data.model = std::move(model);
            i.data.serial = std::move(serial_number);
            i.data.range_low = low;
            i.data.range_high = high;
            i.data.unit = std::move(unit);
            i.data.resolution = resolution;
            i.data.owner = lab::EnterpriseId{owner_id};
            i.data.regime = lab::parse_enum(regime, lab::metrology_regime_names)
                                .value_or(lab::MetrologyRegime::calibration);
            page.items.push_back(std::move(i));
        }
        return page;
    });
}

} // namespace callab::db
