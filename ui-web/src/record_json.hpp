#pragma once
// Enterprises and instruments as JSON, read and written with the same field names.

#include "json_body.hpp"
#include "json_writer.hpp"

#include <callab/lab/enterprise.hpp>
#include <callab/lab/instrument.hpp>

namespace callab::web {

/// `{"id", "name", "credit_code", "region", "industry", "size", "contacts"}`.
nlohmann::json enterprise_to_json(const lab::Enterprise& enterprise);
/// The writable fields of an enterprise; `size` may be absent (small).
BodyResult<lab::NewEnterprise> enterprise_from_json(const nlohmann::json& body);

/// `{"id", "kind", "maker", "model", "serial", "range_low", "range_high", "unit",
/// "resolution", "enterprise_id", "regime"}`.
nlohmann::json instrument_to_json(const lab::Instrument& instrument);
/// instrument_to_json's text written directly (the same bytes as its dump).
void write_instrument(JsonWriter& out, const lab::Instrument& instrument);
/// The writable fields of an instrument; `regime` may be absent (calibration).
BodyResult<lab::NewInstrument> instrument_from_json(const nlohmann::json& body);

} // namespace callab::web
