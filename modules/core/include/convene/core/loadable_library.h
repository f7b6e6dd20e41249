#pragma once

#include "convene/core/result.h"

#include <QLibrary>
#include <QStringList>

#include <initializer_list>

namespace convene {

// Loads into `library` the first of `candidates` that exists, loads and has every one of
// `symbols`. Otherwise the error says why, for the log: the loader's reason, or where it looked.
Result<void> loadFirstLibrary(QLibrary& library, const QStringList& candidates,
                              std::initializer_list<const char*> symbols);

} // namespace convene
