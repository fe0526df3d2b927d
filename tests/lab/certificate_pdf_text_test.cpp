// The certificate's pages as pdftotext reads them: the fields ISO/IEC 17025 §7.8 and the
// Chinese format ask for, in both languages, page x of n on every page and the end mark.
#include "support/child_process.hpp"
#include "support/sample_certificate.hpp"
#include "support/temporary_directory.hpp"

#include <callab/lab/certificate_pdf.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace callab::lab {
namespace {

using test_support::ChildProcess;
using test_support::TemporaryDirectory;

/// The text of each page of the rendered certificate.
std::vector<std::string> pages_of(const CertificateContent& content) {
    const auto pdf = render_certificate_pdf(content);
    EXPECT_TRUE(pdf) << (pdf ? "" : pdf.error().message());
    if (!pdf) {
        return {};
    }
    TemporaryDirectory dir;
    std::ofstream(dir.path() / "certificate.pdf", std::ios::binary) << *pdf;
    ChildProcess pdftotext({"/usr/bin/pdftotext", "-layout",
                            (dir.path() / "certificate.pdf").string(),
                            (dir.path() / "certificate.txt").string()},
                           dir.path());
    EXPECT_EQ(pdftotext.wait(), 0) << pdftotext.standard_error();
    std::ifstream in(dir.path() / "certificate.txt");
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::string> pages;
    std::string all = text.str();
    for (std::size_t start = 0; start < all.size();) {
        const auto end = all.find('\f', start);
        pages.push_back(
            all.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) {
            break;
        }
        start = end + 1;
    }
    while (!pages.empty() && pages.back().find_first_not_of(" \n") == std::string::npos) {
        pages.pop_back();
    }
    return pages;
}

std::string joined(const std::vector<std::string>& pages) {
    std::string all;
    for (const auto& page : pages) {
        all += page;
    }
    return all;
}

TEST(CertificatePdfText, ShowsTheRequiredFieldsInBothLanguages) {
    const auto text = joined(pages_of(test::sample_certificate()));
    const char* expected[] = {
        "校准证书",
        "Calibration Certificate",
        "证书编号",
        "Certificate No.",
        "CAL-2026-000123",
        "示例计量测试研究院",
        "Example Institute of Metrology",
        "杭州市示例路 1 号",
        "1 Example Road, Hangzhou",
        "CNAS L0000",
        "委托方",
        "Customer",
        "示例医疗器械有限公司",
        "Example Medical Devices Co., Ltd.",
        "红外额温计",
        "Infrared forehead thermometer",
        "IRT-100",
        "SN20240815001",
        "出厂编号",
        "Serial number",
        "接收日期",
        "Date of receipt",
        "2026-03-03",
        "校准日期",
        "Date of calibration",
        "2026-03-05",
        "发布日期",
        "Date of issue",
        "2026-03-07",
        "校准地点",
        "Place of calibration",
        "本院温度实验室 201 室",
        "校准依据",
        "Method",
        "JJF 1107-2003",
        "所用计量标准",
        "Reference standards used",
        "RD2025-0311",
        "WD2025-1188",
        "2027-01-15",
        "U = 0.04 ℃ (k=2)",
        "计量溯源性",
        "traceability",
        "环境条件",
        "environmental conditions",
        "(22.6 ~ 23.4) ℃",
        "(42 ~ 48) %",
        "温度",
        "Temperature",
        "相对湿度",
        "Relative humidity",
        "校准结果",
        "Results",
        "示值误差",
        "Error",
        "扩展不确定度",
        "0.07 (k=2)",
        "0.08 (k=2)",
        "35.03",
        "37.10",
        "-0.07",
        "±0.2",
        "符合 pass",
        "判定规则",
        "Decision rule",
        "校准员",
        "Calibrated by",
        "核验员",
        "Checked by",
        "批准人",
        "Approved by",
        "张三",
        "ZHANG San",
        "王五",
        "WANG Wu",
        "李四",
        "LI Si",
        "技术负责人",
        "本证书仅对被校对象有效",
        "The results relate only to the item calibrated",
        "不得部分复制本证书",
        "shall not be reproduced except in full",
        "https://lab.example.org/verify/CAL-2026-000123",
    };
    for (const char* field : expected) {
        EXPECT_NE(text.find(field), std::string::npos) << "missing: " << field;
    }
}

TEST(CertificatePdfText, EveryPageSaysPageXOfNAndOnlyTheLastHasTheEndMark) {
    const auto pages = pages_of(test::sample_certificate());
    ASSERT_GE(pages.size(), 2U);
    const auto n = std::to_string(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const auto x = std::to_string(i + 1);
        EXPECT_NE(pages[i].find("第 " + x + " 页 共 " + n + " 页"), std::string::npos)
            << "page " << x;
        EXPECT_NE(pages[i].find("Page " + x + " of " + n), std::string::npos) << "page " << x;
        EXPECT_NE(pages[i].find("CAL-2026-000123"), std::string::npos) << "page " << x;
        const bool last = i + 1 == pages.size();
        EXPECT_EQ(pages[i].find("以下空白") != std::string::npos, last) << "page " << x;
        EXPECT_EQ(pages[i].find("End of certificate") != std::string::npos, last) << "page " << x;
    }
}

TEST(CertificatePdfText, ALongResultsTableBreaksAcrossPagesWithItsHeader) {
    const auto pages = pages_of(test::sample_certificate_with_points(120));
    ASSERT_GE(pages.size(), 4U);
    std::size_t pages_with_header = 0;
    for (const auto& page : pages) {
        pages_with_header += page.find("Nominal") != std::string::npos &&
                             page.find("Conformity") != std::string::npos;
    }
    EXPECT_GE(pages_with_header, 2U);
    const auto text = joined(pages);
    EXPECT_NE(text.find("30.00"), std::string::npos); // the first point
    EXPECT_NE(text.find("59.75"), std::string::npos); // the 120th point
    EXPECT_NE(pages.back().find("以下空白"), std::string::npos);
}

TEST(CertificatePdfText, NoRecalibrationIntervalUnlessTheCustomerAsked) {
    auto c = test::sample_certificate();
    const auto without = joined(pages_of(c));
    EXPECT_EQ(without.find("复校"), std::string::npos);
    EXPECT_EQ(without.find("ecalibration interval"), std::string::npos);
    c.recalibration_interval_requested = true;
    c.recalibration_interval_months = 12;
    const auto with = joined(pages_of(c));
    EXPECT_NE(with.find("复校时间间隔"), std::string::npos);
    EXPECT_NE(with.find("12 months"), std::string::npos);
}

TEST(CertificatePdfText, VerificationAndAmendmentAreNamed) {
    auto c = test::sample_certificate();
    c.kind = CertificateKind::verification;
    c.number = "VER-2026-000009";
    c.replaces_number = "VER-2026-000008";
    c.amendment_reason = {"更正型号", "Model corrected"};
    const auto text = joined(pages_of(c));
    EXPECT_NE(text.find("检定证书"), std::string::npos);
    EXPECT_NE(text.find("Verification Certificate"), std::string::npos);
    EXPECT_NE(text.find("检定依据"), std::string::npos);
    EXPECT_NE(text.find("replaces certificate No. VER-2026-000008"), std::string::npos);
    EXPECT_NE(text.find("Model corrected"), std::string::npos);
}

} // namespace
} // namespace callab::lab
