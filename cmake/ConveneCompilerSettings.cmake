# Compiler cache and warnings shared by every target of the project.
find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    # Paths relative to the checkout, so that a fresh clone elsewhere (CI) hits the same cache.
    set(CMAKE_CXX_COMPILER_LAUNCHER
        "${CMAKE_COMMAND}" -E env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}" CCACHE_NOHASHDIR=true "${CCACHE_PROGRAM}")
endif()

add_library(convene_warnings INTERFACE)
add_library(Convene::Warnings ALIAS convene_warnings)
if(MSVC)
    target_compile_options(convene_warnings INTERFACE /W4 /permissive-)
else()
    target_compile_options(convene_warnings INTERFACE -Wall -Wextra -Wpedantic)
endif()
