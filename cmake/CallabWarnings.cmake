# callab_set_warnings(target): the project's warning set, errors under CALLAB_WERROR and
# sanitizers under CALLAB_SANITIZE. Every callab target calls this.
function(callab_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wold-style-cast)
    if(CALLAB_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# Sanitizers and the fuzzing instrumentation go in as one list: CMake drops an option it has
# seen already, so a second "-fsanitize=...,undefined" would come after the only
# -fno-sanitize=vptr and turn the vptr check back on. vptr checks need the RTTI of every
# polymorphic class they see, and Debian's SOCI does not export the typeinfo of its internal
# statement classes: the link would fail.
if(CALLAB_SANITIZE OR CALLAB_FUZZ)
    set(callab_sanitizers address,undefined)
    if(CALLAB_FUZZ)
        # Every library is instrumented for coverage; only the fuzz targets link libFuzzer's
        # main (tests/fuzz).
        set(callab_sanitizers fuzzer-no-link,${callab_sanitizers})
    endif()
    add_compile_options(-fsanitize=${callab_sanitizers} -fno-sanitize=vptr
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
endif()
if(CALLAB_SANITIZE)
    add_compile_options(-fno-sanitize-recover=undefined)
endif()
