// Signing the DCC with xmlsec1, with a throwaway key and certificate made by openssl.
#include "support/child_process.hpp"
#include "support/sample_certificate.hpp"
#include "support/temporary_directory.hpp"

#include <callab/lab/certificate_dcc.hpp>
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

} // namespace
} // namespace callab::lab
