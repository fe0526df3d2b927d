// Signing the DCC with xmlsec1, with a throwaway key and certificate made by openssl.
#include "support/child_process.hpp"
#include "support/in_memory_certificate_store.hpp"
#include "support/in_memory_job_store.hpp"
#include "support/sample_certificate.hpp"
#include "support/temporary_directory.hpp"

#include <callab/lab/certificate_dcc.hpp>
#include <callab/lab/certificate_digest.hpp>
#include <callab/lab/certificate_service.hpp>
#include <callab/lab/certificate_signature.hpp>
#include <callab/lab/errc.hpp>

#include <gtest/gtest.h>

#include <string>

namespace callab::lab {
namespace {

using test_support::ChildProcess;
using test_support::TemporaryDirectory;

const std::filesystem::path schema_dir = CALLAB_DCC_SCHEMA_DIR;

/// Makes a self-signed RSA key and certificate named `name` in `dir`.
DccSigningKey make_key(const TemporaryDirectory& dir, const std::string& name) {
    DccSigningKey key{dir.path() / (name + "-key.pem"), dir.path() / (name + "-cert.pem")};
    ChildProcess openssl({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                          "-keyout", key.private_key_pem.string(), "-out",
                          key.certificate_pem.string(), "-days", "30", "-subj",
                          "/C=CN/O=Example Institute of Metrology/CN=" + name},
                         dir.path());
    EXPECT_EQ(openssl.wait(), 0) << openssl.standard_error();
    return key;
}

std::string sample_dcc() {
    return write_dcc(test::sample_certificate(), "%PDF-1.5\n%%EOF\n").value();
}

class CertificateSignature : public ::testing::Test {
protected:
    TemporaryDirectory dir_;
    DccSigningKey key_ = make_key(dir_, "lab");
};

TEST_F(CertificateSignature, ASignedDccVerifiesAndStaysValid) {
    const auto signed_xml = sign_dcc(sample_dcc(), key_);
    ASSERT_TRUE(signed_xml) << signed_xml.error().message();
    EXPECT_NE(signed_xml->find("<ds:SignatureValue>"), std::string::npos);
    EXPECT_NE(signed_xml->find("<ds:X509Certificate>"), std::string::npos);
    const auto valid = validate_dcc(*signed_xml, schema_dir);
    EXPECT_TRUE(valid) << valid.error().message();
    const auto verified = verify_dcc_signature(*signed_xml, key_.certificate_pem);
    EXPECT_TRUE(verified) << verified.error().message();
}

TEST_F(CertificateSignature, AChangedValueBreaksTheSignature) {
    auto signed_xml = sign_dcc(sample_dcc(), key_).value();
    const std::string value = "35.12 37.10 38.91";
    ASSERT_NE(signed_xml.find(value), std::string::npos);
    signed_xml.replace(signed_xml.find(value), value.size(), "35.12 37.10 38.81");
    const auto verified = verify_dcc_signature(signed_xml, key_.certificate_pem);
    ASSERT_FALSE(verified);
    EXPECT_EQ(verified.error().code, errc::signing_failed);
}

TEST_F(CertificateSignature, AnotherLabsCertificateIsNotTrusted) {
    const auto other = make_key(dir_, "other");
    const auto signed_xml = sign_dcc(sample_dcc(), key_).value();
    EXPECT_EQ(verify_dcc_signature(signed_xml, other.certificate_pem).error().code,
              errc::signing_failed);
}

TEST_F(CertificateSignature, AMissingKeyOrADoubleSignatureIsAnError) {
    const auto missing = sign_dcc(sample_dcc(), {dir_.path() / "absent.pem", key_.certificate_pem});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, errc::signing_failed);
    EXPECT_NE(missing.error().message().find("exit status"), std::string::npos);
    const auto signed_xml = sign_dcc(sample_dcc(), key_).value();
    EXPECT_EQ(sign_dcc(signed_xml, key_).error().cause, "is already signed");
    EXPECT_EQ(verify_dcc_signature(sample_dcc(), key_.certificate_pem).error().cause,
              "is not signed");
}

TEST(CreateSigningKey, MakesAKeyOnlyItsOwnerReadsThatSignsVerifiableDccs) {
    TemporaryDirectory dir;
    const DccSigningKey key{dir.path() / "dcc-key.pem", dir.path() / "dcc-cert.pem"};
    const auto made = create_signing_key(key, "Demo City Institute of Metrology", 30);
    ASSERT_TRUE(made) << made.error().message();
    using std::filesystem::perms;
    EXPECT_EQ(std::filesystem::status(key.private_key_pem).permissions() & perms::all,
              perms::owner_read | perms::owner_write);
    const auto signed_xml = sign_dcc(sample_dcc(), key);
    ASSERT_TRUE(signed_xml) << signed_xml.error().message();
    const auto verified = verify_dcc_signature(*signed_xml, key.certificate_pem);
    EXPECT_TRUE(verified) << verified.error().message();
}

TEST(CreateSigningKey, RefusesAnOrganisationThatWouldChangeTheSubject) {
    TemporaryDirectory dir;
    const auto made = create_signing_key({dir.path() / "key.pem", dir.path() / "cert.pem"},
                                         "Lab/CN=someone else");
    ASSERT_FALSE(made);
    EXPECT_EQ(made.error().code, errc::invalid_field);
    EXPECT_EQ(made.error().field, "organisation");
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "key.pem"));
}

// With the lab's key configured, issuing stores the signed DCC and the SHA-256 of the
// signed bytes, so that the recorded hash and the signature cover the same document.
TEST_F(CertificateSignature, IssuingWithTheLabsKeySignsTheDccBeforeItsHashIsRecorded) {
    test_support::InMemoryJobStore jobs;
    test_support::InMemoryCertificateStore certificates(jobs);
    const User technician{UserId{1}, {"tech", Role::technician, std::nullopt, "Tech"}, {}};
    const User signatory{UserId{2}, {"sign", Role::signatory, std::nullopt, "Sign"}, {}};
    NewJob spec{"IR thermometer", "IRT-100", "object_temperature", "degC", 0.1};
    spec.technician = technician.id;
    const auto job = jobs.create_job(spec);
    for (const auto to :
         {JobStatus::measuring, JobStatus::measured, JobStatus::reviewed, JobStatus::approved}) {
        ASSERT_TRUE(jobs.change_status(job.id, jobs.find_job(job.id)->status, to, signatory));
    }
    IssuingSettings settings;
    settings.dcc_schema_dir = schema_dir;
    settings.signing_key = key_;
    CertificateService service(certificates, jobs, settings);
    const auto issued = service.issue(job.id, test::sample_certificate(), signatory);
    ASSERT_TRUE(issued) << issued.error().message;
    EXPECT_NE(issued->dcc.find("<ds:SignatureValue>"), std::string::npos);
    EXPECT_TRUE(verify_dcc_signature(issued->dcc, key_.certificate_pem));
    EXPECT_EQ(issued->dcc_sha256, digest_certificate(issued->pdf, issued->dcc).dcc_sha256);
    const auto found = service.verify_file(issued->dcc);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(found->matched, "dcc");
}

} // namespace
} // namespace callab::lab
