# Builds the browser app and turns it into a C++ source file (cmake -P, from ui-web/CMakeLists.txt):
#   1. `npm ci` when node_modules is missing or older than package-lock.json;
#   2. `npm run build` (vue-tsc type check, then vite build into OUT_DIR);
#   3. scripts/embed.mjs writes OUTPUT (rewritten only when the app changed).
# Inputs: SOURCE_DIR (ui-web/frontend), OUT_DIR, OUTPUT, NPM, NODE.
foreach(variable SOURCE_DIR OUT_DIR OUTPUT NPM NODE)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "build.cmake: ${variable} is not set")
    endif()
endforeach()

set(installed "${SOURCE_DIR}/node_modules/.package-lock.json")
if(NOT EXISTS "${installed}" OR "${SOURCE_DIR}/package-lock.json" IS_NEWER_THAN "${installed}")
    message(STATUS "frontend: npm ci")
    execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error
                    WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "frontend: npm ci failed (${result}); is the npm registry reachable?")
    endif()
    file(TOUCH "${installed}")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" -E env "CALLAB_FRONTEND_OUT=${OUT_DIR}"
                        "${NPM}" run --silent build -- --logLevel warn
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "frontend: the build failed (${result})")
endif()

execute_process(COMMAND "${NODE}" scripts/embed.mjs "${OUT_DIR}" "${OUTPUT}"
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "frontend: embedding the built files failed (${result})")
endif()
