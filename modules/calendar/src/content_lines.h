#pragma once

#include <convene/calendar/ics_limits.h>
#include <convene/core/result.h>

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace convene::calendar {

// One content line of an .ics file, unfolded: NAME *(;PARAM=VALUE) : VALUE.
struct ContentLine {
    QByteArray text; // without the line break
    QByteArray name; // upper case
    int lineNumber = 0; // 1-based line of the file where it starts
    int valueStart = 0; // index of the value in text, after the ':'

    QByteArrayView value() const { return QByteArrayView(text).sliced(valueStart); }
};

// Splits the file into unfolded content lines (CRLF, LF or CR line breaks; a line starting with a
// space or tab continues the previous one) and checks each: UTF-8, no control characters, a
// property name, well-formed parameters, a ':' before the value, within the limits.
Result<std::vector<ContentLine>> splitContentLines(const QByteArray& bytes, const IcsLimits& limits);

} // namespace convene::calendar
