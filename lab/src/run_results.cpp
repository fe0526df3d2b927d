#include <callab/lab/run_results.hpp>

#include <string>

namespace callab::lab {

bool is_reference_reading(const ReadingRecord& reading) {
    return std::string_view(reading.source).starts_with(reference_source_prefix);
}

Outcome<PointResult> point_result_from_readings(const Procedure& procedure, int point,
                                                std::span<const ReadingRecord> readings,
                                                const PointInputs& inputs) {
    std::vector<double> indications;
    std::vector<double> references;
    for (const auto& r : readings) {
        if (r.test_point == point) {
            (is_reference_reading(r) ? references : indications).push_back(r.value);
        }
    }
    return compute_point(procedure, point, indications, references, inputs.reference_standard_u,
                         inputs.resolution, inputs.cmc_table);
}

Outcome<std::vector<PointResult>> results_from_readings(const Procedure& procedure,
                                                        std::span<const ReadingRecord> readings,
                                                        const PointInputs& inputs) {
    const auto wanted = static_cast<std::size_t>(procedure.data.readings_per_point);
    std::vector<PointResult> results;
    for (std::size_t index = 0; index < procedure.data.test_points.size(); ++index) {
        const int point = static_cast<int>(index);
        std::size_t references = 0;
        std::size_t indications = 0;
        for (const auto& r : readings) {
            if (r.test_point == point) {
                ++(is_reference_reading(r) ? references : indications);
            }
        }
        if (references < wanted || indications < wanted) {
            return reject(errc::not_enough_readings,
                          "readings: test point " + std::to_string(point) + " has " +
                              std::to_string(references) + " reference and " +
                              std::to_string(indications) + " device readings of " +
                              std::to_string(wanted) + " each");
        }
        auto result = point_result_from_readings(procedure, point, readings, inputs);
        if (!result) {
            return result.error();
        }
        results.push_back(std::move(*result));
    }
    return results;
}

} // namespace callab::lab
