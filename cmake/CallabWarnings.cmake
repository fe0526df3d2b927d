# callab_set_warnings(target): the project's warning set, errors under CALLAB_WERROR and
# sanitizers under CALLAB_SANITIZE. Every callab target calls this.
function(callab_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wold-style-cast)
    if(CALLAB_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

if(CALLAB_SANITIZE)
    # vptr checks need the RTTI of every polymorphic class they see, and Debian's SOCI does
    # not export the typeinfo of its internal statement classes: the link would fail.
    add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
endif()
