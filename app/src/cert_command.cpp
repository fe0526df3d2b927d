// callab cert render CONTENT.json --pdf OUT.pdf --dcc OUT.xml: renders a certificate from
// its JSON content (docs/certificates.md) so it can be produced and checked by hand.
#include "certificate_json.hpp"
#include "command_failure.hpp"
#include "commands.hpp"

#include <callab/lab/certificate_dcc.hpp>
#include <callab/lab/certificate_digest.hpp>
#include <callab/lab/certificate_pdf.hpp>
#include <callab/lab/certificate_signature.hpp>
#include <callab/lab/errc.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace callab::app {
namespace {

struct RenderOptions {
    std::string content;
    std::string pdf;
    std::string dcc;
    std::string schema_dir;
    std::string sign_key;
    std::string sign_cert;
};

lab::CertificateContent read_content(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw CommandFailure(exit_usage, path + ": cannot be read");
    }
    const auto document = nlohmann::json::parse(in, nullptr, false);
    if (document.is_discarded()) {
        throw CommandFailure(exit_usage, path + ": not valid JSON");
    }
    try {
        return certificate_from_json(document);
    } catch (const CertificateJsonError& e) {
        throw CommandFailure(exit_usage, path + ": " + e.what());
    }
}

void write_file(const std::string& path, const std::string& bytes) {
    const auto temporary = path + ".part";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) {
            throw CommandFailure(exit_runtime_failure, path + ": cannot be written");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        throw CommandFailure(exit_runtime_failure, path + ": " + ec.message());
    }
}

/// Content errors are the input's fault (exit 2); drawing and writing failures are not.
[[noreturn]] void fail_with(const std::string& content_path, const lab::CertificateError& error) {
    const bool bad_input = error.code == lab::errc::invalid_field;
    throw CommandFailure(bad_input ? exit_usage : exit_runtime_failure,
                         (bad_input ? content_path + ": " : std::string()) + error.message());
}

void run_render(const RenderOptions& options) {
    const auto content = read_content(options.content);
    const auto pdf = lab::render_certificate_pdf(content);
    if (!pdf) {
        fail_with(options.content, pdf.error());
    }
    std::string dcc;
    if (!options.dcc.empty()) {
        auto written = lab::write_dcc(content, *pdf);
        if (!written) {
            fail_with(options.content, written.error());
        }
        dcc = std::move(*written);
        if (!options.sign_key.empty()) {
            auto signed_dcc = lab::sign_dcc(dcc, {options.sign_key, options.sign_cert});
            if (!signed_dcc) {
                fail_with(options.content, signed_dcc.error());
            }
            dcc = std::move(*signed_dcc);
        }
        if (!options.schema_dir.empty()) {
            if (const auto valid = lab::validate_dcc(dcc, options.schema_dir); !valid) {
                fail_with(options.content, valid.error());
            }
        }
    }
    const auto digest = lab::digest_certificate(*pdf, dcc);
    if (!options.pdf.empty()) {
        write_file(options.pdf, *pdf);
        std::cout << "pdf " << options.pdf << " sha256 " << digest.pdf_sha256 << '\n';
    }
    if (!options.dcc.empty()) {
        write_file(options.dcc, dcc);
        std::cout << "dcc " << options.dcc << " sha256 " << digest.dcc_sha256
                  << (options.sign_key.empty() ? "" : " (signed)")
                  << (options.schema_dir.empty() ? "" : " (valid)") << '\n';
    }
}

} // namespace

void add_cert_command(CLI::App& app) {
    auto* cert = app.add_subcommand("cert", "Calibration certificates");
    cert->require_subcommand(1);
    auto options = std::make_shared<RenderOptions>();
    auto* render =
        cert->add_subcommand("render", "Render a certificate's PDF and DCC from its JSON content");
    render
        ->add_option("content", options->content,
                     "Certificate content, JSON (docs/certificates.md)")
        ->required();
    auto* pdf = render->add_option("--pdf", options->pdf, "Write the PDF here");
    auto* dcc = render->add_option("--dcc", options->dcc,
                                   "Write the DCC 3.3.0 XML (with the PDF embedded) here");
    render
        ->add_option("--schema", options->schema_dir,
                     "Validate the DCC against dcc.xsd in this folder before writing it")
        ->check(CLI::ExistingDirectory)
        ->needs(dcc);
    auto* key = render
                    ->add_option("--sign-key", options->sign_key,
                                 "Sign the DCC (xmlsec1) with this private key, PEM")
                    ->check(CLI::ExistingFile)
                    ->needs(dcc);
    auto* certificate = render
                            ->add_option("--sign-cert", options->sign_cert,
                                         "The signing key's X.509 certificate, PEM")
                            ->check(CLI::ExistingFile);
    key->needs(certificate);
    certificate->needs(key);
    render->callback([options, pdf, dcc] {
        if (pdf->count() == 0 && dcc->count() == 0) {
            throw CommandFailure(exit_usage, "cert render: give --pdf, --dcc or both");
        }
        run_render(*options);
    });
    add_cert_records_commands(*cert);
}

} // namespace callab::app
