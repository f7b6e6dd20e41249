#include "xmpp_backend.h"

#include "entry_codec.h"
#include "jid.h"
#include "mam_query.h"
#include "pep_nick.h"
#include "room_address.h"
#include "room_config.h"
#include "xmpp_namespaces.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace convene::xmpp {

namespace {

constexpr int kSubmitTimeoutMs = 30'000;
constexpr qsizetype kMaxRememberedSignals = 512;
constexpr qsizetype kMaxRememberedMessageIds = 10000; // per room
const QString kPrivateRoomsNamespace = QStringLiteral("urn:convene:rooms:0");
const QString kDirectoryStream = QStringLiteral("directory");
const QString kRoomCreatedKind = QStringLiteral("room.created");
const QString kTypingKind = QStringLiteral("typing");

XmlElement element(const QString& name, QStringView ns)
{
    return XmlElement(name, ns.toString());
}

XmlElement iq(const QString& type, const QString& to)
{
    XmlElement stanza = element(QStringLiteral("iq"), ns::client).withAttribute(QStringLiteral("type"), type);
    return to.isEmpty() ? stanza : std::move(stanza).withAttribute(QStringLiteral("to"), to);
}

// "channel:design" -> "channel"; ids without a prefix ("directory") are their own kind.
QString kindOfStream(const QString& stream)
{
    const qsizetype colon = stream.indexOf(u':');
    return colon <= 0 ? stream : stream.left(colon);
}

QString nameOfStream(const QString& stream)
{
    const qsizetype colon = stream.indexOf(u':');
    return colon <= 0 ? stream : stream.mid(colon + 1);
}

// The members of a direct conversation, from its id: "dm:<jid>+<jid>…".
QStringList directMembers(const QString& stream)
{
    if (!stream.startsWith(QLatin1String("dm:")))
        return {};
    return stream.mid(3).split(u'+', Qt::SkipEmptyParts);
}

QString errorCondition(const XmlElement& stanza)
{
    const XmlElement error = stanza.firstChild(u"error", ns::client);
    for (const XmlElement& child : error.children())
        if (child.namespaceUri() == ns::stanzas && child.name() != u"text")
            return child.name();
    return QStringLiteral("undefined-condition");
}

Error unavailable()
{
    return makeError(ErrorCode::Unavailable, XmppBackend::tr("The server is not reachable."));
}

} // namespace

XmppBackend::XmppBackend(sync::BackendConfig config, QObject* parent)
    : sync::Backend(parent), m_config(std::move(config))
{
    Result<SessionSettings> settings = sessionSettings(m_config);
    if (!settings) {
        m_settingsError = settings.error();
        return;
    }
    m_bareJid = settings->username + u'@' + settings->domain;
    m_mucService =
        m_config.options.value(QStringLiteral("mucService"), QStringLiteral("rooms.") + settings->domain).toString();
    m_session = std::make_unique<XmppSession>(*settings);
    m_fileUpload = std::make_unique<HttpFileUpload>(*m_session);
    connect(m_session.get(), &XmppSession::connected, this, &XmppBackend::onConnected);
    connect(m_session.get(), &XmppSession::disconnected, this, &XmppBackend::onDisconnected);
    connect(m_session.get(), &XmppSession::stanzaReceived, this, &XmppBackend::onStanza);
    connect(m_session.get(), &XmppSession::certificateRejected, this,
            [this](const QList<QSslCertificate>&, const QString& sha256, const QString& reason) {
                emit certificateUntrusted(sha256, reason);
            });
}

XmppBackend::~XmppBackend()
{
    *m_alive = false;
}

Result<SessionSettings> XmppBackend::sessionSettings(const sync::BackendConfig& config)
{
    SessionSettings s;
    const QString jid = config.userId.trimmed().toLower();
    const qsizetype at = jid.indexOf(u'@');
    if (at <= 0 || at == jid.size() - 1 || jid.contains(u'/'))
        return makeError(ErrorCode::InvalidArgument, tr("Sign in with an address such as name@example.org."));
    s.username = jid.left(at);
    s.domain = jid.mid(at + 1);
    s.password = config.options.value(QStringLiteral("password")).toString();
    if (s.password.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("No password is stored for %1.").arg(jid));
    // "host", "host:port" or "xmpp://host:port"; empty: the domain on the standard port.
    if (!config.serverUrl.isEmpty()) {
        const QUrl url = QUrl::fromUserInput(config.serverUrl.contains(QLatin1String("://"))
                                                 ? config.serverUrl
                                                 : QStringLiteral("xmpp://") + config.serverUrl);
        if (!url.isValid() || url.host().isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             tr("The server address %1 is not valid.").arg(config.serverUrl));
        s.host = url.host();
        s.port = quint16(url.port(5222));
    }
    s.resource = QStringLiteral("convene-") + QString::number(QRandomGenerator::system()->generate(), 36);
    s.extraCaCertificates =
        QSslCertificate::fromData(config.options.value(QStringLiteral("caCertificates")).toByteArray());
    for (const QString& pin :
         config.options.value(QStringLiteral("pinnedCertificatesSha256")).toString().split(u',', Qt::SkipEmptyParts))
        s.pinnedCertificatesSha256 << pin.trimmed().toLower().remove(u':');
    return s;
}

sync::Capabilities XmppBackend::capabilities() const
{
    sync::Capabilities c;
    c.maxPayloadBytes = kMaxEntryPayloadBytes;
    const bool online = m_session && m_session->state() == XmppSession::State::Online;
    c.blobs = online && m_fileUpload->service();
    if (c.blobs && m_fileUpload->service()->maxFileSize > 0)
        c.maxBlobBytes = std::min<int64_t>(c.maxBlobBytes, m_fileUpload->service()->maxFileSize);
    return c;
}

QString XmppBackend::nextId()
{
    return QStringLiteral("cv%1-%2").arg(m_nextId++).arg(QRandomGenerator::global()->generate(), 0, 36);
}

// ---- connection ----------------------------------------------------------------------------

void XmppBackend::connectToServer()
{
    if (!m_session) {
        const Error error = *m_settingsError;
        QTimer::singleShot(0, this, [this, error, alive = m_alive] {
            if (*alive)
                emit connectionFailed(error);
        });
        return;
    }
    m_session->connectToServer();
}

void XmppBackend::setClientActive(bool active)
{
    if (m_session)
        m_session->setActive(active);
}

void XmppBackend::disconnectFromServer()
{
    if (m_session)
        m_session->disconnectFromServer();
    leaveRooms();
}

void XmppBackend::onConnected(bool resumed)
{
    if (!resumed) {
        // Available, so invitations addressed to our account reach this device.
        m_session->send(element(QStringLiteral("presence"), ns::client));
        leaveRooms(); // a new stream: the server forgot our presence in every room
    }
    loadPrivateRooms([this, alive = m_alive] {
        if (*alive)
            loadNick([this, alive] {
                if (*alive) // connected means capabilities() are known
                    m_fileUpload->discover([this, alive] {
                        if (*alive)
                            onAccountReady();
                    });
            });
    });
}

// The name is the one this profile chose, else the one the account published (XEP-0172),
// else the address's local part. A chosen name the server does not have yet is published.
void XmppBackend::loadNick(const std::function<void()>& then)
{
    if (m_serverNick)
        return then();
    m_session->sendIq(nickQuery(), [this, then, alive = m_alive](const IqResult& r) {
        if (!*alive)
            return;
        m_serverNick = r.ok() ? nickOf(r.stanza) : QString();
        const QString chosen = m_config.displayName.trimmed();
        if (!chosen.isEmpty() && chosen != *m_serverNick) {
            m_session->sendIq(nickPublication(chosen), [](const IqResult&) {}); // best effort
            m_serverNick = chosen;
        }
        then();
    });
}

void XmppBackend::onAccountReady()
{
    sync::AccountInfo account;
    account.userId = m_bareJid;
    account.displayName = m_serverNick->isEmpty() ? m_bareJid.section(u'@', 0, 0) : *m_serverNick;
    account.workspaceName = m_bareJid.section(u'@', 1);
    emit connected(account);
    for (auto& [stream, room] : m_rooms)
        if (!room.outgoing.empty())
            pump(room);
}

void XmppBackend::onDisconnected(const Error& reason, bool transient)
{
    leaveRooms();
    if (transient)
        emit disconnected(reason);
    else
        emit connectionFailed(reason);
}

// The connection is gone: out of every room, and whatever waited for one fails now.
void XmppBackend::leaveRooms()
{
    for (auto& [stream, room] : m_rooms) {
        room.presence = MucRoom::Presence::Absent;
        room.occupants.clear();
        const auto waiting = std::move(room.whenJoined);
        room.whenJoined.clear();
        for (const auto& done : waiting)
            done(unavailable());
        // Sync sends them again after reconnecting; what was on its way may have got there,
        // which the room's archive will tell before it is sent twice.
        if (room.sending)
            room.verifyBeforeSending = true;
        room.sending = false;
        ++room.sendGeneration;
        while (!room.outgoing.empty()) {
            const QUuid id = room.outgoing.front().clientId;
            room.outgoing.pop_front();
            emit submitFailed(id, unavailable());
        }
    }
    m_pagesAhead.clear();
    for (auto it = m_fetches.begin(); it != m_fetches.end(); it = m_fetches.erase(it))
        if (it->requestId != 0) // 0: our own look-ups, whose callbacks hear of it themselves
            emit requestFailed(it->requestId, unavailable());
}

// ---- rooms ---------------------------------------------------------------------------------

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

// ---- submitting ----------------------------------------------------------------------------

void XmppBackend::submit(const sync::Mutation& m)
{
    const auto later = [this](auto signal) {
        QTimer::singleShot(0, this, [signal, alive = m_alive] {
            if (*alive)
                signal();
        });
    };
    if (m_acks.contains(m.clientId)) {
        const sync::Ack ack = m_acks.value(m.clientId);
        return later([this, ack] { emit submitted(ack); });
    }
    const int64_t size = m.payload.size() + m.body.toUtf8().size();
    if (size > kMaxEntryPayloadBytes) {
        const Error error = makeError(ErrorCode::TooLarge, tr("This is too large to send (%1 KB; the limit is %2 KB).")
                                                               .arg((size + 1023) / 1024)
                                                               .arg(kMaxEntryPayloadBytes / 1024));
        return later([this, id = m.clientId, error] { emit rejected(id, error); });
    }
    if (m.clientId.isNull() || m.stream.isEmpty() || m.kind.isEmpty()) {
        const Error error = makeError(ErrorCode::InvalidArgument, tr("The change is incomplete and was refused."));
        return later([this, id = m.clientId, error] { emit rejected(id, error); });
    }
    if (!m_session || m_session->state() != XmppSession::State::Online)
        return later([this, id = m.clientId] { emit submitFailed(id, unavailable()); });
    MucRoom& room = roomOf(m.stream);
    room.outgoing.push_back(m);
    pump(room);
}

// Changes go into a room one at a time, each after the room confirmed the one before: the
// room's order is then the order of submission, and a reference to the change before is known.
void XmppBackend::pump(MucRoom& room)
{
    if (room.sending || room.outgoing.empty() || !m_session || m_session->state() != XmppSession::State::Online)
        return;
    room.sending = true;
    const QString stream = room.stream;
    join(room, [this, stream, alive = m_alive](const Result<void>& joined) {
        if (!*alive)
            return;
        MucRoom& room = roomOf(stream);
        if (room.outgoing.empty() || !room.sending)
            return;
        if (!joined)
            return failFront(room, joined.error(), joined.error().code == ErrorCode::PermissionDenied);
        if (room.verifyBeforeSending)
            return recheckArchive(room);
        resolveAndSend(room);
    });
}

// A change that was on its way when the connection broke (or the room did not answer) may
// have reached the room: its newest archive page says which of ours did, so they are
// acknowledged instead of sent twice.
void XmppBackend::recheckArchive(MucRoom& room)
{
    const QString stream = room.stream;
    const QString queryId = nextId();
    m_fetches.insert(queryId, Fetch{0, stream, room.jid, {}});
    m_session->sendIq(mamPageQuery(room.jid, queryId, {stream, sync::HistoryQuery::Direction::Before, {}, kMaxMamPage}),
                      [this, stream, queryId, alive = m_alive](const IqResult& result) {
                          if (!*alive)
                              return;
                          const Fetch fetch = m_fetches.take(queryId);
                          MucRoom& room = roomOf(stream);
                          if (room.outgoing.empty() || !room.sending)
                              return;
                          if (!result.ok())
                              return failFront(room, *result.error, false);
                          for (const MamItem& item : fetch.items)
                              if (const std::optional<DecodedEntry> decoded =
                                      decodeEntry(item.message, stream, room.jid, item.envelope))
                                  if (decoded->realJid == m_bareJid)
                                      rememberOwn(room, decoded->event);
                          room.verifyBeforeSending = false;
                          resolveAndSend(room);
                      });
}

// Only spares a look-up in the archive when a change refers to the entry: bounded like
// messagesById, so that a long catch-up does not keep every id.
void XmppBackend::rememberSeen(MucRoom& room, const QString& serverId)
{
    if (room.seenIds.size() >= kMaxRememberedMessageIds)
        room.seenIds.clear();
    room.seenIds.insert(serverId);
}

void XmppBackend::rememberOwn(MucRoom& room, const sync::RemoteEvent& event)
{
    rememberSeen(room, event.serverId);
    if (event.clientId.isNull())
        return;
    m_serverIdOfClient.insert(event.clientId, event.serverId);
    m_acks.insert(event.clientId, sync::Ack{event.clientId, room.stream, event.serverId, event.serverTime});
}

// Another client's correction names the message by its sender's id: the entry it edits is the
// one with that id by the same author. Without one seen, it can only be shown as a new message.
void XmppBackend::resolveCorrection(MucRoom& room, DecodedEntry& decoded)
{
    sync::RemoteEvent& event = decoded.event;
    if (!decoded.corrects.isEmpty()) {
        const auto target = room.messagesById.constFind(decoded.corrects);
        if (target != room.messagesById.cend() && target->author == event.author) {
            event.ref = target->serverId;
            return;
        }
        event.kind = QStringLiteral("message");
        return;
    }
    if (event.kind != u"message" || decoded.messageId.isEmpty())
        return;
    if (room.messagesById.size() >= kMaxRememberedMessageIds)
        room.messagesById.clear();
    room.messagesById.insert(decoded.messageId, {event.serverId, event.author});
}

void XmppBackend::resolveAndSend(MucRoom& room)
{
    const sync::Mutation& m = room.outgoing.front();
    if (const auto known = m_acks.constFind(m.clientId); known != m_acks.cend()) {
        // It got there before. A copy: finishing the front may change m_acks.
        const sync::Ack ack = *known; // NOLINT(performance-unnecessary-copy-initialization)
        finishFront(room);
        emit submitted(ack);
        return;
    }
    QString ref = m.ref;
    if (ref.isEmpty() && !m.refClientId.isNull()) {
        ref = m_serverIdOfClient.value(m.refClientId);
        if (ref.isEmpty())
            return failFront(room,
                             makeError(ErrorCode::InvalidArgument,
                                       tr("The entry this refers to does not exist in this conversation.")),
                             true);
    }
    if (ref.isEmpty() || room.seenIds.contains(ref))
        return sendFront(room, ref);
    // A reference to something we have not seen: the room's archive must know it. Prosody says
    // item-not-found for an id it does not know; ejabberd does not (it pages after any id as if
    // it were a time), so the id must come back: it is the item before the one after it.
    const QString stream = room.stream;
    const QString queryId = nextId();
    m_fetches.insert(queryId, Fetch{0, stream, room.jid, {}});
    m_session->sendIq(
        mamPageQuery(room.jid, queryId, {stream, sync::HistoryQuery::Direction::After, ref, 1}),
        [this, stream, ref, queryId, alive = m_alive](const IqResult& probe) {
            if (!*alive)
                return;
            const Fetch after = m_fetches.take(queryId);
            MucRoom& room = roomOf(stream);
            if (room.outgoing.empty() || !room.sending)
                return;
            const auto unknown = [this, stream] {
                MucRoom& room = roomOf(stream);
                failFront(room,
                          makeError(ErrorCode::InvalidArgument,
                                    tr("The entry this refers to does not exist in this conversation.")),
                          true);
            };
            if (!probe.ok())
                return errorCondition(probe.stanza) == u"item-not-found" ? unknown()
                                                                         : failFront(room, *probe.error, false);
            // Before the next one, or the newest when the reference is the newest.
            const QString next = after.items.isEmpty() ? QString() : after.items.constFirst().envelope.id;
            const QString checkId = nextId();
            m_fetches.insert(checkId, Fetch{0, stream, room.jid, {}});
            m_session->sendIq(mamPageQuery(room.jid, checkId, {stream, sync::HistoryQuery::Direction::Before, next, 1}),
                              [this, stream, ref, checkId, unknown, alive = m_alive](const IqResult& check) {
                                  if (!*alive)
                                      return;
                                  const Fetch before = m_fetches.take(checkId);
                                  MucRoom& room = roomOf(stream);
                                  if (room.outgoing.empty() || !room.sending)
                                      return;
                                  if (!check.ok())
                                      return failFront(room, *check.error, false);
                                  if (!before.items.isEmpty() && before.items.constLast().envelope.id == ref)
                                      return sendFront(room, ref);
                                  unknown();
                              });
        });
}

void XmppBackend::sendFront(MucRoom& room, const QString& ref)
{
    const sync::Mutation& m = room.outgoing.front();
    m_session->send(entryMessage(m, room.jid, ref));
    const quint64 generation = ++room.sendGeneration;
    const QString stream = room.stream;
    QTimer::singleShot(kSubmitTimeoutMs, this, [this, stream, generation, alive = m_alive] {
        if (!*alive)
            return;
        MucRoom& room = roomOf(stream);
        if (room.sending && room.sendGeneration == generation && !room.outgoing.empty()) {
            room.verifyBeforeSending = true;
            failFront(room, makeError(ErrorCode::Unavailable, tr("The server did not confirm the change in time.")),
                      false);
        }
    });
}

void XmppBackend::finishFront(MucRoom& room)
{
    room.outgoing.pop_front();
    room.sending = false;
    ++room.sendGeneration;
    pump(room);
}

void XmppBackend::failFront(MucRoom& room, const Error& reason, bool permanent)
{
    const QUuid id = room.outgoing.front().clientId;
    finishFront(room);
    if (permanent)
        emit rejected(id, reason);
    else
        emit submitFailed(id, reason);
}

// ---- receiving -----------------------------------------------------------------------------

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

// ---- history -------------------------------------------------------------------------------

// Catching up pages forward through the archive, each page after the last one sync stored. The
// cursor of the next page is known once a page is read, so it is asked for then, before sync
// stores that page: the server prepares it meanwhile instead of waiting for our next request,
// and there is still one query at a time per room. Sync asks for exactly that page next; any
// other query for the room drops it.
void XmppBackend::fetchHistory(quint64 requestId, const sync::HistoryQuery& query)
{
    if (!m_session || m_session->state() != XmppSession::State::Online) {
        QTimer::singleShot(0, this, [this, requestId, alive = m_alive] {
            if (*alive)
                emit requestFailed(requestId, unavailable());
        });
        return;
    }
    if (!claimPageAhead(requestId, query))
        sendHistoryQuery(requestId, query);
}

QString XmppBackend::sendHistoryQuery(quint64 requestId, const sync::HistoryQuery& query)
{
    const MucRoom& room = roomOf(query.stream);
    QString queryId = nextId();
    m_fetches.insert(queryId, Fetch{requestId, query.stream, room.jid, {}});
    m_session->sendIq(mamPageQuery(room.jid, queryId, query),
                      [this, queryId, query, alive = m_alive](const IqResult& r) {
                          if (!*alive || !m_fetches.contains(queryId))
                              return;
                          Fetch fetch = m_fetches.take(queryId);
                          if (fetch.requestId == 0) { // fetched ahead, not asked for yet: kept until it is
                              const auto ahead = m_pagesAhead.find(fetch.stream);
                              if (ahead != m_pagesAhead.end() && ahead->queryId == queryId) {
                                  ahead->answer = r;
                                  ahead->items = std::move(fetch.items);
                              }
                              return;
                          }
                          finishHistoryFetch(std::move(fetch), query, r);
                      });
    return queryId;
}

// Whether the page asked for was fetched ahead: then it answers this request, now or when it
// comes. Any other query drops the page ahead.
bool XmppBackend::claimPageAhead(quint64 requestId, const sync::HistoryQuery& query)
{
    if (!m_pagesAhead.contains(query.stream))
        return false;
    PageAhead ahead = m_pagesAhead.take(query.stream);
    const bool same = ahead.query.direction == query.direction && ahead.query.cursor == query.cursor &&
                      ahead.query.limit == query.limit;
    if (!ahead.answer) {
        const auto fetch = m_fetches.find(ahead.queryId);
        if (fetch == m_fetches.end())
            return false;
        if (!same) {
            m_fetches.erase(fetch); // its answer is ignored
            return false;
        }
        fetch->requestId = requestId;
        return true;
    }
    if (!same)
        return false;
    // Answered later, as a query would be: sync asks for the next page while it handles this one.
    QMetaObject::invokeMethod(
        this,
        [this, requestId, query, ahead = std::move(ahead), alive = m_alive]() mutable {
            if (*alive)
                finishHistoryFetch(Fetch{requestId, query.stream, roomOf(query.stream).jid, std::move(ahead.items)},
                                   query, *ahead.answer);
        },
        Qt::QueuedConnection);
    return true;
}

void XmppBackend::finishHistoryFetch(Fetch fetch, const sync::HistoryQuery& query, const IqResult& r)
{
    sync::HistoryPage page;
    page.stream = fetch.stream;
    if (!r.ok()) {
        const QString condition = errorCondition(r.stanza);
        if (condition == u"item-not-found" && !query.cursor.isEmpty()) {
            page.cursorLost = true;
            return emit historyFetched(fetch.requestId, page);
        }
        if (condition == u"item-not-found") // no such room yet: no history
            return emit historyFetched(fetch.requestId, page);
        return emit requestFailed(fetch.requestId, *r.error);
    }
    page.more = !mamPageComplete(r.stanza);
    // The archive's page may end in items that are no entries: the next page is after them.
    if (!fetch.items.isEmpty())
        page.endCursor = fetch.items.constLast().envelope.id;
    // Sync asks next for the page after this one (in a catch-up): it is asked for now, so that
    // the server prepares it while this one is decoded and stored.
    if (query.direction == sync::HistoryQuery::Direction::After && page.more && !page.endCursor.isEmpty() &&
        !m_pagesAhead.contains(fetch.stream) && m_session->state() == XmppSession::State::Online) {
        sync::HistoryQuery next = query;
        next.cursor = page.endCursor;
        m_pagesAhead.insert(fetch.stream, PageAhead{sendHistoryQuery(0, next), next, std::nullopt, {}});
    }
    MucRoom& room = roomOf(fetch.stream);
    page.events.reserve(fetch.items.size());
    for (const MamItem& item : std::as_const(fetch.items)) {
        std::optional<DecodedEntry> decoded = decodeEntry(item.message, fetch.stream, fetch.roomJid, item.envelope);
        if (!decoded || decoded->realJid.isEmpty())
            continue; // not an entry, or no author the room recorded
        decoded->event.author = decoded->realJid;
        resolveCorrection(room, *decoded);
        rememberSeen(room, decoded->event.serverId);
        if (decoded->event.author == m_bareJid)
            rememberOwn(room, decoded->event);
        page.events << std::move(decoded->event);
    }
    fetch.items.clear(); // the page's XML is not needed any more
    emit historyFetched(fetch.requestId, page);
}

// ---- ephemeral and blobs -------------------------------------------------------------------

void XmppBackend::sendEphemeral(const sync::EphemeralMessage& message)
{
    if (!m_session || m_session->state() != XmppSession::State::Online)
        return; // best effort by design
    const QString stream = message.stream;
    const QString kind = message.kind;
    const QByteArray payload = message.payload;
    const QString recipient = message.recipient;
    MucRoom& room = roomOf(stream);
    join(room, [this, stream, kind, payload, recipient, alive = m_alive](const Result<void>& joined) {
        if (!*alive || !joined)
            return;
        const MucRoom& room = roomOf(stream);
        if (!recipient.isEmpty())
            return sendPrivateSignal(room, recipient, kind, payload);
        const QString id = nextId();
        if (m_sentSignals.size() > kMaxRememberedSignals)
            m_sentSignals.clear();
        m_sentSignals.insert(id);
        XmlElement message = element(QStringLiteral("message"), ns::client)
                                 .withAttribute(QStringLiteral("type"), QStringLiteral("groupchat"))
                                 .withAttribute(QStringLiteral("to"), room.jid)
                                 .withAttribute(QStringLiteral("id"), id)
                                 .withChild(element(QStringLiteral("no-store"), ns::hints));
        if (kind == kTypingKind) // other XMPP clients show it too (XEP-0085)
            message = std::move(message).withChild(element(QStringLiteral("composing"), ns::chatStates));
        m_session->send(std::move(message).withChild(element(QStringLiteral("signal"), ns::signal)
                                                         .withAttribute(QStringLiteral("kind"), kind)
                                                         .withText(QString::fromLatin1(payload.toBase64()))));
    });
}

// A directed message goes through the room as a private message (XEP-0045 7.5) to each occupant
// the recipient is there as, so the room vouches for the sender and nobody else sees it; someone
// not in the room is not in its calls either, and gets nothing.
void XmppBackend::sendPrivateSignal(const MucRoom& room, const QString& recipient, const QString& kind,
                                    const QByteArray& payload)
{
    for (auto occupant = room.occupants.cbegin(); occupant != room.occupants.cend(); ++occupant) {
        if (occupant.value() != recipient)
            continue;
        m_session->send(element(QStringLiteral("message"), ns::client)
                            .withAttribute(QStringLiteral("type"), QStringLiteral("chat"))
                            .withAttribute(QStringLiteral("to"), room.jid + u'/' + occupant.key())
                            .withAttribute(QStringLiteral("id"), nextId())
                            .withChild(element(QStringLiteral("x"), ns::mucUser))
                            .withChild(element(QStringLiteral("no-store"), ns::hints))
                            .withChild(element(QStringLiteral("no-copy"), ns::hints))
                            .withChild(element(QStringLiteral("signal"), ns::signal)
                                           .withAttribute(QStringLiteral("kind"), kind)
                                           .withText(QString::fromLatin1(payload.toBase64()))));
    }
}

// Files go to the server's HTTP File Upload service; the blob id is the file's https URL.
void XmppBackend::uploadBlob(quint64 requestId, const QByteArray& data, const QString& mimeType)
{
    const auto finished = [this, requestId, alive = m_alive](const Result<sync::BlobRef>& blob) {
        if (!*alive)
            return;
        if (blob)
            emit blobUploaded(requestId, *blob);
        else
            emit requestFailed(requestId, blob.error());
    };
    if (!m_session || m_session->state() != XmppSession::State::Online) {
        QTimer::singleShot(0, this, [finished] { finished(unavailable()); });
        return;
    }
    m_fileUpload->upload(data, mimeType, capabilities().maxBlobBytes, finished);
}

// A plain HTTPS download: it needs no XMPP stream, only the trust settings of one.
void XmppBackend::downloadBlob(quint64 requestId, const QString& blobId)
{
    const auto finished = [this, requestId, alive = m_alive](const Result<QByteArray>& data) {
        if (!*alive)
            return;
        if (data)
            emit blobDownloaded(requestId, *data);
        else
            emit requestFailed(requestId, data.error());
    };
    if (!m_fileUpload) {
        QTimer::singleShot(0, this, [finished, error = *m_settingsError] { finished(error); });
        return;
    }
    m_fileUpload->download(blobId, capabilities().maxBlobBytes, finished);
}

} // namespace convene::xmpp
