# Helpers that register tests, benchmarks and fuzz targets in one consistent way.
#
#   convene_add_catch_test(NAME SOURCES ... [LIBS ...] [LABELS unit] [QT])
#       A Catch2 test; QT gives it a QGuiApplication main (offscreen).
#   convene_add_scenario_test(NAME sources...)
#       A full-app scenario test on the convene_scenario harness (tests/ui/harness), offscreen,
#       label `ui`; screenshots go to <build>/test-screenshots; calls load the build's call engine.
#   convene_add_benchmark(NAME SOURCES ... [LIBS ...] [ARGS ...])
#       Not built by default; `cmake --build . --target bench` builds and runs all of them.
#   convene_add_fuzz_target(NAME SOURCES ... [LIBS ...] CORPUS dir)
#       With CONVENE_FUZZ=ON and clang: a libFuzzer binary (the libraries it links are
#       instrumented too, see ConveneCompilerSettings.cmake). Always: a replay test that feeds
#       the corpus plus deterministic mutations through the same entry point (label `fuzz`; it
#       stays in the default, unfiltered run). A crash, an input running over 10 s, a run over
#       300 s or memory over 4 GB fails it, naming the input (tests/common/fuzz_replay_main.cpp).

function(convene_add_catch_test name)
    cmake_parse_arguments(T "QT" "" "SOURCES;LIBS;LABELS;ARGS" ${ARGN})
    if(NOT T_LABELS)
        set(T_LABELS unit)
    endif()
    add_executable(${name} ${T_SOURCES})
    if(T_QT)
        target_link_libraries(${name} PRIVATE convene_catch_qt_main)
    else()
        target_link_libraries(${name} PRIVATE convene_catch_main)
    endif()
    target_link_libraries(${name} PRIVATE Catch2::Catch2 Convene::Warnings ${T_LIBS})
    target_compile_definitions(${name} PRIVATE CONVENE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_test(NAME ${name} COMMAND ${name} ${T_ARGS})
    set_tests_properties(${name} PROPERTIES
        LABELS "${T_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software")
endfunction()

function(convene_add_scenario_test name)
    add_executable(${name} ${ARGN})
    target_link_libraries(${name} PRIVATE convene_scenario Convene::Warnings)
    add_dependencies(${name} convene_call_engine)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        LABELS ui
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CONVENE_SCREENSHOT_DIR=${CMAKE_BINARY_DIR}/test-screenshots;CONVENE_CALL_ENGINE=$<TARGET_FILE:convene_call_engine>")
endfunction()

if(NOT TARGET bench)
    add_custom_target(bench COMMENT "Running benchmarks")
endif()

function(convene_add_benchmark name)
    cmake_parse_arguments(B "" "" "SOURCES;LIBS;ARGS" ${ARGN})
    add_executable(${name} EXCLUDE_FROM_ALL ${B_SOURCES})
    target_link_libraries(${name} PRIVATE Convene::Warnings ${B_LIBS})
    target_compile_definitions(${name} PRIVATE CONVENE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    add_custom_target(run-${name}
        COMMAND ${name} ${B_ARGS}
        DEPENDS ${name}
        WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
        USES_TERMINAL)
    add_dependencies(bench run-${name})
endfunction()

function(convene_add_fuzz_target name)
    cmake_parse_arguments(F "" "CORPUS" "SOURCES;LIBS" ${ARGN})
    add_executable(${name}-replay ${F_SOURCES} ${PROJECT_SOURCE_DIR}/tests/common/fuzz_replay_main.cpp)
    target_link_libraries(${name}-replay PRIVATE Convene::Warnings ${F_LIBS})
    target_include_directories(${name}-replay PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
    add_test(NAME ${name}-replay COMMAND ${name}-replay ${F_CORPUS})
    # The replay stops itself after 300 s, naming the input it was on; this is the backstop.
    set_tests_properties(${name}-replay PROPERTIES LABELS fuzz TIMEOUT 360)
    if(CONVENE_FUZZ AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        add_executable(${name} ${F_SOURCES})
        target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
        target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
        target_link_libraries(${name} PRIVATE ${F_LIBS})
        target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
    endif()
endfunction()
