#pragma once

// What the parts of XmppBackend, one file per job, share: stanza builders, the names of the
// directory stream and of private rooms, and how a stream id reads.

#include "xmpp_backend.h"
#include "xmpp_namespaces.h"

namespace convene::xmpp::backend_support {

inline const QString kPrivateRoomsNamespace = QStringLiteral("urn:convene:rooms:0");
inline const QString kDirectoryStream = QStringLiteral("directory");
inline const QString kRoomCreatedKind = QStringLiteral("room.created");
inline const QString kTypingKind = QStringLiteral("typing");

inline XmlElement element(const QString& name, QStringView ns)
{
    return XmlElement(name, ns.toString());
}

inline XmlElement iq(const QString& type, const QString& to)
{
    XmlElement stanza = element(QStringLiteral("iq"), ns::client).withAttribute(QStringLiteral("type"), type);
    return to.isEmpty() ? stanza : std::move(stanza).withAttribute(QStringLiteral("to"), to);
}

// "channel:design" -> "channel"; ids without a prefix ("directory") are their own kind.
inline QString kindOfStream(const QString& stream)
{
    const qsizetype colon = stream.indexOf(u':');
    return colon <= 0 ? stream : stream.left(colon);
}

inline QString nameOfStream(const QString& stream)
{
    const qsizetype colon = stream.indexOf(u':');
    return colon <= 0 ? stream : stream.mid(colon + 1);
}

// The members of a direct conversation, from its id: "dm:<jid>+<jid>…".
inline QStringList directMembers(const QString& stream)
{
    if (!stream.startsWith(QLatin1String("dm:")))
        return {};
    return stream.mid(3).split(u'+', Qt::SkipEmptyParts);
}

inline QString errorCondition(const XmlElement& stanza)
{
    const XmlElement error = stanza.firstChild(u"error", ns::client);
    for (const XmlElement& child : error.children())
        if (child.namespaceUri() == ns::stanzas && child.name() != u"text")
            return child.name();
    return QStringLiteral("undefined-condition");
}

inline Error unavailable()
{
    return makeError(ErrorCode::Unavailable, XmppBackend::tr("The server is not reachable."));
}

} // namespace convene::xmpp::backend_support
