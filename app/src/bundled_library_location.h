#pragma once

#include <QStringList>

namespace convene {

// Where the call engine may be, most specific first: the file CONVENE_CALL_ENGINE names (tests,
// packagers), beside the app (the build tree, Windows), then where the app's package installs it.
QStringList callEngineCandidates();

} // namespace convene
