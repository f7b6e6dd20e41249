# `cmake --build <dir> --target format` formats every C++ file of the tree with .clang-format.
find_program(CONVENE_CLANG_FORMAT NAMES clang-format clang-format-14)
if(CONVENE_CLANG_FORMAT)
    file(GLOB_RECURSE convene_format_files CONFIGURE_DEPENDS
        ${PROJECT_SOURCE_DIR}/app/*.cpp ${PROJECT_SOURCE_DIR}/app/*.h
        ${PROJECT_SOURCE_DIR}/modules/*.cpp ${PROJECT_SOURCE_DIR}/modules/*.h
        ${PROJECT_SOURCE_DIR}/tests/*.cpp ${PROJECT_SOURCE_DIR}/tests/*.h)
    add_custom_target(format
        COMMAND ${CONVENE_CLANG_FORMAT} -i --style=file ${convene_format_files}
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        COMMENT "Formatting the C++ sources"
        VERBATIM)
endif()
