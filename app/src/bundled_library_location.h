#pragma once

#include <QString>
#include <QStringList>

namespace convene {

// Where one of the app's own loadable libraries (convene_add_loadable_library: the call engine,
// the tray) may be, most specific first: the file `environmentVariable` names (tests, packagers),
// beside the app (the build tree, Windows), then where the app's package installs it. `name`
// without its suffix: "convene_tray".
QStringList bundledLibraryCandidates(const char* environmentVariable, const QString& name);

} // namespace convene
