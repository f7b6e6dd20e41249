#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace convene::calendar {

// Joins folded lines (CRLF followed by a space or tab) back into one.
QByteArray unfold(QByteArrayView text);

// Folds one content line (no line break) into CRLF-terminated lines of at most 75 octets,
// never inside a UTF-8 sequence (RFC 5545 3.1).
void appendFolded(QByteArray& out, QByteArrayView line);

// Folds every line of CRLF-separated unfolded text.
QByteArray foldLines(QByteArrayView text);

} // namespace convene::calendar
