#pragma once

#include <QtGlobal>

namespace convene::calendar {

// What an .ics file may hold before it is refused as too large or too complex. Files come from
// anyone (mail attachments, web calendars), so every dimension that costs memory or time is bounded.
struct IcsLimits {
    qint64 maxFileBytes = 32 * 1024 * 1024;
    int maxLineBytes = 256 * 1024; // one unfolded content line
    int maxComponents = 100'000; // every BEGIN, nested ones included
    int maxNesting = 8;
    int maxPropertiesPerComponent = 2'000;
    int maxRecurrenceDates = 10'000; // RDATE and EXDATE values of one event
    int maxRecurrenceCount = 10'000; // COUNT of one RRULE
};

// What one expansion may do for one event.
struct ExpansionLimits {
    int maxOccurrencesPerEvent = 10'000;
    // Candidate times a rule may step through in one search (FREQ periods times INTERVAL): bounds
    // the work of sparse rules such as FREQ=MINUTELY;BYHOUR=9 over a long range.
    int maxScanSteps = 20'000;
};

} // namespace convene::calendar
