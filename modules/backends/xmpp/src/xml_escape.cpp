#include "xml_escape.h"

namespace convene::xmpp {
namespace {

bool isXmlCharacter(char16_t unit)
{
    return unit == 0x9 || unit == 0xA || unit == 0xD || (unit >= 0x20 && unit <= 0xD7FF) ||
           (unit >= 0xE000 && unit <= 0xFFFD);
}

void appendEscaped(QString& out, QStringView in, bool attribute)
{
    out.reserve(out.size() + in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char16_t unit = in[i].unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < in.size() && in[i + 1].isLowSurrogate()) {
            out.append(in.mid(i, 2));
            ++i;
            continue;
        }
        switch (unit) {
        case u'&': out += u"&amp;"; continue;
        case u'<': out += u"&lt;"; continue;
        case u'>': // also keeps "]]>" out of character data
            out += u"&gt;";
            continue;
        case u'\r': // a parser would turn a raw CR into LF
            out += u"&#13;";
            continue;
        default: break;
        }
        if (attribute) {
            switch (unit) {
            case u'"': out += u"&quot;"; continue;
            case u'\'': out += u"&apos;"; continue;
            case u'\t': // raw whitespace in attributes is normalised to spaces by parsers
                out += u"&#9;";
                continue;
            case u'\n': out += u"&#10;"; continue;
            default: break;
            }
        }
        out += isXmlCharacter(unit) ? QChar(unit) : QChar(QChar::ReplacementCharacter);
    }
}

} // namespace

void appendEscapedText(QString& out, QStringView text)
{
    appendEscaped(out, text, false);
}

void appendEscapedAttribute(QString& out, QStringView value)
{
    appendEscaped(out, value, true);
}

} // namespace convene::xmpp
