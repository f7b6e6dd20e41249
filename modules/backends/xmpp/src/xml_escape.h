#pragma once

#include <QString>
#include <QStringView>

namespace convene::xmpp {

// Append `text` as XML character data / as the value of a single- or double-quoted attribute.
// Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE, U+FFFF)
// become U+FFFD: sent raw they would make the server close the whole stream.
void appendEscapedText(QString& out, QStringView text);
void appendEscapedAttribute(QString& out, QStringView value);

} // namespace convene::xmpp
