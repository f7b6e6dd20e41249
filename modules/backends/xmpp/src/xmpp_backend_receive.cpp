#include "xmpp_backend.h"

#include "entry_codec.h"
#include "jid.h"
#include "mam_query.h"
#include "room_config.h"
#include "xmpp_backend_support.h"

namespace convene::xmpp {

using namespace backend_support;

void XmppBackend::onStanza(const XmlElement& stanza)
{
    const QString from = stanza.attribute(u"from");
    if (stanza.name() == u"iq") {
        const QString type = stanza.attribute(u"type");
        if (type == u"get" || type == u"set")
            m_session->send(
                iq(QStringLiteral("error"), from)
                    .withAttribute(QStringLiteral("id"), stanza.attribute(u"id"))
                    .withChild(element(QStringLiteral("error"), ns::client)
                                   .withAttribute(QStringLiteral("type"), QStringLiteral("cancel"))
                                   .withChild(element(QStringLiteral("service-unavailable"), ns::stanzas))));
        return;
    }
    // Only rooms we know of; anything else naming a room is not a room speaking.
    const auto known = m_streamOfRoom.constFind(bareJidOf(from));
    MucRoom* room = known != m_streamOfRoom.cend() ? &m_rooms.at(*known) : nullptr;
    if (stanza.name() == u"presence") {
        if (room)
            onRoomPresence(*room, stanza);
        return;
    }
    if (stanza.name() != u"message")
        return;
    const XmlElement result = stanza.firstChild(u"result", ns::mam);
    if (!result.isNull()) {
        auto fetch = m_fetches.find(result.attribute(u"queryid"));
        if (fetch != m_fetches.end())
            if (std::optional<MamItem> item = mamItemOf(stanza, fetch.key(), fetch->roomJid))
                fetch->items << *item;
        return;
    }
    if (!stanza.firstChild(u"x", ns::directInvite).isNull())
        return onInvitation(stanza);
    if (room)
        onGroupchat(*room, stanza);
}

void XmppBackend::onGroupchat(MucRoom& room, const XmlElement& message)
{
    if (message.attribute(u"type") == u"error") {
        const QUuid id = QUuid::fromString(message.attribute(u"id"));
        if (room.sending && !room.outgoing.empty() && room.outgoing.front().clientId == id) {
            const QString condition = errorCondition(message);
            const bool permanent = condition != u"resource-constraint" && condition != u"internal-server-error" &&
                                   condition != u"remote-server-timeout";
            failFront(room,
                      makeError(permanent ? ErrorCode::Rejected : ErrorCode::Unavailable,
                                tr("The server refused the change (%1).").arg(condition)),
                      permanent);
        }
        return;
    }
    const XmlElement signal = message.firstChild(u"signal", ns::signal);
    if (!signal.isNull()) {
        if (m_sentSignals.remove(message.attribute(u"id")))
            return; // our own, back from the room
        // To everyone in the room, or a private message through it: the server routed that one
        // to us alone.
        const QString type = message.attribute(u"type");
        if (type != u"groupchat" && type != u"chat")
            return;
        const QString recipient = type == u"chat" ? m_bareJid : QString();
        const QString sender = room.occupants.value(resourceOf(message.attribute(u"from")));
        auto payload =
            QByteArray::fromBase64Encoding(signal.text().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (sender.isEmpty() || !payload || signal.attribute(u"kind").isEmpty())
            return;
        if (room.stream == kDirectoryStream && signal.attribute(u"kind") == kRoomCreatedKind) {
            const QString announced = QString::fromUtf8(payload.decoded);
            if (announced.size() > 200 || isMembersOnlyStream(announced) || announced == kDirectoryStream)
                return; // only open streams are announced, and only by name
            const MucRoom& created = roomOf(announced);
            if (created.presence == MucRoom::Presence::Absent)
                collectStreams({created.jid}, {});
            return;
        }
        emit ephemeralReceived({room.stream, signal.attribute(u"kind"), sender, payload.decoded, recipient});
        return;
    }
    std::optional<DecodedEntry> decoded = decodeEntry(message, room.stream, room.jid);
    if (!decoded)
        return onChatState(room, message);
    sync::RemoteEvent& event = decoded->event;
    event.author = room.occupants.value(decoded->nick);
    if (event.author.isEmpty())
        return; // nobody the room vouched for
    resolveCorrection(room, *decoded);
    rememberSeen(room, event.serverId);
    if (event.author == m_bareJid) {
        rememberOwn(room, event);
        if (room.sending && !room.outgoing.empty() && room.outgoing.front().clientId == event.clientId) {
            const sync::Ack ack = m_acks.value(event.clientId);
            finishFront(room);
            emit submitted(ack);
        }
    }
    emit eventsReceived({event});
}

// Another XMPP client typing (XEP-0085): for us, the same as our own typing signal.
void XmppBackend::onChatState(const MucRoom& room, const XmlElement& message)
{
    if (message.firstChild(u"composing", ns::chatStates).isNull())
        return;
    const QString nick = resourceOf(message.attribute(u"from"));
    const QString sender = room.occupants.value(nick);
    if (sender.isEmpty() || sender == m_bareJid || nick.isEmpty())
        return;
    emit ephemeralReceived({room.stream, QStringLiteral("typing"), sender, {}});
}

void XmppBackend::onInvitation(const XmlElement& message)
{
    const QString roomJid = bareJidOf(message.firstChild(u"x", ns::directInvite).attribute(u"jid"));
    const std::optional<QString> stream = streamOfRoom(roomJid);
    // Only direct conversations that name us and the sender; a channel is joined by choice, not
    // by invitation.
    const QStringList members = stream ? directMembers(*stream) : QStringList();
    if (!members.contains(m_bareJid) || !members.contains(bareJidOf(message.attribute(u"from"))))
        return;
    rememberPrivateRoom(roomJid);
    collectStreams({roomJid}, {});
}

} // namespace convene::xmpp
