#pragma once

#include <convene/calendar/calendar_time.h>

#include <QByteArray>

namespace convene::calendar {

// The source text of an override made from its master's (unfolded CRLF lines, see
// Event::sourceText): the master's lines without those that make a series (RRULE, RDATE, EXDATE,
// EXRULE), with RECURRENCE-ID after DTSTART. The writer then keeps what Convene does not model, and
// RECURRENCE-ID stands among the properties rather than after the VALARMs. Empty stays empty.
QByteArray overrideText(const QByteArray& masterText, const CalendarTime& recurrenceId);

} // namespace convene::calendar
