# cmake -DOUTPUT=file.cpp -DPROFILES="a.json|b.json" -P embed_profiles.cmake
# Writes a C++ source holding every shipped profile's text, so the callab binary carries
# its profiles and works from any directory.
string(REPLACE "|" ";" PROFILES "${PROFILES}")
set(body "")
foreach(profile IN LISTS PROFILES)
    get_filename_component(name "${profile}" NAME_WE)
    file(READ "${profile}" text)
    string(APPEND body "    {\"${name}\", R\"callab_profile(${text})callab_profile\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from drivers/profiles/*.json by drivers/cmake/embed_profiles.cmake.
#include <callab/drivers/shipped_profiles.hpp>

namespace callab::drivers {

std::span<const ShippedProfile> shipped_profiles() {
    static const ShippedProfile profiles[] = {
${body}    };
    return profiles;
}

} // namespace callab::drivers
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
