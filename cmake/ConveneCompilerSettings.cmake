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

# CONVENE_FUZZ (preset `fuzz`, clang): every target of the project, libraries included, is
# compiled with libFuzzer's coverage instrumentation (fuzzer-no-link), ASan and UBSan, so the
# fuzzers get coverage feedback and memory checks from the code they exercise, not only from the
# harness. Everything links the ASan/UBSan runtimes (they also provide the coverage callbacks for
# binaries without libFuzzer); the fuzz harnesses add -fsanitize=fuzzer for libFuzzer's main
# (convene_add_fuzz_target in ConveneTesting.cmake). Set before any target is added.
if(CONVENE_FUZZ)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
        add_link_options(-fsanitize=address,undefined)
    else()
        message(WARNING "CONVENE_FUZZ needs clang (CMAKE_CXX_COMPILER=clang++); "
                        "${CMAKE_CXX_COMPILER_ID} builds only the corpus replay tests, uninstrumented.")
    endif()
endif()
