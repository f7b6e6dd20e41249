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

int intOf(const crdt::Value* value)
{
    if (!value || value->kind() != crdt::Value::Kind::Number)
        return -1;
    const double d = value->asNumber();
    return d >= 0 && d < 1e9 ? int(d) : -1;
}

// Where an offset of the text before `delta` is after it (inserts at the offset push it on).
int shifted(int position, const std::vector<crdt::DeltaOp>& delta)
{
    if (position < 0)
        return position;
    int64_t at = 0; // in the text before the change
    int64_t result = position;
    for (const crdt::DeltaOp& op : delta) {
        if (at > position)
            break;
        switch (op.kind) {
        case crdt::DeltaOp::Kind::Retain: at += int64_t(op.count); break;
        case crdt::DeltaOp::Kind::Insert: result += op.embed ? 1 : int64_t(op.text.size()); break;
        case crdt::DeltaOp::Kind::Delete:
            result -= std::min<int64_t>(int64_t(op.count), position - at);
            at += int64_t(op.count);
            break;
        }
    }
    return int(std::max<int64_t>(0, result));
}

} // namespace

DocumentAwareness::DocumentAwareness(crdt::ClientId self, Context context, QObject* parent)
    : QObject(parent), m_awareness(self), m_context(std::move(context))
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
        crdt::Value cursor = crdt::Value::object();
        cursor.set("anchor", crdt::Value::number(m_anchor));
        cursor.set("head", crdt::Value::number(m_head));
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
        m_positions.insert(
            client, {intOf(cursor ? cursor->get("anchor") : nullptr), intOf(cursor ? cursor->get("head") : nullptr)});
    }
    publish();
}

void DocumentAwareness::shift(const std::vector<crdt::DeltaOp>& delta)
{
    if (m_positions.isEmpty())
        return;
    for (auto it = m_positions.begin(); it != m_positions.end(); ++it)
        *it = {shifted(it->first, delta), shifted(it->second, delta)};
    publish();
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
        const auto position = m_positions.value(client, {-1, -1});
        rows << ParticipantModel::Participant{
            client,         userId,         m_context.nameOf(userId), ParticipantModel::colorIndexFor(userId),
            position.first, position.second};
    }
    m_participants.setParticipants(std::move(rows));
}

} // namespace convene::docs
