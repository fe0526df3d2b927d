#include "support/sample_certificate.hpp"

#include <callab/lab/certificate_dcc.hpp>
#include <callab/lab/errc.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace callab::lab {
namespace {

const std::filesystem::path schema_dir = CALLAB_DCC_SCHEMA_DIR;
const std::string fake_pdf = "%PDF-1.5\nnot a real page\n%%EOF\n";

std::string written(const CertificateContent& content) {
    auto xml = write_dcc(content, fake_pdf);
    EXPECT_TRUE(xml) << (xml ? "" : xml.error().message());
    return xml ? *xml : std::string();
}

/// The whitespace-separated entries of every `<tag>…</tag>` in document order.
std::vector<std::vector<std::string>> lists(const std::string& xml, const std::string& tag) {
    std::vector<std::vector<std::string>> out;
    const std::string open = "<" + tag + ">";
    const std::string close = "</" + tag + ">";
    for (auto at = xml.find(open); at != std::string::npos; at = xml.find(open, at + 1)) {
        const auto start = at + open.size();
        std::istringstream entries(xml.substr(start, xml.find(close, start) - start));
        std::vector<std::string> list;
        for (std::string entry; entries >> entry;) {
            list.push_back(entry);
        }
        out.push_back(list);
    }
    return out;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

class CertificateDcc : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(std::filesystem::exists(schema_dir / "dcc.xsd"))
            << "the DCC schema set is expected in " << schema_dir;
    }
};

TEST_F(CertificateDcc, ValidatesAgainstTheSchema) {
    const auto xml = written(test::sample_certificate());
    const auto valid = validate_dcc(xml, schema_dir);
    EXPECT_TRUE(valid) << (valid ? "" : valid.error().message());
}

TEST_F(CertificateDcc, AnInvalidDocumentIsRejectedWithLibxml2sMessage) {
    auto xml = written(test::sample_certificate());
    const std::string id = "<dcc:uniqueIdentifier>CAL-2026-000123</dcc:uniqueIdentifier>";
    ASSERT_NE(xml.find(id), std::string::npos);
    xml.replace(xml.find(id), id.size(), "<dcc:uniqueIdentifier> </dcc:uniqueIdentifier>");
    const auto valid = validate_dcc(xml, schema_dir);
    ASSERT_FALSE(valid);
    EXPECT_EQ(valid.error().code, errc::schema_violation);
    EXPECT_NE(valid.error().message().find("uniqueIdentifier"), std::string::npos)
        << valid.error().message();
    EXPECT_NE(valid.error().message().find("line "), std::string::npos);
}

TEST_F(CertificateDcc, NotWellFormedAndMissingSchemaAreErrors) {
    EXPECT_EQ(validate_dcc("<dcc:digital", schema_dir).error().code, errc::schema_violation);
    EXPECT_EQ(validate_dcc(written(test::sample_certificate()), schema_dir / "absent").error().code,
              errc::not_found);
}

TEST_F(CertificateDcc, ValueUncertaintyAndConformityListsHaveOneEntryPerPoint) {
    const auto c = test::sample_certificate_with_points(17);
    const auto xml = written(c);
    ASSERT_TRUE(validate_dcc(xml, schema_dir));
    const auto values = lists(xml, "si:valueXMLList");
    // nominal, reference, indication, error, lower and upper limit, correction.
    ASSERT_EQ(values.size(), 7U);
    for (const auto& list : values) {
        EXPECT_EQ(list.size(), 17U);
    }
    for (const auto* tag : {"si:valueExpandedMUXMLList", "si:coverageFactorXMLList",
                            "si:coverageProbabilityXMLList", "dcc:conformityXMLList"}) {
        const auto found = lists(xml, tag);
        ASSERT_EQ(found.size(), 1U) << tag;
        EXPECT_EQ(found.front().size(), 17U) << tag;
    }
    EXPECT_EQ(lists(xml, "dcc:conformityXMLList").front().front(), "pass");
}

TEST_F(CertificateDcc, CarriesTheResultsWithTheirRefTypesAndDsiUnits) {
    const auto xml = written(test::sample_certificate());
    for (const auto* ref_type :
         {"basic_measuredValue", "basic_referenceValue", "basic_measurementError",
          "basic_conformity", "basic_normalUsed"}) {
        EXPECT_NE(xml.find(std::string("refType=\"") + ref_type + "\""), std::string::npos)
            << ref_type;
    }
    EXPECT_NE(xml.find("<si:valueXMLList>0.09 0.08 -0.07</si:valueXMLList>"), std::string::npos);
    EXPECT_NE(xml.find("<si:valueExpandedMUXMLList>0.07 0.07 0.08</si:valueExpandedMUXMLList>"),
              std::string::npos);
    EXPECT_NE(xml.find(R"(<si:unitXMLList>\degreecelsius</si:unitXMLList>)"), std::string::npos);
    EXPECT_NE(xml.find(R"(<si:unit>\percent</si:unit>)"), std::string::npos);
    EXPECT_NE(xml.find("<dcc:norm>JJF 1107-2003</dcc:norm>"), std::string::npos);
    EXPECT_NE(xml.find("<dcc:conformity>pass</dcc:conformity>"), std::string::npos);
    EXPECT_NE(xml.find("<dcc:mainSigner>true</dcc:mainSigner>"), std::string::npos);
}

TEST_F(CertificateDcc, IsInChineseAndEnglish) {
    const auto xml = written(test::sample_certificate());
    EXPECT_NE(xml.find("<dcc:usedLangCodeISO639_1>zh</dcc:usedLangCodeISO639_1>"),
              std::string::npos);
    EXPECT_NE(xml.find("<dcc:usedLangCodeISO639_1>en</dcc:usedLangCodeISO639_1>"),
              std::string::npos);
    EXPECT_EQ(count(xml, "lang=\"zh\""), count(xml, "lang=\"en\""));
    EXPECT_NE(xml.find("<dcc:content lang=\"zh\">红外额温计</dcc:content>"), std::string::npos);
    EXPECT_NE(xml.find("<dcc:content lang=\"en\">Infrared forehead thermometer</dcc:content>"),
              std::string::npos);
}

TEST_F(CertificateDcc, EmbedsThePdfAsBase64) {
    const auto xml = written(test::sample_certificate());
    const auto base64 = lists(xml, "dcc:dataBase64");
    ASSERT_EQ(base64.size(), 1U);
    ASSERT_EQ(base64.front().size(), 1U);
    EXPECT_EQ(base64.front().front().size(), (fake_pdf.size() + 2) / 3 * 4);
    EXPECT_TRUE(base64.front().front().starts_with("JVBERi0")); // "%PDF-"
    EXPECT_NE(xml.find("<dcc:mimeType>application/pdf</dcc:mimeType>"), std::string::npos);
    EXPECT_NE(xml.find("<dcc:fileName>CAL-2026-000123.pdf</dcc:fileName>"), std::string::npos);
}

TEST_F(CertificateDcc, RecalibrationIntervalOnlyWhenAsked) {
    auto c = test::sample_certificate();
    EXPECT_EQ(written(c).find("basic_recalibration"), std::string::npos);
    c.recalibration_interval_requested = true;
    c.recalibration_interval_months = 12;
    const auto xml = written(c);
    EXPECT_NE(xml.find("basic_recalibration"), std::string::npos);
    EXPECT_NE(xml.find("<dcc:period>P12M</dcc:period>"), std::string::npos);
    EXPECT_TRUE(validate_dcc(xml, schema_dir));
}

TEST_F(CertificateDcc, AnAmendmentNamesTheCertificateItReplaces) {
    auto c = test::sample_certificate();
    c.number = "CAL-2026-000124";
    c.replaces_number = "CAL-2026-000123";
    c.amendment_reason = {"更正出厂编号", "Serial number corrected"};
    const auto xml = written(c);
    EXPECT_NE(
        xml.find("<dcc:replacedUniqueIdentifier>CAL-2026-000123</dcc:replacedUniqueIdentifier>"),
        std::string::npos);
    EXPECT_TRUE(validate_dcc(xml, schema_dir));
}

TEST_F(CertificateDcc, WithoutConformityThereIsNoConformityList) {
    auto c = test::sample_certificate();
    c.decision_rule = {};
    for (auto& p : c.results.front().points) {
        p.conformity = Conformity::not_stated;
    }
    const auto xml = written(c);
    EXPECT_EQ(xml.find("conformity"), std::string::npos);
    EXPECT_TRUE(validate_dcc(xml, schema_dir));
}

TEST_F(CertificateDcc, EscapesMarkupInText) {
    auto c = test::sample_certificate();
    c.remarks = {"见 <附件> & 说明", "see <annex> & \"notes\""};
    const auto xml = written(c);
    EXPECT_NE(xml.find("see &lt;annex&gt; &amp; \"notes\""), std::string::npos);
    EXPECT_TRUE(validate_dcc(xml, schema_dir));
}

TEST_F(CertificateDcc, BadContentIsRejectedBeforeWriting) {
    auto c = test::sample_certificate();
    c.results.front().points[0].reference_value = std::numeric_limits<double>::quiet_NaN();
    const auto xml = write_dcc(c, fake_pdf);
    ASSERT_FALSE(xml);
    EXPECT_EQ(xml.error().field, "results[0].points[0].reference_value");
    EXPECT_EQ(write_dcc(test::sample_certificate(), "").error().field, "embedded_pdf");
}

TEST_F(CertificateDcc, AVerificationCertificateIsNamedSoAndValidates) {
    auto c = test::sample_certificate();
    c.kind = CertificateKind::verification;
    const auto xml = written(c);
    EXPECT_NE(xml.find("<dcc:content lang=\"zh\">检定结果</dcc:content>"), std::string::npos);
    EXPECT_NE(xml.find("Verification Certificate (PDF)"), std::string::npos);
    EXPECT_TRUE(validate_dcc(xml, schema_dir));
}

TEST_F(CertificateDcc, SameContentSameBytes) {
    EXPECT_EQ(written(test::sample_certificate()), written(test::sample_certificate()));
}

} // namespace
} // namespace callab::lab
