#include "xmpp_backend.h"

#include "jid.h"
#include "mam_query.h"
#include "room_address.h"
#include "room_config.h"
#include "xmpp_backend_support.h"

#include <QRandomGenerator>

namespace convene::xmpp {

using namespace backend_support;

MucRoom& XmppBackend::roomOf(const QString& stream)
{
    auto it = m_rooms.find(stream);
    if (it != m_rooms.end())
        return it->second;
    MucRoom room;
    room.stream = stream;
    room.jid = roomNodeOfStream(stream) + u'@' + m_mucService;
    room.nick = m_bareJid;
    m_streamOfRoom.insert(room.jid, stream);
    return m_rooms.emplace(stream, std::move(room)).first->second;
}

std::optional<QString> XmppBackend::streamOfRoom(const QString& roomJid) const
{
    const auto stream = m_streamOfRoom.constFind(roomJid);
    if (stream != m_streamOfRoom.cend())
        return *stream;
    const qsizetype at = roomJid.indexOf(u'@');
    if (at <= 0 || roomJid.mid(at + 1) != m_mucService)
        return std::nullopt;
    return streamOfRoomNode(roomJid.left(at));
}

MucRoom* XmppBackend::roomAt(const QString& roomJid)
{
    const std::optional<QString> stream = streamOfRoom(roomJid);
    return stream ? &roomOf(*stream) : nullptr;
}

void XmppBackend::join(MucRoom& room, std::function<void(const Result<void>&)> done)
{
    if (room.presence == MucRoom::Presence::Joined)
        return done(Result<void>());
    room.whenJoined << std::move(done);
    if (room.presence == MucRoom::Presence::Joining)
        return;
    room.presence = MucRoom::Presence::Joining;
    // No history on joining: what we miss is fetched from the archive, in pages.
    m_session->send(
        element(QStringLiteral("presence"), ns::client)
            .withAttribute(QStringLiteral("to"), room.jid + u'/' + room.nick)
            .withChild(element(QStringLiteral("x"), ns::muc)
                           .withChild(element(QStringLiteral("history"), ns::muc)
                                          .withAttribute(QStringLiteral("maxstanzas"), QStringLiteral("0")))));
}

void XmppBackend::finishJoin(MucRoom& room, const Result<void>& result)
{
    room.presence = result ? MucRoom::Presence::Joined : MucRoom::Presence::Absent;
    const auto waiting = std::move(room.whenJoined);
    room.whenJoined.clear();
    for (const auto& done : waiting)
        done(result);
}

void XmppBackend::onRoomPresence(MucRoom& room, const XmlElement& presence)
{
    const QString nick = resourceOf(presence.attribute(u"from"));
    if (presence.attribute(u"type") == u"error") {
        if (room.presence != MucRoom::Presence::Joining)
            return;
        const QString condition = errorCondition(presence);
        if (condition == u"conflict" && room.joinAttempts++ < 3) {
            // Someone sits on our nick: take one that is ours alone.
            room.nick = m_bareJid + u'#' + QString::number(QRandomGenerator::global()->generate() % 10000);
            room.presence = MucRoom::Presence::Absent;
            auto waiting = std::move(room.whenJoined);
            room.whenJoined.clear();
            for (auto& done : waiting)
                join(room, std::move(done));
            return;
        }
        const bool closed =
            condition == u"forbidden" || condition == u"registration-required" || condition == u"not-authorized";
        finishJoin(room, makeError(closed ? ErrorCode::PermissionDenied : ErrorCode::Unavailable,
                                   closed ? tr("You are not a member of this conversation.")
                                          : tr("The conversation cannot be entered (%1).").arg(condition)));
        return;
    }
    const XmlElement x = presence.firstChild(u"x", ns::mucUser);
    const QString realJid = bareJidOf(x.firstChild(u"item", ns::mucUser).attribute(u"jid"));
    if (presence.attribute(u"type") == u"unavailable")
        room.occupants.remove(nick);
    else if (!realJid.isEmpty())
        room.occupants.insert(nick, realJid);

    QSet<QString> codes;
    for (const XmlElement& status : x.children(u"status", ns::mucUser))
        codes.insert(status.attribute(u"code"));
    if (!codes.contains(QStringLiteral("110")) || room.presence != MucRoom::Presence::Joining)
        return; // someone else, or our own later presence
    room.nick = nick;
    if (codes.contains(QStringLiteral("201")))
        return configureNewRoom(room);
    finishJoin(room, Result<void>());
}

// We created the room: it stays locked until configured (XEP-0045 §10.1).
void XmppBackend::configureNewRoom(MucRoom& room)
{
    const QString stream = room.stream;
    m_session->sendIq(iq(QStringLiteral("get"), room.jid).withChild(element(QStringLiteral("query"), ns::mucOwner)),
                      [this, stream, alive = m_alive](const IqResult& form) {
                          if (!*alive)
                              return;
                          MucRoom& room = roomOf(stream);
                          if (!form.ok())
                              return finishJoin(room, *form.error);
                          QSet<QString> offered;
                          for (const XmlElement& field : form.stanza.firstChild(u"query", ns::mucOwner)
                                                             .firstChild(u"x", ns::dataForms)
                                                             .children(u"field", ns::dataForms))
                              offered.insert(field.attribute(u"var"));
                          submitRoomConfiguration(room, offered);
                      });
}

void XmppBackend::submitRoomConfiguration(MucRoom& room, const QSet<QString>& offered)
{
    const QString stream = room.stream;
    m_session->sendIq(
        iq(QStringLiteral("set"), room.jid).withChild(roomConfigurationForm(stream, nameOfStream(stream), offered)),
        [this, stream, alive = m_alive](const IqResult& result) {
            if (!*alive)
                return;
            MucRoom& room = roomOf(stream);
            if (!result.ok())
                return finishJoin(room, *result.error);
            if (!isMembersOnlyStream(stream)) {
                announceRoom(stream);
                return finishJoin(room, Result<void>());
            }
            // The people a closed stream names become its members and are invited.
            QStringList members = directMembers(stream);
            XmlElement admin = element(QStringLiteral("query"), ns::mucAdmin);
            for (const QString& member : members)
                if (member != m_bareJid)
                    admin = std::move(admin).withChild(
                        element(QStringLiteral("item"), ns::mucAdmin)
                            .withAttribute(QStringLiteral("affiliation"), QStringLiteral("member"))
                            .withAttribute(QStringLiteral("jid"), member));
            rememberPrivateRoom(room.jid);
            if (admin.children().isEmpty())
                return finishJoin(room, Result<void>());
            m_session->sendIq(iq(QStringLiteral("set"), room.jid).withChild(admin),
                              [this, stream, members, alive = m_alive](const IqResult& granted) {
                                  if (!*alive)
                                      return;
                                  MucRoom& room = roomOf(stream);
                                  for (const QString& member : members)
                                      if (member != m_bareJid)
                                          m_session->send(
                                              element(QStringLiteral("message"), ns::client)
                                                  .withAttribute(QStringLiteral("to"), member)
                                                  .withChild(element(QStringLiteral("x"), ns::directInvite)
                                                                 .withAttribute(QStringLiteral("jid"), room.jid)));
                                  finishJoin(room, granted.ok() ? Result<void>() : Result<void>(*granted.error));
                              });
        });
}

// Everyone is in the directory's room: telling it there that a stream's room now exists lets
// the others join it and hear it live (those offline find it in the room list later).
void XmppBackend::announceRoom(const QString& stream)
{
    if (stream == kDirectoryStream)
        return;
    sync::EphemeralMessage announcement{kDirectoryStream, kRoomCreatedKind, QString(), stream.toUtf8()};
    sendEphemeral(announcement);
}

void XmppBackend::loadPrivateRooms(const std::function<void()>& then)
{
    if (m_privateRoomsLoaded)
        return then();
    const XmlElement query = element(QStringLiteral("query"), u"jabber:iq:private")
                                 .withChild(XmlElement(QStringLiteral("rooms"), kPrivateRoomsNamespace));
    m_session->sendIq(iq(QStringLiteral("get"), {}).withChild(query), [this, then, alive = m_alive](const IqResult& r) {
        if (!*alive)
            return;
        const XmlElement rooms =
            r.stanza.firstChild(u"query", u"jabber:iq:private").firstChild(u"rooms", kPrivateRoomsNamespace);
        for (const XmlElement& room : rooms.children(u"room", kPrivateRoomsNamespace))
            if (streamOfRoom(room.attribute(u"jid")))
                m_privateRooms.insert(room.attribute(u"jid"));
        m_privateRoomsLoaded = r.ok();
        then();
    });
}

void XmppBackend::rememberPrivateRoom(const QString& roomJid)
{
    if (m_privateRooms.contains(roomJid))
        return;
    m_privateRooms.insert(roomJid);
    XmlElement rooms(QStringLiteral("rooms"), kPrivateRoomsNamespace);
    for (const QString& jid : std::as_const(m_privateRooms))
        rooms = std::move(rooms).withChild(
            XmlElement(QStringLiteral("room"), kPrivateRoomsNamespace).withAttribute(QStringLiteral("jid"), jid));
    m_session->sendIq(iq(QStringLiteral("set"), {})
                          .withChild(element(QStringLiteral("query"), u"jabber:iq:private").withChild(rooms)),
                      [](const IqResult&) {});
}

// ---- listing -------------------------------------------------------------------------------

void XmppBackend::listStreams()
{
    if (!m_session || m_session->state() != XmppSession::State::Online)
        return;
    m_session->sendIq(
        iq(QStringLiteral("get"), m_mucService).withChild(element(QStringLiteral("query"), ns::discoItems)),
        [this, alive = m_alive](const IqResult& result) {
            if (!*alive)
                return;
            QStringList rooms(m_privateRooms.cbegin(), m_privateRooms.cend());
            QHash<QString, QString> names;
            for (const XmlElement& item :
                 result.stanza.firstChild(u"query", ns::discoItems).children(u"item", ns::discoItems)) {
                rooms << item.attribute(u"jid");
                names.insert(item.attribute(u"jid"), item.attribute(u"name"));
            }
            for (const auto& [stream, room] : m_rooms)
                if (room.presence == MucRoom::Presence::Joined)
                    rooms << room.jid;
            rooms.removeDuplicates();
            collectStreams(rooms, names);
        });
}

// Joins each room (to hear it live) and asks its archive for the newest id, then reports all.
void XmppBackend::collectStreams(const QStringList& roomJids, const QHash<QString, QString>& names)
{
    auto infos = std::make_shared<QList<sync::StreamInfo>>();
    auto waiting = std::make_shared<int>(0);
    const auto finished = [this, infos, waiting, alive = m_alive] {
        if (*alive && --*waiting == 0)
            emit streamsListed(*infos);
    };
    QList<MucRoom*> rooms;
    for (const QString& jid : roomJids)
        if (MucRoom* room = roomAt(jid))
            rooms << room;
    if (rooms.isEmpty())
        return emit streamsListed({});
    *waiting = int(rooms.size());
    for (MucRoom* room : rooms) {
        const QString stream = room->stream;
        const QString name = names.value(room->jid);
        join(*room, [this, stream, name, infos, finished, alive = m_alive](const Result<void>& joined) {
            if (!*alive)
                return;
            if (!joined) {
                finished(); // not ours to read
                return;
            }
            headOf(stream, [stream, name, infos, finished](const QString& cursor) {
                const QString shown = name.isEmpty() || name == stream ? nameOfStream(stream) : name;
                infos->append(sync::StreamInfo{stream, kindOfStream(stream), shown, QString(), cursor});
                finished();
            });
        });
    }
}

void XmppBackend::headOf(const QString& stream, const std::function<void(const QString&)>& done)
{
    const MucRoom& room = roomOf(stream);
    const QString queryId = nextId();
    m_fetches.insert(queryId, Fetch{0, stream, room.jid, {}});
    m_session->sendIq(mamPageQuery(room.jid, queryId, {stream, sync::HistoryQuery::Direction::Before, {}, 1}),
                      [this, queryId, done, alive = m_alive](const IqResult&) {
                          if (!*alive)
                              return;
                          const Fetch fetch = m_fetches.take(queryId);
                          done(fetch.items.isEmpty() ? QString() : fetch.items.constLast().envelope.id);
                      });
}

} // namespace convene::xmpp
