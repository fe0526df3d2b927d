#pragma once

#include <callab/lab/certificate_assembler.hpp>

#include <filesystem>

namespace callab::app {

/// What the lab states on the certificates `callab serve` issues: the `[laboratory]` table
/// of the TOML file (when one is named) over built-in defaults. Keys: name_zh, name_en,
/// address_zh, address_en, city, country_code, accreditation, phone, email, place_zh,
/// place_en, traceability_zh, traceability_en, and a table `[laboratory.method_titles]`
/// mapping a method reference to `{zh = "…", en = "…"}`. Throws CommandFailure (usage)
/// naming the file and key on a bad value.
lab::LaboratoryIdentity laboratory_identity(const std::filesystem::path& config_file);

} // namespace callab::app
