#include "entry_codec.h"

#include "jid.h"
#include "xmpp_namespaces.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace convene::xmpp {

namespace {

constexpr qsizetype kMaxKindLength = 64;
constexpr qsizetype kMaxIdLength = 256;
constexpr qsizetype kMaxReactions = 50;
constexpr qsizetype kMaxReactionLength = 32;

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

// XEP-0444 names the sender's whole set of reactions; nullopt when the payload names none.
std::optional<XmlElement> reactionsElement(const QByteArray& payload, const QString& ref)
{
    const QJsonObject object = QJsonDocument::fromJson(payload).object();
    QStringList emojis;
    if (object.value(QStringLiteral("set")).isArray()) {
        for (const QJsonValue v : object.value(QStringLiteral("set")).toArray())
            emojis << v.toString();
    } else if (object.value(QStringLiteral("emoji")).isString()) {
        if (object.value(QStringLiteral("on")).toBool(true))
            emojis << object.value(QStringLiteral("emoji")).toString();
    } else {
        return std::nullopt;
    }
    XmlElement reactions =
        XmlElement(QStringLiteral("reactions"), ns::reactions.toString()).withAttribute(QStringLiteral("id"), ref);
    for (const QString& emoji : std::as_const(emojis))
        if (!emoji.isEmpty() && emoji.size() <= kMaxReactionLength)
            reactions = std::move(reactions).withChild(
                XmlElement(QStringLiteral("reaction"), ns::reactions.toString()).withText(emoji));
    return reactions;
}

// What other XMPP clients understand of an entry: a chat message's body and reply (XEP-0461),
// a correction (XEP-0308, which names the original by its sender's message id), a retraction
// (XEP-0424) and reactions (XEP-0444), which name it by the room's stanza-id.
QList<XmlElement> standardElements(const sync::Mutation& m, const QString& roomJid, const QString& ref)
{
    const auto body = [](const QString& text) {
        return XmlElement(QStringLiteral("body"), ns::client.toString()).withText(text);
    };
    QList<XmlElement> out;
    if (m.kind == u"message" && !m.body.isEmpty()) {
        out << body(m.body) << XmlElement(QStringLiteral("active"), ns::chatStates.toString());
        if (!ref.isEmpty())
            out << XmlElement(QStringLiteral("reply"), ns::reply.toString())
                       .withAttribute(QStringLiteral("to"), roomJid)
                       .withAttribute(QStringLiteral("id"), ref);
    } else if (m.kind == u"message.edit" && !m.body.isEmpty() && !m.refClientId.isNull()) {
        out << body(m.body)
            << XmlElement(QStringLiteral("replace"), ns::correction.toString())
                   .withAttribute(QStringLiteral("id"), m.refClientId.toString(QUuid::WithoutBraces));
    } else if (m.kind == u"message.delete" && !ref.isEmpty()) {
        out << body(QStringLiteral("This message was deleted."))
            << XmlElement(QStringLiteral("retract"), ns::retraction.toString()).withAttribute(QStringLiteral("id"), ref)
            << XmlElement(QStringLiteral("fallback"), ns::fallback.toString())
                   .withAttribute(QStringLiteral("for"), ns::retraction.toString());
    } else if (m.kind == u"reaction" && !ref.isEmpty()) {
        if (std::optional<XmlElement> reactions = reactionsElement(m.payload, ref))
            out << *reactions;
    }
    return out;
}

// Another XMPP client's message, without our payload: a retraction, reactions, a correction or
// a chat message of its body.
std::optional<DecodedEntry> decodeForeign(const XmlElement& message, DecodedEntry decoded)
{
    sync::RemoteEvent& e = decoded.event;
    const XmlElement retract = message.firstChild(u"retract", ns::retraction);
    const XmlElement reactions = message.firstChild(u"reactions", ns::reactions);
    if (!retract.isNull()) {
        if (!isPlainToken(retract.attribute(u"id"), kMaxIdLength))
            return std::nullopt;
        e.kind = QStringLiteral("message.delete");
        e.ref = retract.attribute(u"id");
        return decoded;
    }
    if (!reactions.isNull()) {
        const QList<XmlElement> chosen = reactions.children(u"reaction", ns::reactions);
        if (!isPlainToken(reactions.attribute(u"id"), kMaxIdLength) || chosen.size() > kMaxReactions)
            return std::nullopt;
        QJsonArray set;
        for (const XmlElement& reaction : chosen)
            if (const QString emoji = reaction.text().trimmed(); !emoji.isEmpty() && emoji.size() <= kMaxReactionLength)
                set.append(emoji);
        e.kind = QStringLiteral("reaction");
        e.ref = reactions.attribute(u"id");
        e.payload = QJsonDocument(QJsonObject{{QStringLiteral("set"), set}}).toJson(QJsonDocument::Compact);
        return decoded;
    }
    const QString body = message.firstChild(u"body", ns::client).text();
    if (body.isEmpty())
        return std::nullopt;
    e.body = body;
    e.payload = QJsonDocument(QJsonObject{{QStringLiteral("text"), body}}).toJson(QJsonDocument::Compact);
    const XmlElement replace = message.firstChild(u"replace", ns::correction);
    if (!replace.isNull() && isPlainToken(replace.attribute(u"id"), kMaxIdLength)) {
        e.kind = QStringLiteral("message.edit"); // its ref is the caller's to find
        decoded.corrects = replace.attribute(u"id");
        return decoded;
    }
    e.kind = QStringLiteral("message");
    const XmlElement reply = message.firstChild(u"reply", ns::reply);
    if (!reply.isNull() && isPlainToken(reply.attribute(u"id"), kMaxIdLength))
        e.ref = reply.attribute(u"id");
    return decoded;
}

// The account the room recorded as an archived message's author: the one every muc#user record
// in it names, or nobody when they disagree. Prosody appends the room's record after anything
// the sender wrote; ejabberd puts it first and drops the sender's records it can parse, but
// keeps malformed ones (an item with an unknown affiliation), so neither first nor last is
// proof. A sender who adds a record naming someone else only loses their own entry.
QString archivedAuthor(const XmlElement& message)
{
    QString author;
    for (const XmlElement& record : message.children(u"x", ns::mucUser))
        for (const XmlElement& item : record.children(u"item", ns::mucUser)) {
            const QString named = bareJidOf(item.attribute(u"jid"));
            if (named.isEmpty())
                continue;
            if (!author.isEmpty() && named != author)
                return {};
            author = named;
        }
    return author;
}

} // namespace

XmlElement entryMessage(const sync::Mutation& m, const QString& roomJid, const QString& ref)
{
    const QString id = m.clientId.toString(QUuid::WithoutBraces);
    XmlElement message = XmlElement(QStringLiteral("message"), ns::client.toString())
                             .withAttribute(QStringLiteral("type"), QStringLiteral("groupchat"))
                             .withAttribute(QStringLiteral("to"), roomJid)
                             .withAttribute(QStringLiteral("id"), id);
    const QList<XmlElement> standard = standardElements(m, roomJid, ref);
    const bool hasBody =
        std::any_of(standard.cbegin(), standard.cend(), [](const XmlElement& e) { return e.name() == u"body"; });
    for (const XmlElement& e : standard)
        message = std::move(message).withChild(e);
    if (!hasBody)
        message = std::move(message).withChild(XmlElement(QStringLiteral("store"), ns::hints.toString()));
    message = std::move(message).withChild(
        XmlElement(QStringLiteral("origin-id"), ns::sid.toString()).withAttribute(QStringLiteral("id"), id));
    XmlElement entry = XmlElement(QStringLiteral("entry"), ns::entry.toString())
                           .withAttribute(QStringLiteral("kind"), m.kind)
                           .withAttribute(QStringLiteral("created"), QString::number(m.createdAt))
                           .withText(text(m.payload.toBase64()));
    if (!ref.isEmpty())
        entry = std::move(entry).withAttribute(QStringLiteral("ref"), ref);
    if (!m.body.isEmpty() && m.kind != u"message")
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
    if (const QString id = message.attribute(u"id"); isPlainToken(id, kMaxIdLength))
        decoded.messageId = id;
    if (archive) {
        decoded.realJid = archivedAuthor(message);
    }
    sync::RemoteEvent& e = decoded.event;
    e.stream = stream;
    e.serverId = serverId;
    e.cursor = serverId; // MAM pages before and after archive ids, which are the stanza-ids
    e.clientId = QUuid::fromString(message.firstChild(u"origin-id", ns::sid).attribute(u"id"));
    e.serverTime = archive ? archive->time : QDateTime::currentMSecsSinceEpoch();

    const QString body = message.firstChild(u"body", ns::client).text();
    const XmlElement entry = message.firstChild(u"entry", ns::entry);
    if (entry.isNull())
        return decodeForeign(message, std::move(decoded));
    e.kind = entry.attribute(u"kind");
    if (!isPlainToken(e.kind, kMaxKindLength))
        return std::nullopt;
    auto payload =
        QByteArray::fromBase64Encoding(entry.text().trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
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
