#pragma once

#include <QVariantList>

namespace convene {

// Versions of Convene and the libraries it runs on, as {name, version} maps for the About box.
QVariantList componentVersions();

} // namespace convene
