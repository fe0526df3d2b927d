#include <callab/lab/certificate_digest.hpp>

#include <gtest/gtest.h>

namespace callab::lab {
namespace {

// FIPS 180-2 appendix B.1 and the hash of the empty message.
TEST(CertificateDigest, MatchesThePublishedSha256Vectors) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(CertificateDigest, HashesThePdfAndTheDccSeparately) {
    const auto digest = digest_certificate("abc", "");
    EXPECT_EQ(digest.pdf_sha256, sha256_hex("abc"));
    EXPECT_EQ(digest.dcc_sha256, sha256_hex(""));
}

TEST(CertificateDigest, HandlesBytesThatAreNotText) {
    const std::string bytes("\0\xff\x80", 3);
    EXPECT_EQ(sha256_hex(bytes).size(), 64U);
    EXPECT_NE(sha256_hex(bytes), sha256_hex(std::string("\0\xff", 2)));
}

} // namespace
} // namespace callab::lab
