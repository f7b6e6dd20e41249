#include "xmpp_backend.h"

#include "entry_codec.h"
#include "mam_query.h"
#include "xmpp_backend_support.h"

#include <QTimer>

namespace convene::xmpp {

using namespace backend_support;

namespace {

constexpr int kSubmitTimeoutMs = 30'000;
constexpr qsizetype kMaxRememberedMessageIds = 10000; // per room

} // namespace

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

} // namespace convene::xmpp
