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
