# Linux: the files a DEB installs and its Debian metadata. Included by cmake/ConvenePackaging.cmake.
include(GNUInstallDirs)

install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/convene RENAME copyright)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/linux/policy.conf.example DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/convene)

set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${PROJECT_DESCRIPTION}
 Convene is a native desktop client for team chat, calendars, collaborative
 documents and video calls. Every view reads from a local cache, so it opens at
 once, keeps working offline and searches everything locally, in Chinese as
 well as English. Organisations can preset and lock settings in
 /etc/xdg/Convene/policy.conf.")
# Shared libraries are found by dpkg-shlibdeps. What the app loads at run time is not: the QML
# modules it loads (Debian's QML module packages do not depend on each other; the list is made
# from the QML's imports by tools/qml-runtime-packages.py), the SVG image plugin for its icons,
# a font with Chinese glyphs, and libnice, which calls load when the first one starts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(convene_qml_runtime_list ${PROJECT_SOURCE_DIR}/packaging/qml-runtime-packages.txt)
file(STRINGS ${convene_qml_runtime_list} CONVENE_DEBIAN_RUNTIME_DEPENDS REGEX "^[a-z0-9]")
if(NOT CONVENE_DEBIAN_RUNTIME_DEPENDS)
    message(FATAL_ERROR "${convene_qml_runtime_list} names no package; run tools/qml-runtime-packages.py --write")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${convene_qml_runtime_list})
list(APPEND CONVENE_DEBIAN_RUNTIME_DEPENDS libqt6svg6 fonts-noto-cjk libnice10)
list(JOIN CONVENE_DEBIAN_RUNTIME_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# Wayland sessions, Qt's own Chinese strings, colour emoji, opening links from other apps, and
# GStreamer's camera source (v4l2src) for Qt Multimedia.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "qt6-wayland, qt6-translations-l10n, fonts-noto-color-emoji, xdg-utils, gstreamer1.0-plugins-good")
