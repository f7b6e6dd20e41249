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
# modules it imports (Debian's QML module packages do not depend on each other), the SVG image
# plugin for its icons, and a font with Chinese glyphs.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CONVENE_DEBIAN_RUNTIME_DEPENDS
    qml6-module-qtqml
    qml6-module-qtqml-models
    qml6-module-qtqml-workerscript
    qml6-module-qtquick
    qml6-module-qtquick-controls
    qml6-module-qtquick-dialogs
    qml6-module-qt-labs-folderlistmodel
    qml6-module-qtquick-layouts
    qml6-module-qtquick-templates
    qml6-module-qtquick-window
    qml6-module-qtmultimedia
    libqt6svg6
    fonts-noto-cjk)
list(JOIN CONVENE_DEBIAN_RUNTIME_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# Wayland sessions, Qt's own Chinese strings, colour emoji, opening links from other apps, and
# GStreamer's camera source (v4l2src) for Qt Multimedia.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "qt6-wayland, qt6-translations-l10n, fonts-noto-color-emoji, xdg-utils, gstreamer1.0-plugins-good")
