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
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
