#pragma once

#include <boost/system/error_code.hpp>

#include <type_traits>

namespace callab::lab {

/// Expected failures of the lab's rules.
enum class errc {
    /// The record asked for does not exist.
    not_found = 1,
    /// A field has a value the rules do not allow.
    invalid_field,
    /// The change collides with another record (a booking slot, a unique number).
    conflict,
    /// There are not yet enough readings to compute a result.
    not_enough_readings,
    /// An instrument failed while being read; the message names it.
    device_fault,
    /// The user's role, or the four-eyes rule, does not allow the action.
    not_permitted,
    /// The record's status does not allow the change (e.g. an issued job, a returned booking).
    invalid_transition,
    /// A reference standard is overdue, suspended or retired and no override applies.
    standard_not_usable,
    /// A certificate document (PDF, QR code) could not be rendered; the cause is the
    /// drawing library's.
    render_failed,
    /// An XML document does not conform to its schema; the message is libxml2's.
    schema_violation,
    /// A document could not be signed or its signature checked; the cause is the tool's.
    signing_failed,
    /// A notice could not be delivered; the message carries the mail server's reply.
    delivery_failed,
};

const boost::system::error_category& lab_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), lab_category()};
}

} // namespace callab::lab

template <> struct boost::system::is_error_code_enum<callab::lab::errc> : std::true_type {};
