#include "laboratory_config.hpp"

#include "command_failure.hpp"

#include <callab/lab/builtin_procedures.hpp>

#include <toml++/toml.h>

#include <map>

namespace callab::app {
namespace {

lab::LaboratoryIdentity default_identity() {
    lab::LaboratoryIdentity identity;
    identity.laboratory = {{"计量实验室", "Calibration laboratory"},
                           {"实验室地址未配置", "Laboratory address not configured"},
                           "Not configured",
                           "CN",
                           "",
                           "",
                           ""};
    identity.location = lab::PerformanceLocation::laboratory;
    identity.place = {"本实验室", "The laboratory's premises"};
    identity.traceability = {"测量结果通过本实验室的计量标准溯源至国家计量基准（SI 单位）。",
                             "The results are traceable to the national measurement standards "
                             "(SI units) through the laboratory's reference standards."};
    identity.method_titles = lab::builtin_method_titles();
    return identity;
}

} // namespace

lab::LaboratoryIdentity laboratory_identity(const std::filesystem::path& config_file) {
    auto identity = default_identity();
    if (config_file.empty()) {
        return identity;
    }
    const std::string file = config_file.string();
    toml::table table;
    try {
        table = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
        throw CommandFailure(exit_usage, "config " + file + ": " + std::string(e.description()));
    }
    const auto* laboratory = table["laboratory"].as_table();
    if (laboratory == nullptr) {
        return identity;
    }
    auto& lab = identity.laboratory;
    const std::map<std::string, std::string*> texts{{"name_zh", &lab.name.zh},
                                                    {"name_en", &lab.name.en},
                                                    {"address_zh", &lab.address.zh},
                                                    {"address_en", &lab.address.en},
                                                    {"city", &lab.city},
                                                    {"country_code", &lab.country_code},
                                                    {"accreditation", &lab.accreditation},
                                                    {"phone", &lab.phone},
                                                    {"email", &lab.email},
                                                    {"place_zh", &identity.place.zh},
                                                    {"place_en", &identity.place.en},
                                                    {"traceability_zh", &identity.traceability.zh},
                                                    {"traceability_en", &identity.traceability.en}};
    for (const auto& [key, value] : *laboratory) {
        const std::string name(key.str());
        const auto bad = [&](const std::string& why) {
            return CommandFailure(exit_usage,
                                  "config " + file + ": laboratory." + name + " " + why);
        };
        if (name == "method_titles") {
            const auto* titles = value.as_table();
            if (titles == nullptr) {
                throw bad("must be a table of {zh, en}");
            }
            for (const auto& [reference, title] : *titles) {
                const auto* pair = title.as_table();
                const auto zh = pair ? (*pair)["zh"].value<std::string>() : std::nullopt;
                const auto en = pair ? (*pair)["en"].value<std::string>() : std::nullopt;
                if (!zh || !en) {
                    throw bad(std::string(reference.str()) + " needs zh and en strings");
                }
                identity.method_titles[std::string(reference.str())] = {*zh, *en};
            }
            continue;
        }
        const auto target = texts.find(name);
        if (target == texts.end()) {
            throw bad("is not a known setting");
        }
        if (!value.is_string()) {
            throw bad("must be a string");
        }
        *target->second = value.as_string()->get();
    }
    return identity;
}

} // namespace callab::app
