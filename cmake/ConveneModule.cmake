# The library block every module under modules/ repeats, in one place.
#
#   convene_add_module(<name>
#       [ALIAS <alias>]           default Convene::<Name> (first letter upper case: core -> Convene::Core);
#                                 required when <name> is not one plain word (backend_xmpp)
#       [PLUGIN <class name>]     a static Qt plugin (qt_add_plugin ... CLASS_NAME) instead of a
#                                 plain static library; the backends, found through the registry
#       [INCLUDE_DIRS <dir>...]   public include directories, default `include`
#       [NO_AUTOMOC]              for pure C++ modules (added before Qt is found)
#       SOURCES <file>...
#       [PUBLIC <library>...]     linked publicly
#       [PRIVATE <library>...])   linked privately, after Convene::Warnings
#
# Creates the static library convene_<name> and its alias, with AUTOMOC ON (unless NO_AUTOMOC).
# Anything else (compile features, private include directories, a QML module on the same
# target) is added to convene_<name> after the call, as usual.

function(convene_add_module name)
    cmake_parse_arguments(M "NO_AUTOMOC" "ALIAS;PLUGIN" "SOURCES;INCLUDE_DIRS;PUBLIC;PRIVATE" ${ARGN})
    if(M_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "convene_add_module(${name}): unknown arguments: ${M_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT M_SOURCES)
        message(FATAL_ERROR "convene_add_module(${name}): no SOURCES")
    endif()
    set(target convene_${name})

    if(NOT M_ALIAS)
        if(NOT name MATCHES "^[a-z][a-z0-9]*$")
            message(FATAL_ERROR "convene_add_module(${name}): give the alias name (ALIAS Convene::...)")
        endif()
        string(SUBSTRING "${name}" 0 1 first)
        string(SUBSTRING "${name}" 1 -1 rest)
        string(TOUPPER "${first}" first)
        set(M_ALIAS "Convene::${first}${rest}")
    endif()
    if(NOT M_INCLUDE_DIRS)
        set(M_INCLUDE_DIRS include)
    endif()

    if(M_PLUGIN)
        qt_add_plugin(${target} STATIC CLASS_NAME ${M_PLUGIN})
        target_sources(${target} PRIVATE ${M_SOURCES})
    else()
        add_library(${target} STATIC ${M_SOURCES})
    endif()
    add_library(${M_ALIAS} ALIAS ${target})
    target_include_directories(${target} PUBLIC ${M_INCLUDE_DIRS})
    target_link_libraries(${target} PUBLIC ${M_PUBLIC} PRIVATE Convene::Warnings ${M_PRIVATE})
    if(NOT M_NO_AUTOMOC)
        set_target_properties(${target} PROPERTIES AUTOMOC ON)
    endif()
endfunction()

# A part of the app in a library of its own, which the app loads when it first needs it (see
# app/src/bundled_library_location.h), so that what it links stays unloaded until then.
#
#   convene_add_loadable_library(<target> SOURCES <file>... [PRIVATE <library>...])
#
# The file is <target>.so (or .dll) everywhere. It is built beside the app (in the macOS bundle's
# PlugIns, so that macdeployqt and signing see it there) and installed where the app's
# CONVENE_LOADABLE_RELATIVE_DIR points: bin on Windows, lib[/<arch>]/convene on Linux. It exports
# only its entry points: hidden visibility, and no symbol of the static libraries in it.
include(GNUInstallDirs)
if(WIN32)
    set(CONVENE_LOADABLE_RELATIVE_DIR ".")
elseif(APPLE)
    set(CONVENE_LOADABLE_RELATIVE_DIR "../PlugIns")
else()
    file(RELATIVE_PATH CONVENE_LOADABLE_RELATIVE_DIR ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_LIBDIR}/convene)
endif()

function(convene_add_loadable_library target)
    cmake_parse_arguments(L "" "" "SOURCES;PRIVATE" ${ARGN})
    if(L_UNPARSED_ARGUMENTS OR NOT L_SOURCES)
        message(FATAL_ERROR "convene_add_loadable_library(${target}): SOURCES <file>... [PRIVATE <library>...]")
    endif()
    add_library(${target} MODULE ${L_SOURCES})
    target_link_libraries(${target} PRIVATE Convene::Warnings ${L_PRIVATE})
    if(APPLE)
        set(dir ${CMAKE_BINARY_DIR}/app/Convene.app/Contents/PlugIns)
    else()
        set(dir ${CMAKE_BINARY_DIR}/app)
    endif()
    set_target_properties(${target} PROPERTIES
        PREFIX ""
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        LIBRARY_OUTPUT_DIRECTORY ${dir}
        RUNTIME_OUTPUT_DIRECTORY ${dir})
    if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
        target_link_options(${target} PRIVATE LINKER:--exclude-libs,ALL)
    endif()
    if(WIN32)
        install(TARGETS ${target} LIBRARY DESTINATION bin)
    elseif(NOT APPLE)
        install(TARGETS ${target} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/convene)
    endif()
endfunction()
