#include "room_address.h"

#include <cstring>

namespace convene::xmpp {

namespace {

// XEP-0106 §3: the characters a local part cannot hold, and the backslash itself.
constexpr char16_t kEscaped[] = u" \"&'/:<>@\\";
constexpr char kBase32[] = "abcdefghijklmnopqrstuvwxyz234567";
constexpr qsizetype kMaxNodeBytes = 256; // well below RFC 7622's 1023, for every server

bool needsEscape(QChar c)
{
    return QStringView(kEscaped).contains(c);
}

bool isPlain(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' || c == u'.' || c == u'+' ||
           c == u'~' || c == u'!' || c == u'#' || c == u'$' || c == u'%' || c == u'(' || c == u')' || c == u'*' ||
           c == u',' || c == u';' || c == u'=' || c == u'?' || c == u'[' || c == u']' || c == u'^' || c == u'`' ||
           c == u'{' || c == u'|' || c == u'}';
}

QString base32(const QByteArray& bytes)
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(kBase32[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(kBase32[(buffer << (5 - bits)) & 31]);
    return out;
}

std::optional<QByteArray> fromBase32(QStringView text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        const char* at = std::strchr(kBase32, char(c.unicode() < 128 ? c.unicode() : 0));
        if (!at || c.unicode() == 0)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(at - kBase32);
        bits += 5;
        if (bits >= 8) {
            out += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    return out;
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    return -1;
}

} // namespace

QString roomNodeOfStream(const QString& stream)
{
    QString node;
    bool readable = !stream.isEmpty();
    for (const QChar c : stream) {
        if (needsEscape(c) && c != u' ')
            node += QStringLiteral("\\%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else if (isPlain(c))
            node += c;
        else
            readable = false;
    }
    if (readable && node.toUtf8().size() <= kMaxNodeBytes)
        return node;
    return QStringLiteral("b32-") + base32(stream.toUtf8());
}

std::optional<QString> streamOfRoomNode(const QString& node)
{
    if (node.startsWith(QLatin1String("b32-"))) {
        const std::optional<QByteArray> bytes = fromBase32(QStringView(node).mid(4));
        if (!bytes || bytes->isEmpty())
            return std::nullopt;
        const QString stream = QString::fromUtf8(*bytes);
        if (stream.toUtf8() != *bytes || roomNodeOfStream(stream) != node)
            return std::nullopt; // not the one encoding we would have written
        return stream;
    }
    QString stream;
    for (qsizetype i = 0; i < node.size(); ++i) {
        const QChar c = node.at(i);
        if (c == u'\\' && i + 2 < node.size()) {
            const int high = hexValue(node.at(i + 1)), low = hexValue(node.at(i + 2));
            const QChar decoded(char16_t(high * 16 + low));
            if (high < 0 || low < 0 || !needsEscape(decoded) || decoded == u' ')
                return std::nullopt;
            stream += decoded;
            i += 2;
        } else if (isPlain(c)) {
            stream += c;
        } else {
            return std::nullopt;
        }
    }
    if (stream.isEmpty() || roomNodeOfStream(stream) != node)
        return std::nullopt;
    return stream;
}

} // namespace convene::xmpp
