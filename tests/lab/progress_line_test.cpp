#include <callab/lab/progress_line.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

TEST(ProgressLineTest, ShowsBarPercentageAndCounts) {
    EXPECT_EQ(progress_line("import", 5000, 10000),
              "import  [##########..........]   50 %  5,000/10,000");
    EXPECT_EQ(progress_line("import", 0, 10000), "import  [....................]    0 %  0/10,000");
    EXPECT_EQ(progress_line("backup", 7, 7, 4), "backup  [####]  100 %  7/7");
}

TEST(ProgressLineTest, RoundsDownSoOnlyTheEndReadsComplete) {
    EXPECT_EQ(progress_line("x", 999, 1000, 10), "x  [#########.]   99 %  999/1,000");
    EXPECT_EQ(progress_line("x", 2, 3, 3), "x  [##.]   66 %  2/3");
}

TEST(ProgressLineTest, NothingToDoIsComplete) {
    EXPECT_EQ(progress_line("x", 0, 0, 2), "x  [##]  100 %  0/0");
}

TEST(ProgressLineTest, MoreDoneThanAnnouncedNeverOverflowsTheBar) {
    EXPECT_EQ(progress_line("x", 12, 10, 5), "x  [#####]  100 %  12/12");
}

TEST(ProgressLineTest, GroupsThousands) {
    EXPECT_EQ(grouped(0), "0");
    EXPECT_EQ(grouped(999), "999");
    EXPECT_EQ(grouped(1000), "1,000");
    EXPECT_EQ(grouped(1234567), "1,234,567");
}

} // namespace
} // namespace callab::lab
