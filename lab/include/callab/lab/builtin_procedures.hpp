#pragma once

#include <callab/lab/certificate_content.hpp>
#include <callab/lab/standard_store.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace callab::lab {

/// The procedures callab ships, as data: IR forehead and ear thermometers against a
/// blackbody, an industrial radiation thermometer, a power analyser against a power source
/// (voltage, current, active power at power factors 1, 0.5 lagging, 0.5 leading) and a
/// Modbus energy meter. Each carries its test points, readings per point, stabilisation
/// criterion, Type B inputs, MPE and decision rule. docs/runs.md lists them.
std::vector<NewProcedure> builtin_procedures();

/// The titles (Chinese, English) of the methods the built-in procedures cite, by reference,
/// for the certificate's method statement; those of JJF 1107-2003 (IR thermometers) and
/// JJF 1491-2014 (power analysers). A laboratory's configuration may add others.
std::map<std::string, BilingualText> builtin_method_titles();

/// Stores each built-in procedure as a new version unless its latest stored version is the
/// same; returns the procedures as stored (their latest versions).
std::vector<Procedure> seed_builtin_procedures(StandardStore& store, std::string_view actor);

} // namespace callab::lab
