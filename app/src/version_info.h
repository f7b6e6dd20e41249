#pragma once

#include <QVariantList>

namespace convene {

// Versions of Convene and the libraries it runs on, as {name, version} maps for the About box.
// `callEngineComponents`: the call engine's libraries, one "name version" per line.
QVariantList componentVersions(const QString& callEngineComponents);

} // namespace convene
