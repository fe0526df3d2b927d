#include <callab/lab/audit_entry.hpp>

#include <sodium.h>

#include <stdexcept>

namespace callab::lab {
namespace {

void add_field(std::string& text, std::string_view field) {
    text += std::to_string(field.size());
    text += ':';
    text += field;
    text += '\n';
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex += digits[bytes[i] >> 4];
        hex += digits[bytes[i] & 0xF];
    }
    return hex;
}

} // namespace

std::string audit_entry_hash(const AuditEntry& entry) {
    if (sodium_init() < 0) {
        throw std::runtime_error("libsodium could not be initialised");
    }
    std::string text;
    add_field(text, entry.previous_hash);
    add_field(text, std::to_string(entry.sequence));
    add_field(text, std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(
                                       entry.at.time_since_epoch())
                                       .count()));
    add_field(text, entry.actor);
    add_field(text, entry.entity);
    add_field(text, entry.entity_id);
    add_field(text, entry.action);
    add_field(text, entry.before);
    add_field(text, entry.after);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return to_hex(digest, sizeof digest);
}

std::optional<AuditBreak> verify_audit_chain(std::span<const AuditEntry> entries) {
    std::string previous = genesis_hash;
    std::int64_t expected_sequence = 1;
    for (const auto& entry : entries) {
        if (entry.sequence != expected_sequence) {
            return AuditBreak{entry.sequence, "sequence " + std::to_string(entry.sequence) +
                                                  " follows " +
                                                  std::to_string(expected_sequence - 1) +
                                                  " (an entry is missing or out of order)"};
        }
        if (entry.previous_hash != previous) {
            return AuditBreak{entry.sequence, "previous hash does not match the entry before it"};
        }
        if (audit_entry_hash(entry) != entry.hash) {
            return AuditBreak{entry.sequence, "content does not match its hash (edited)"};
        }
        previous = entry.hash;
        ++expected_sequence;
    }
    return std::nullopt;
}

} // namespace callab::lab
