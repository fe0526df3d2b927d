#pragma once

#include <callab/lab/rejection.hpp>

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace callab::web {

/// A field as the lab's validation names it and as the API's JSON spells it
/// ({"fee", "fee_cents"}).
struct JsonFieldName {
    std::string_view lab;
    std::string_view json;
};

/// `rejection` with the field its message starts with ("fee: must not be negative") named as
/// the client sent it ("fee_cents: must not be negative"), so that the API error's `field` is a
/// member of the request body. A message naming none of `names` is kept as it is.
inline lab::Rejection with_json_field(lab::Rejection rejection,
                                      std::span<const JsonFieldName> names) {
    for (const auto& name : names) {
        const auto prefix = std::string(name.lab) + ": ";
        if (rejection.message.starts_with(prefix)) {
            rejection.message.replace(0, name.lab.size(), name.json);
            break;
        }
    }
    return rejection;
}

inline lab::Rejection with_json_field(lab::Rejection rejection,
                                      std::initializer_list<JsonFieldName> names) {
    return with_json_field(std::move(rejection), std::span(names.begin(), names.size()));
}

} // namespace callab::web
