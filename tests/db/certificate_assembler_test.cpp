// From the records to an issued certificate: the assembler reads the job, customer,
// instrument, procedure, standards and people; the service issues what it built.
#include "certificate_fixture.hpp"

#include <callab/lab/certificate_assembler.hpp>
#include <callab/lab/certificate_dcc.hpp>

namespace callab::test_support {
namespace {

class CertificateAssemblerTest : public CertificateTest {
protected:
    lab::LaboratoryIdentity identity() {
        const auto sample = test::sample_certificate();
        return {sample.laboratory,
                lab::PerformanceLocation::laboratory,
                sample.place,
                sample.traceability,
                {{"JJF 1107-2003", sample.method.title}}};
    }

    lab::CertificateFacts facts() {
        const auto sample = test::sample_certificate();
        return {sample.receipt_date, sample.performance_begin, sample.performance_end,
                sample.issue_date,   sample.environment,       sample.results};
    }

    lab::Job registered_job() {
        const auto owner = add_enterprise();
        const std::vector<lab::NewInstrument> batch{
            {lab::InstrumentKind::ir_forehead_thermometer, "Omron", "MC-720", "SN1", 32.0, 42.5,
             "degC", 0.1, owner.id, lab::MetrologyRegime::calibration}};
        const auto instrument = enterprises_.add_instruments(batch, "admin").value().front();
        lab::NewJob spec{"IR at 37", "MC-720", "object_temperature", "degC", 0.1};
        spec.procedure = procedure_.id;
        spec.enterprise = owner.id;
        spec.instrument_id = instrument.id;
        return job_from(spec, lab::JobStatus::approved);
    }

    lab::CertificateAssembler assembler_{jobs_, enterprises_, standards_, users_, identity()};
};

TEST_P(CertificateAssemblerTest, BuildsTheContentFromTheRecordsAndIssuesIt) {
    const auto job = registered_job();
    const auto content = assembler_.assemble(job.id, facts());
    ASSERT_TRUE(content) << content.error().message;
    EXPECT_EQ(content->customer.name.en, "Fuzhou Thermometry Co.");
    EXPECT_EQ(content->customer.city, "Fuzhou");
    EXPECT_EQ(content->item.kind.zh, "红外额温计");
    EXPECT_EQ(content->item.serial, "SN1");
    EXPECT_EQ(content->method.reference, "JJF 1107-2003");
    ASSERT_EQ(content->reference_standards.size(), 1U);
    EXPECT_EQ(content->reference_standards[0].certificate_number, "NIM-2025-001");
    EXPECT_EQ(content->reference_standards[0].due_date, day(2030, 1, 1));
    EXPECT_EQ(content->calibrator.name.en, "tech");
    EXPECT_EQ(content->reviewer.name.en, "rev");
    EXPECT_EQ(content->signatory.name.en, "sig");
    EXPECT_NE(content->decision_rule.en.find("Guarded acceptance"), std::string::npos);

    const auto issued = service_.issue(job.id, *content, signatory_);
    ASSERT_TRUE(issued) << issued.error().message;
    EXPECT_EQ(issued->instrument, "Infrared forehead thermometer MC-720 SN1");
    EXPECT_TRUE(lab::validate_dcc(issued->dcc, CALLAB_DCC_SCHEMA_DIR));
}

TEST_P(CertificateAssemblerTest, NamesWhatIsMissing) {
    const auto bare = job_up_to(lab::JobStatus::approved);
    const auto no_customer = assembler_.assemble(bare.id, facts());
    ASSERT_FALSE(no_customer);
    EXPECT_EQ(no_customer.error().code, lab::errc::not_found);
    EXPECT_NE(no_customer.error().message.find("enterprise"), std::string::npos);

    const auto job = registered_job();
    lab::CertificateAssembler untitled{jobs_, enterprises_, standards_, users_, {}};
    const auto no_title = untitled.assemble(job.id, facts());
    ASSERT_FALSE(no_title);
    EXPECT_NE(no_title.error().message.find("JJF 1107-2003"), std::string::npos);
}

CALLAB_STORE_TEST_SUITE(CertificateAssemblerTest);

} // namespace
} // namespace callab::test_support
