#pragma once

#include <callab/lab/enterprise.hpp>
#include <callab/lab/instrument.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace callab::lab {

/// Which instruments a listing keeps; an unset filter keeps every instrument.
struct InstrumentFilter {
    std::optional<EnterpriseId> owner;
    std::optional<InstrumentKind> kind;
    std::string serial_prefix; ///< the serial starts with this text; empty keeps every serial
};

/// One page of instruments in id order and how many the filter keeps in all.
struct InstrumentPage {
    std::vector<Instrument> items;
    std::int64_t total = 0;
};

/// Customer enterprises and their instruments. Adding several is all or nothing. Mutations
/// are audited under `actor`; storage failures throw.
class EnterpriseStore {
public:
    virtual ~EnterpriseStore() = default;

    /// errc::conflict naming the credit code when it is already registered (then nothing
    /// of the batch is stored).
    virtual Outcome<std::vector<Enterprise>> add_enterprises(std::span<const NewEnterprise> batch,
                                                             std::string_view actor) = 0;
    virtual std::optional<Enterprise> find_enterprise(EnterpriseId id) = 0;
    virtual std::vector<Enterprise> list_enterprises() = 0;

    /// errc::not_found naming the owner when an owner enterprise does not exist.
    virtual Outcome<std::vector<Instrument>> add_instruments(std::span<const NewInstrument> batch,
                                                             std::string_view actor) = 0;
    virtual std::optional<Instrument> find_instrument(InstrumentId id) = 0;
    virtual std::vector<Instrument> instruments_of(EnterpriseId owner) = 0;
    /// At most `limit` instruments the filter keeps, skipping the first `offset`, paged by
    /// the database.
    virtual InstrumentPage list_instruments(const InstrumentFilter& filter, std::int64_t offset,
                                            std::int64_t limit) = 0;
};

} // namespace callab::lab
