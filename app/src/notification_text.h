#pragma once

#include <QString>

namespace convene {

// A notification's body as the platform shows it. Freedesktop notification servers read the
// body as markup (and may load <img> sources), so others' text is escaped there; elsewhere it
// is shown as it is.
inline QString notificationBody(const QString& text)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    return text.toHtmlEscaped();
#else
    return text;
#endif
}

} // namespace convene
