# FindSOCI: Debian's libsoci-dev ships no CMake package, so find it by hand.
#
# Components: sqlite3, postgresql. Imported targets:
#   SOCI::core, SOCI::sqlite3, SOCI::postgresql
# Variables: SOCI_FOUND, SOCI_INCLUDE_DIR, SOCI_<component>_FOUND.

find_path(SOCI_INCLUDE_DIR NAMES soci/soci.h)
find_library(SOCI_CORE_LIBRARY NAMES soci_core)

# Each backend's headers include its client library's headers (libpq-fe.h, sqlite3.h).
set(_soci_client_sqlite3 SQLite3)
set(_soci_client_target_sqlite3 SQLite::SQLite3)
set(_soci_client_postgresql PostgreSQL)
set(_soci_client_target_postgresql PostgreSQL::PostgreSQL)

foreach(_component IN LISTS SOCI_FIND_COMPONENTS)
    find_library(SOCI_${_component}_LIBRARY NAMES soci_${_component})
    find_package(${_soci_client_${_component}} QUIET)
    if(SOCI_${_component}_LIBRARY AND ${_soci_client_${_component}}_FOUND)
        set(SOCI_${_component}_FOUND TRUE)
    endif()
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(SOCI
    REQUIRED_VARS SOCI_CORE_LIBRARY SOCI_INCLUDE_DIR
    HANDLE_COMPONENTS)

if(SOCI_FOUND AND NOT TARGET SOCI::core)
    add_library(SOCI::core UNKNOWN IMPORTED)
    set_target_properties(SOCI::core PROPERTIES
        IMPORTED_LOCATION "${SOCI_CORE_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}")
    foreach(_component IN LISTS SOCI_FIND_COMPONENTS)
        if(SOCI_${_component}_FOUND AND NOT TARGET SOCI::${_component})
            add_library(SOCI::${_component} UNKNOWN IMPORTED)
            set_target_properties(SOCI::${_component} PROPERTIES
                IMPORTED_LOCATION "${SOCI_${_component}_LIBRARY}"
                INTERFACE_LINK_LIBRARIES "SOCI::core;${_soci_client_target_${_component}}")
        endif()
    endforeach()
endif()

mark_as_advanced(SOCI_INCLUDE_DIR SOCI_CORE_LIBRARY SOCI_sqlite3_LIBRARY
                 SOCI_postgresql_LIBRARY)
