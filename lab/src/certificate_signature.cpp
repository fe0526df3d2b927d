#include "external_program.hpp"

#include <callab/lab/certificate_signature.hpp>
#include <callab/lab/errc.hpp>

#include <sstream>
#include <vector>

namespace callab::lab {
namespace {

constexpr std::string_view root_end = "</dcc:digitalCalibrationCertificate>";

// The enveloped-signature template xmlsec1 fills in (the shape of PTB's signed example).
constexpr std::string_view signature_template =
    R"(  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">)"
    R"(<ds:SignedInfo>)"
    R"(<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>)"
    R"(<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>)"
    R"(<ds:Reference URI=""><ds:Transforms>)"
    R"(<ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>)"
    R"(<ds:Transform Algorithm="http://www.w3.org/2006/12/xml-c14n11"/>)"
    R"(</ds:Transforms>)"
    R"(<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>)"
    R"(<ds:DigestValue/></ds:Reference></ds:SignedInfo>)"
    R"(<ds:SignatureValue/>)"
    R"(<ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo>)"
    "</ds:Signature>\n";

CertificateError tool_error(const ProgramOutcome& outcome) {
    if (!outcome.started) {
        return {errc::not_found, "xmlsec1", "is not installed (Debian package xmlsec1)"};
    }
    // xmlsec1 traces each failing call on its own line ("…error=4:crypto library function
    // failed:path=key.pem") and ends with "Error: failed to sign file …": keep those two.
    std::vector<std::string> lines;
    std::istringstream text(outcome.diagnostics);
    for (std::string line; std::getline(text, line);) {
        lines.push_back(line);
    }
    std::string why;
    for (const auto& line : lines) {
        if (line.find("error=") != std::string::npos) {
            why = line;
            break;
        }
    }
    for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
        if (line->starts_with("Error")) {
            why += (why.empty() ? "" : "; ") + *line;
            break;
        }
    }
    if (why.empty() && !lines.empty()) {
        why = lines.back();
    }
    return {errc::signing_failed, "xmlsec1",
            "exit status " + std::to_string(outcome.exit_status) + ": " + why};
}

} // namespace

boost::system::result<std::string, CertificateError> sign_dcc(std::string_view xml,
                                                              const DccSigningKey& key) {
    if (xml.find("<ds:Signature") != std::string_view::npos) {
        return CertificateError{errc::signing_failed, "dcc", "is already signed"};
    }
    const auto end = xml.rfind(root_end);
    if (end == std::string_view::npos) {
        return CertificateError{errc::signing_failed, "dcc", "has no DCC root element"};
    }
    ScratchDirectory scratch;
    if (!scratch.ok()) {
        return CertificateError{errc::signing_failed, "dcc", "no temporary folder to sign in"};
    }
    std::string unsigned_xml(xml.substr(0, end));
    unsigned_xml += signature_template;
    unsigned_xml += xml.substr(end);
    const auto input = scratch.path() / "unsigned.xml";
    const auto output = scratch.path() / "signed.xml";
    if (!write_whole_file(input, unsigned_xml)) {
        return CertificateError{errc::signing_failed, "dcc", "cannot write " + input.string()};
    }
    const auto outcome =
        run_program({"xmlsec1", "--sign", "--privkey-pem",
                     key.private_key_pem.string() + "," + key.certificate_pem.string(), "--output",
                     output.string(), input.string()},
                    scratch);
    if (!outcome.started || outcome.exit_status != 0) {
        return tool_error(outcome);
    }
    std::string signed_xml;
    if (!read_whole_file(output, signed_xml)) {
        return CertificateError{errc::signing_failed, "xmlsec1", "wrote no signed document"};
    }
    return signed_xml;
}

boost::system::result<void, CertificateError>
create_signing_key(const DccSigningKey& key, std::string_view organisation, int days) {
    if (organisation.find_first_of("/=\\") != std::string_view::npos) {
        return CertificateError{errc::invalid_field, "organisation",
                                "must not contain '/', '=' or '\\'"};
    }
    ScratchDirectory scratch;
    if (!scratch.ok()) {
        return CertificateError{errc::signing_failed, "key", "no temporary folder to work in"};
    }
    const auto outcome = run_program(
        {"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-keyout",
         key.private_key_pem.string(), "-out", key.certificate_pem.string(), "-days",
         std::to_string(days), "-subj", "/O=" + std::string(organisation) + "/CN=DCC signing"},
        scratch);
    if (!outcome.started) {
        return CertificateError{errc::not_found, "openssl",
                                "is not installed (Debian package openssl)"};
    }
    if (outcome.exit_status != 0) {
        return CertificateError{errc::signing_failed, "openssl",
                                "exit status " + std::to_string(outcome.exit_status) + ": " +
                                    outcome.diagnostics};
    }
    std::error_code ignored;
    std::filesystem::permissions(key.private_key_pem,
                                 std::filesystem::perms::owner_read |
                                     std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ignored);
    return {};
}

boost::system::result<void, CertificateError>
verify_dcc_signature(std::string_view xml, const std::filesystem::path& trusted_certificate_pem) {
    if (xml.find("<ds:Signature") == std::string_view::npos) {
        return CertificateError{errc::signing_failed, "dcc", "is not signed"};
    }
    ScratchDirectory scratch;
    const auto input = scratch.path() / "signed.xml";
    if (!scratch.ok() || !write_whole_file(input, xml)) {
        return CertificateError{errc::signing_failed, "dcc", "no temporary folder to verify in"};
    }
    const auto outcome = run_program(
        {"xmlsec1", "--verify", "--trusted-pem", trusted_certificate_pem.string(), input.string()},
        scratch);
    if (!outcome.started || outcome.exit_status != 0) {
        return tool_error(outcome);
    }
    return {};
}

} // namespace callab::lab
