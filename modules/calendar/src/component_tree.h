#pragma once

#include "content_lines.h"

#include <convene/calendar/ics_limits.h>
#include <convene/core/result.h>

#include <QByteArray>

#include <vector>

namespace convene::calendar {

// A BEGIN … END block of content lines, with its nested blocks.
struct RawComponent {
    QByteArray name; // upper case: VCALENDAR, VEVENT, VALARM, …
    int begin = 0; // index of the BEGIN line
    int end = 0; // index of the END line
    std::vector<int> properties; // indices of the lines directly inside
    std::vector<RawComponent> children;
};

// The top-level components of a file (VCALENDAR objects; or the VEVENT of an event's source
// text). Every BEGIN has its END, nothing stands outside a top-level component, and the
// component, nesting and property limits hold.
Result<std::vector<RawComponent>> buildComponentTree(const std::vector<ContentLine>& lines, const IcsLimits& limits,
                                                     const QByteArray& topLevel = QByteArrayLiteral("VCALENDAR"));

// The component's lines, BEGIN to END, joined with CRLF (unfolded).
QByteArray componentText(const std::vector<ContentLine>& lines, const RawComponent& component);

} // namespace convene::calendar
