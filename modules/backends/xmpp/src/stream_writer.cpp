#include "stream_writer.h"

#include "xml_escape.h"

namespace convene::xmpp {
namespace {

void appendAttribute(QString& out, QStringView name, QStringView value)
{
    if (value.isEmpty())
        return;
    out += u' ';
    out += name;
    out += u"='";
    appendEscapedAttribute(out, value);
    out += u'\'';
}

} // namespace

QByteArray streamOpening(const StreamHeader& header)
{
    QString out = QStringLiteral("<?xml version='1.0'?><stream:stream");
    appendAttribute(out, u"xmlns", header.contentNamespace);
    appendAttribute(out, u"xmlns:stream", ns::stream);
    appendAttribute(out, u"to", header.to);
    appendAttribute(out, u"from", header.from);
    appendAttribute(out, u"version", u"1.0");
    appendAttribute(out, u"xml:lang", header.lang);
    out += u'>';
    return out.toUtf8();
}

QByteArray streamClosing()
{
    return QByteArrayLiteral("</stream:stream>");
}

QByteArray stanzaBytes(const XmlElement& stanza, QStringView contentNamespace)
{
    return stanza.toXml(contentNamespace).toUtf8();
}

} // namespace convene::xmpp
