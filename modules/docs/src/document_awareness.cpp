#include "document_awareness.h"
#include "update_bytes.h"


#include <QDateTime>

namespace convene::docs {

namespace {

constexpr int kThrottleMs = 80;
constexpr int kHeartbeatMs = 15'000;
constexpr int kTimeoutMs = 30'000; // y-protocols' outdated timeout
constexpr int kMaxClients = 256;

int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::optional<crdt::RelativePosition> positionOf(const crdt::Value* cursor, const char* key)
{
    const crdt::Value* value = cursor ? cursor->get(key) : nullptr;
    return value ? crdt::relativePositionFromJson(*value) : std::nullopt;
}

} // namespace

DocumentAwareness::DocumentAwareness(crdt::Doc& doc, crdt::Text text, Context context, QObject* parent)
    : QObject(parent), m_doc(doc), m_text(text), m_awareness(doc.clientId()), m_context(std::move(context))
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kThrottleMs);
    connect(&m_throttle, &QTimer::timeout, this, &DocumentAwareness::sendOwn);
    m_heartbeat.setInterval(kHeartbeatMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &DocumentAwareness::sendOwn);
    m_heartbeat.start();
    m_expiry.setInterval(kTimeoutMs / 6);
    connect(&m_expiry, &QTimer::timeout, this, &DocumentAwareness::expire);
    m_expiry.start();
    sendOwn();
}

DocumentAwareness::~DocumentAwareness()
{
    leave();
}

void DocumentAwareness::setCursor(int anchor, int head)
{
    if (anchor == m_anchor && head == m_head)
        return;
    m_anchor = anchor;
    m_head = head;
    if (!m_throttle.isActive())
        m_throttle.start();
}

void DocumentAwareness::sendOwn()
{
    if (m_left)
        return;
    crdt::Value user = crdt::Value::object();
    user.set("name", crdt::Value::string(m_context.userName.toStdString()));
    user.set("id", crdt::Value::string(m_context.userId.toStdString()));
    crdt::Value state = crdt::Value::object();
    state.set("user", user);
    if (m_anchor >= 0 && m_head >= 0) {
        // Tied to the characters when it goes out (finding them walks the text: not per key).
        const auto relative = [this](int index) {
            return crdt::relativePositionToJson(
                crdt::relativePositionFromIndex(m_text.type(), std::min<uint64_t>(uint64_t(index), m_text.length())));
        };
        crdt::Value cursor = crdt::Value::object();
        cursor.set("anchor", relative(m_anchor));
        cursor.set("head", relative(m_head));
        state.set("cursor", cursor);
    } else {
        state.set("cursor", crdt::Value::null());
    }
    m_awareness.setLocalState(state, nowMs());
    const std::vector<uint8_t> update = m_awareness.encodeUpdate({m_awareness.clientId()});
    m_context.send(QByteArray(reinterpret_cast<const char*>(update.data()), qsizetype(update.size())));
}

void DocumentAwareness::leave()
{
    if (m_left)
        return;
    m_awareness.setLocalState(crdt::Value::null(), nowMs());
    const std::vector<uint8_t> update = m_awareness.encodeUpdate({m_awareness.clientId()});
    m_context.send(QByteArray(reinterpret_cast<const char*>(update.data()), qsizetype(update.size())));
    m_left = true;
}

void DocumentAwareness::receive(const QString& sender, const QByteArray& payload)
{
    if (sender.isEmpty())
        return;
    // Which clients does the message speak for? Read it on the side first.
    crdt::Awareness scratch(0);
    crdt::Awareness::Changes named;
    if (!scratch.applyUpdate(bytesOf(payload), &named))
        return;
    std::vector<crdt::ClientId> clients;
    for (const auto* list : {&named.added, &named.updated, &named.removed})
        clients.insert(clients.end(), list->begin(), list->end());
    for (crdt::ClientId client : clients) {
        if (client == m_awareness.clientId())
            return; // nobody speaks for this client but the user
        const auto owner = m_owners.constFind(client);
        if (owner != m_owners.cend() && *owner != sender)
            return;
        if (owner == m_owners.cend() && m_owners.size() >= kMaxClients)
            return;
    }
    crdt::Awareness::Changes changes;
    if (!m_awareness.applyUpdate(bytesOf(payload), &changes, nowMs()))
        return;
    for (crdt::ClientId client : clients) {
        m_owners.insert(client, sender);
        const auto& states = m_awareness.states();
        const auto it = states.find(client);
        const crdt::Value* cursor = it == states.end() ? nullptr : it->second.state.get("cursor");
        m_positions.insert(client, {positionOf(cursor, "anchor"), positionOf(cursor, "head")});
    }
    publish();
}

void DocumentAwareness::textChanged()
{
    if (!m_positions.isEmpty())
        publish();
}

int DocumentAwareness::indexOf(const std::optional<crdt::RelativePosition>& position) const
{
    if (!position)
        return -1;
    const std::optional<crdt::AbsolutePosition> absolute = crdt::absolutePosition(*position, m_doc);
    // A position in some other type than the text is none the editor can show.
    if (!absolute || absolute->type != m_text.type())
        return -1;
    return int(std::min<uint64_t>(absolute->index, m_text.length()));
}

void DocumentAwareness::expire()
{
    if (!m_awareness.removeOutdated(nowMs(), kTimeoutMs).empty())
        publish();
}

void DocumentAwareness::publish()
{
    QList<ParticipantModel::Participant> rows;
    for (const auto& [client, entry] : m_awareness.states()) {
        if (client == m_awareness.clientId() || entry.state.isNull() || entry.state.isUndefined())
            continue;
        const QString userId = m_owners.value(client);
        if (userId.isEmpty())
            continue;
        const Cursor cursor = m_positions.value(client);
        const int anchor = indexOf(cursor.anchor);
        const int head = indexOf(cursor.head);
        const bool shown = anchor >= 0 && head >= 0;
        rows << ParticipantModel::Participant{client,
                                              userId,
                                              m_context.nameOf(userId),
                                              ParticipantModel::colorIndexFor(userId),
                                              shown ? anchor : -1,
                                              shown ? head : -1};
    }
    m_participants.setParticipants(std::move(rows));
}

} // namespace convene::docs
