#include "certificate_text.hpp"
#include "dcc_sections.hpp"

#include <callab/lab/certificate_dcc.hpp>
#include <callab/lab/errc.hpp>

#include <sodium.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <memory>

namespace callab::lab {
namespace {

void write_document(XmlBuilder& xml, const CertificateContent& c, std::string_view pdf) {
    xml.open("dcc:document");
    const auto title = certificate_text::title(c.kind);
    xml.bilingual("dcc:name", {title.zh + "（PDF 版）", title.en + " (PDF)"});
    xml.element("dcc:fileName", std::string(dcc::trimmed(c.number)) + ".pdf");
    xml.element("dcc:mimeType", "application/pdf");
    xml.raw(std::string(6, ' ') + "<dcc:dataBase64>");
    std::string base64(sodium_base64_encoded_len(pdf.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(base64.data(), base64.size(),
                      reinterpret_cast<const unsigned char*>(pdf.data()), pdf.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    base64.resize(base64.size() - 1); // the terminating NUL
    xml.raw(base64);
    xml.raw("</dcc:dataBase64>\n");
    xml.close();
}

/// Collects libxml2's messages for one validation.
struct SchemaMessages {
    std::string text;
    int count = 0;
};

void collect_message(void* context, xmlErrorPtr error) {
    auto* messages = static_cast<SchemaMessages*>(context);
    ++messages->count;
    if (messages->count > 3 || error == nullptr || error->message == nullptr) {
        return;
    }
    if (!messages->text.empty()) {
        messages->text += "; ";
    }
    std::string message = error->message;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    messages->text += "line " + std::to_string(error->line) + ": " + message;
}

struct SchemaParserDeleter {
    void operator()(xmlSchemaParserCtxt* p) const { xmlSchemaFreeParserCtxt(p); }
};
struct SchemaDeleter {
    void operator()(xmlSchema* p) const { xmlSchemaFree(p); }
};
struct ValidDeleter {
    void operator()(xmlSchemaValidCtxt* p) const { xmlSchemaFreeValidCtxt(p); }
};
struct DocDeleter {
    void operator()(xmlDoc* p) const { xmlFreeDoc(p); }
};

} // namespace

boost::system::result<std::string, CertificateError> write_dcc(const CertificateContent& content,
                                                               std::string_view embedded_pdf) {
    if (auto checked = check_certificate_content(content); !checked) {
        return checked.error();
    }
    if (embedded_pdf.empty()) {
        return CertificateError{errc::invalid_field, "embedded_pdf", "is empty"};
    }
    if (sodium_init() < 0) {
        return CertificateError{errc::render_failed, "dcc", "libsodium could not start"};
    }
    XmlBuilder xml(16 * 1024 + embedded_pdf.size() * 4 / 3);
    xml.open("dcc:digitalCalibrationCertificate",
             {{"xmlns:dcc", "https://ptb.de/dcc"},
              {"xmlns:si", "https://ptb.de/si"},
              {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"},
              {"xsi:schemaLocation", "https://ptb.de/dcc https://ptb.de/dcc/v3.3.0/dcc.xsd"},
              {"schemaVersion", "3.3.0"}});
    dcc::write_administrative_data(xml, content);
    dcc::write_measurement_results(xml, content);
    write_document(xml, content, embedded_pdf);
    xml.close();
    return xml.take();
}

boost::system::result<void, CertificateError>
validate_dcc(std::string_view xml, const std::filesystem::path& schema_dir) {
    const auto schema_path = schema_dir / "dcc.xsd";
    SchemaMessages messages;
    std::unique_ptr<xmlSchemaParserCtxt, SchemaParserDeleter> parser(
        xmlSchemaNewParserCtxt(schema_path.c_str()));
    if (!parser) {
        return CertificateError{errc::not_found, schema_path.string(), "cannot be read"};
    }
    xmlSchemaSetParserStructuredErrors(parser.get(), collect_message, &messages);
    std::unique_ptr<xmlSchema, SchemaDeleter> schema(xmlSchemaParse(parser.get()));
    if (!schema) {
        return CertificateError{errc::not_found, schema_path.string(),
                                "is not a usable schema: " + messages.text};
    }
    messages = {};
    std::unique_ptr<xmlDoc, DocDeleter> document(
        xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "dcc.xml", nullptr,
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!document) {
        const xmlError* error = xmlGetLastError();
        return CertificateError{errc::schema_violation, "dcc",
                                std::string("is not well-formed XML: ") +
                                    (error && error->message ? error->message : "parse error")};
    }
    std::unique_ptr<xmlSchemaValidCtxt, ValidDeleter> validation(
        xmlSchemaNewValidCtxt(schema.get()));
    xmlSchemaSetValidStructuredErrors(validation.get(), collect_message, &messages);
    const int outcome = xmlSchemaValidateDoc(validation.get(), document.get());
    if (outcome != 0) {
        return CertificateError{errc::schema_violation, "dcc",
                                "does not conform to " + schema_path.string() + ": " +
                                    messages.text};
    }
    return {};
}

} // namespace callab::lab
