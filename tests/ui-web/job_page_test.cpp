#include "job_page.hpp"

#include <gtest/gtest.h>

namespace callab::web {
namespace {

TEST(JobPage, EscapesMarkup) {
    EXPECT_EQ(escape_html("<script>alert('x') & \"y\"</script>"),
              "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST(JobPage, TitlesAreEscapedOnThePage) {
    lab::JobReport report{
        {lab::JobId{7}, {"<b>bold</b>", "FT-1", "t", "degC", 0.1}, {}}, {}, {}, {}};
    const auto page = render_jobs_page({report}, "1.0");
    EXPECT_EQ(page.find("<b>bold</b>"), std::string::npos);
    EXPECT_NE(page.find("&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(page.find("Waiting for readings"), std::string::npos);
}

TEST(JobPage, SaysSoWhenThereAreNoJobs) {
    EXPECT_NE(render_jobs_page({}, "1.0").find("No calibration jobs yet"), std::string::npos);
}

} // namespace
} // namespace callab::web
