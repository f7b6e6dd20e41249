#include "entry_codec.h"

#include "jid.h"
#include "xmpp_namespaces.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace convene::xmpp {

namespace {

constexpr qsizetype kMaxKindLength = 64;
constexpr qsizetype kMaxIdLength = 256;

QString text(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes);
}

bool isPlainToken(const QString& value, qsizetype maxLength)
{
    if (value.isEmpty() || value.size() > maxLength)
        return false;
    for (const QChar c : value)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    return true;
}

} // namespace

XmlElement entryMessage(const sync::Mutation& m, const QString& roomJid, const QString& ref)
{
    XmlElement message = XmlElement(QStringLiteral("message"), ns::client.toString())
                             .withAttribute(QStringLiteral("type"), QStringLiteral("groupchat"))
                             .withAttribute(QStringLiteral("to"), roomJid)
                             .withAttribute(QStringLiteral("id"), m.clientId.toString(QUuid::WithoutBraces));
    const bool chat = m.kind == u"message" && !m.body.isEmpty();
    if (chat)
        message = std::move(message).withChild(
            XmlElement(QStringLiteral("body"), ns::client.toString()).withText(m.body));
    else
        message = std::move(message).withChild(XmlElement(QStringLiteral("store"), ns::hints.toString()));
    message = std::move(message).withChild(
        XmlElement(QStringLiteral("origin-id"), ns::sid.toString())
            .withAttribute(QStringLiteral("id"), m.clientId.toString(QUuid::WithoutBraces)));
    if (!ref.isEmpty() && m.kind == u"message")
        message = std::move(message).withChild(XmlElement(QStringLiteral("reply"), ns::reply.toString())
                                                   .withAttribute(QStringLiteral("to"), roomJid)
                                                   .withAttribute(QStringLiteral("id"), ref));
    XmlElement entry = XmlElement(QStringLiteral("entry"), ns::entry.toString())
                           .withAttribute(QStringLiteral("kind"), m.kind)
                           .withAttribute(QStringLiteral("created"), QString::number(m.createdAt))
                           .withText(text(m.payload.toBase64()));
    if (!ref.isEmpty())
        entry = std::move(entry).withAttribute(QStringLiteral("ref"), ref);
    if (!m.body.isEmpty() && !chat)
        entry = std::move(entry).withChild(XmlElement(QStringLiteral("text"), ns::entry.toString()).withText(m.body));
    return std::move(message).withChild(std::move(entry));
}

std::optional<DecodedEntry> decodeEntry(const XmlElement& message, const QString& stream, const QString& roomJid,
                                        const std::optional<ArchiveEnvelope>& archive)
{
    if (message.name() != u"message" || message.attribute(u"type") != u"groupchat")
        return std::nullopt;
    const QString from = message.attribute(u"from");
    if (bareJidOf(from) != roomJid || resourceOf(from).isEmpty())
        return std::nullopt; // the room itself speaking (subjects, notices)

    // The room's own stanza-id; any other one the sender put in proves nothing.
    QString serverId = archive ? archive->id : QString();
    if (!archive)
        for (const XmlElement& id : message.children(u"stanza-id", ns::sid))
            if (id.attribute(u"by") == roomJid)
                serverId = id.attribute(u"id");
    if (!isPlainToken(serverId, kMaxIdLength))
        return std::nullopt;

    DecodedEntry decoded;
    decoded.nick = resourceOf(from);
    if (archive) {
        // The room appends its record of the author after anything the sender wrote, so the
        // last one is the room's.
        const QList<XmlElement> records = message.children(u"x", ns::mucUser);
        if (!records.isEmpty())
            decoded.realJid = bareJidOf(records.constLast().firstChild(u"item", ns::mucUser).attribute(u"jid"));
    }
    sync::RemoteEvent& e = decoded.event;
    e.stream = stream;
    e.serverId = serverId;
    e.cursor = serverId; // MAM pages before and after archive ids, which are the stanza-ids
    e.clientId = QUuid::fromString(message.firstChild(u"origin-id", ns::sid).attribute(u"id"));
    e.serverTime = archive ? archive->time : QDateTime::currentMSecsSinceEpoch();

    const QString body = message.firstChild(u"body", ns::client).text();
    const XmlElement entry = message.firstChild(u"entry", ns::entry);
    if (entry.isNull()) {
        // Another XMPP client's message: its text is all there is.
        if (body.isEmpty())
            return std::nullopt;
        e.kind = QStringLiteral("message");
        e.body = body;
        e.payload = QJsonDocument(QJsonObject{{QStringLiteral("text"), body}}).toJson(QJsonDocument::Compact);
        const XmlElement reply = message.firstChild(u"reply", ns::reply);
        if (!reply.isNull() && isPlainToken(reply.attribute(u"id"), kMaxIdLength))
            e.ref = reply.attribute(u"id");
        return decoded;
    }
    e.kind = entry.attribute(u"kind");
    if (!isPlainToken(e.kind, kMaxKindLength))
        return std::nullopt;
    auto payload = QByteArray::fromBase64Encoding(entry.text().trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!payload || payload.decoded.size() > kMaxEntryPayloadBytes)
        return std::nullopt;
    e.payload = std::move(payload.decoded);
    const QString ref = entry.attribute(u"ref");
    if (!ref.isEmpty()) {
        if (!isPlainToken(ref, kMaxIdLength))
            return std::nullopt;
        e.ref = ref;
    }
    e.body = e.kind == u"message" ? body : entry.firstChild(u"text", ns::entry).text();
    return decoded;
}

} // namespace convene::xmpp
