# Packaging: what gets installed, and CPack for a DEB (Linux) and a DragNDrop DMG (macOS).
# The Windows MSI is built from packaging/windows/convene.wxs by packaging/windows/build-msi.sh.
# IT documentation: packaging/README.md.

# Group Policy templates and the README policy table come from the one key list in core.
add_subdirectory(${PROJECT_SOURCE_DIR}/tools/policy-templates ${CMAKE_BINARY_DIR}/tools/policy-templates)

set(CPACK_PACKAGE_NAME "convene")
set(CPACK_PACKAGE_VENDOR "Convene")
set(CPACK_PACKAGE_CONTACT "Convene <packages@convene.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)

if(APPLE)
    include(${PROJECT_SOURCE_DIR}/packaging/macos/macos.cmake)
elseif(UNIX)
    include(${PROJECT_SOURCE_DIR}/packaging/linux/linux.cmake)
endif()

include(CPack)
