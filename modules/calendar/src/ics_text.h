#pragma once

#include <convene/core/result.h>

#include <QCoreApplication> // Q_DECLARE_TR_FUNCTIONS, for the files that translate messages
#include <QString>

namespace convene::calendar {

// Every message about .ics files and recurrence is translated in the context
// "convene::calendar::Ics"; each source file declares its own
//   struct Text { Q_DECLARE_TR_FUNCTIONS(convene::calendar::Ics) };
// so that lupdate finds the context wherever Text::tr() is called.

// "Line 12: …": a problem at a line of the file (1-based; the first line of a folded line).
Error lineError(int line, const QString& problem);

} // namespace convene::calendar
