// `callab cert render` on the documented example: the PDF and a schema-valid DCC are written
// and their hashes printed; malformed content ends with exit status 2 naming the key.
#include "support/child_process.hpp"
#include "support/temporary_directory.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace callab {
namespace {

using test_support::ChildProcess;
using test_support::TemporaryDirectory;

const std::string binary = CALLAB_BINARY;
const std::string example = CALLAB_SOURCE_DIR "/docs/examples/certificate-ir-thermometer.json";
const std::string schema_dir = CALLAB_DCC_SCHEMA_DIR;

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(CertRender, WritesThePdfAndAValidDccOfTheExample) {
    TemporaryDirectory dir;
    const auto pdf = dir.path() / "cert.pdf";
    const auto dcc = dir.path() / "cert.xml";
    ChildProcess render({binary, "cert", "render", example, "--pdf", pdf.string(), "--dcc",
                         dcc.string(), "--schema", schema_dir},
                        dir.path());
    ASSERT_EQ(render.wait(), 0) << render.standard_error();
    EXPECT_TRUE(slurp(pdf).starts_with("%PDF-"));
    const auto xml = slurp(dcc);
    EXPECT_NE(xml.find("<dcc:uniqueIdentifier>CAL-2026-000123</dcc:uniqueIdentifier>"),
              std::string::npos);
    EXPECT_NE(xml.find("<dcc:dataBase64>JVBERi0"), std::string::npos);
    const std::regex line(
        R"(pdf .*cert\.pdf sha256 [0-9a-f]{64}\ndcc .*cert\.xml sha256 [0-9a-f]{64} \(valid\)\n)");
    EXPECT_TRUE(std::regex_match(render.standard_output(), line)) << render.standard_output();

    ChildProcess xmllint({"/usr/bin/xmllint", "--noout", "--nonet", "--schema",
                          schema_dir + "/dcc.xsd", dcc.string()},
                         dir.path());
    EXPECT_EQ(xmllint.wait(), 0) << xmllint.standard_error();
}

TEST(CertRender, MalformedContentIsAUsageErrorNamingTheKey) {
    TemporaryDirectory dir;
    auto content = slurp(example);
    const std::string u = "\"expanded_uncertainty\": 0.08";
    ASSERT_NE(content.find(u), std::string::npos);
    content.replace(content.find(u), u.size(), "\"expanded_uncertainty\": -0.08");
    const auto bad = dir.path() / "bad.json";
    std::ofstream(bad) << content;
    const auto pdf = dir.path() / "cert.pdf";
    ChildProcess render({binary, "cert", "render", bad.string(), "--pdf", pdf.string()},
                        dir.path());
    EXPECT_EQ(render.wait(), 2);
    EXPECT_NE(render.standard_error().find("results[0].points[2].expanded_uncertainty"),
              std::string::npos)
        << render.standard_error();
    EXPECT_FALSE(std::filesystem::exists(pdf));
}

TEST(CertRender, NeedsAnOutput) {
    TemporaryDirectory dir;
    ChildProcess render({binary, "cert", "render", example}, dir.path());
    EXPECT_EQ(render.wait(), 2);
    EXPECT_NE(render.standard_error().find("--pdf"), std::string::npos);
}

} // namespace
} // namespace callab
