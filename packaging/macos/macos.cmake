# macOS: the app bundle's Info.plist and a drag-and-drop DMG. Included by cmake/ConvenePackaging.cmake.
# Signing and notarisation happen after `cpack`; see packaging/README.md.
set(CONVENE_BUNDLE_ID "com.convene.desktop")
set_target_properties(convene PROPERTIES
    OUTPUT_NAME "Convene"
    MACOSX_BUNDLE_INFO_PLIST ${PROJECT_SOURCE_DIR}/packaging/macos/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER ${CONVENE_BUNDLE_ID}
    MACOSX_BUNDLE_BUNDLE_NAME "Convene"
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "Apache License 2.0")

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "Convene")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_FILE_NAME "Convene-${PROJECT_VERSION}")
