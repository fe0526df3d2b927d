#include <callab/lab/builtin_procedures.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

// A certificate states its method by title: the methods of the IR thermometer and power
// analyser procedures, which the simulated bench runs, have theirs built in, in both languages.
TEST(BuiltinProcedures, TheBenchProceduresMethodsHaveTitles) {
    const auto titles = builtin_method_titles();
    int checked = 0;
    for (const auto& procedure : builtin_procedures()) {
        if (procedure.kind != InstrumentKind::ir_forehead_thermometer &&
            procedure.kind != InstrumentKind::power_analyser) {
            continue;
        }
        ++checked;
        const auto title = titles.find(procedure.method_reference);
        ASSERT_NE(title, titles.end()) << procedure.code << " cites " << procedure.method_reference;
        EXPECT_FALSE(title->second.zh.empty()) << procedure.method_reference;
        EXPECT_FALSE(title->second.en.empty()) << procedure.method_reference;
    }
    EXPECT_GE(checked, 2);
}

} // namespace
} // namespace callab::lab
