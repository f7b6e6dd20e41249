#pragma once

#include "app_options.h"

#include <convene/core/result.h>

#include <QStringList>

namespace convene {

// Parses and validates the command line. --help and --version are reported through `exitText`
// so that main() prints them and exits without starting the UI.
struct ParsedCommandLine {
    AppOptions options;
    QString exitText;
};

Result<ParsedCommandLine> parseCommandLine(const QStringList& arguments);

QStringList availableViews();
QStringList availableLanguages();

} // namespace convene
