# `cmake --build <build dir> --target clang-tidy`: the checks of /.clang-tidy over every source of
# modules/ and app/ in this build's compile_commands.json, through run-clang-tidy (Debian:
# clang-tidy / clang-tools). Generated sources (moc, QML type registrations, QML cache, rcc) live in
# the build directory and are left out; headers are reported for modules/ and app/ only. Run it
# after a build: sources include generated moc and QML type headers.
#
#   CONVENE_TIDY_FILES  regex on the source paths to check (default: all of modules/ and app/),
#                       e.g. -DCONVENE_TIDY_FILES='/modules/(core|store)/'
#   CONVENE_TIDY_JOBS   parallel clang-tidy processes (default 2)
#
# A few files by hand: run-clang-tidy -p <build dir> -quiet modules/core/src/settings.cpp

find_program(CONVENE_RUN_CLANG_TIDY NAMES run-clang-tidy run-clang-tidy-16 run-clang-tidy-15 run-clang-tidy-14)
find_program(CONVENE_CLANG_TIDY NAMES clang-tidy clang-tidy-16 clang-tidy-15 clang-tidy-14)

# The source directory as a regex (a checkout path may hold '.', '+' and the like).
string(REGEX REPLACE "([][.*+?^$(){}|\\\\])" "\\\\\\1" convene_source_regex "${PROJECT_SOURCE_DIR}")
set(CONVENE_TIDY_FILES "^${convene_source_regex}/(modules|app)/" CACHE STRING
    "Regex on the paths of the sources the clang-tidy target checks")
set(CONVENE_TIDY_JOBS 2 CACHE STRING "Parallel clang-tidy processes of the clang-tidy target")

if(CONVENE_RUN_CLANG_TIDY AND CONVENE_CLANG_TIDY)
    add_custom_target(clang-tidy
        COMMAND ${CONVENE_RUN_CLANG_TIDY}
            -p ${CMAKE_BINARY_DIR}
            -clang-tidy-binary ${CONVENE_CLANG_TIDY}
            -j ${CONVENE_TIDY_JOBS}
            -quiet
            -header-filter "^${convene_source_regex}/(modules|app)/"
            "${CONVENE_TIDY_FILES}"
        WORKING_DIRECTORY ${CMAKE_BINARY_DIR}
        COMMENT "clang-tidy over ${CONVENE_TIDY_FILES}"
        USES_TERMINAL
        VERBATIM)
else()
    add_custom_target(clang-tidy
        COMMAND ${CMAKE_COMMAND} -E echo "clang-tidy: run-clang-tidy and clang-tidy not found (apt install clang-tidy)"
        COMMAND ${CMAKE_COMMAND} -E false
        VERBATIM)
endif()
