#include "local_backend.h"

#include "workspace_schema.h"
#include "workspace_seed.h"

#include <convene/store/transaction.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <limits>

namespace convene::backends::local {

namespace {

int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The workspace numbers each stream's events 1, 2, 3, …: that number, as text, is the paging
// cursor, and "evt-<row id>" the server id. References are stored as the target's number.
QString serverIdOf(int64_t eventId)
{
    return QStringLiteral("evt-%1").arg(eventId);
}

QString cursorOf(int64_t seq)
{
    return seq > 0 ? QString::number(seq) : QString();
}

// The columns every event reader selects, with the reference turned into the target's id.
const QString kEventFields =
    QStringLiteral("e.id, e.seq, e.client_id, e.kind, e.author, e.body, e.payload, e.server_time, "
                   "(SELECT t.id FROM events t WHERE t.stream = e.stream AND t.seq = e.ref), e.stream");
const QString kEventColumns = kEventFields + QStringLiteral(" FROM events e ");

sync::RemoteEvent readEvent(store::Statement& row)
{
    sync::RemoteEvent e;
    e.serverId = serverIdOf(row.int64(0));
    e.cursor = cursorOf(row.int64(1));
    if (!row.isNull(2))
        e.clientId = QUuid::fromRfc4122(row.blob(2));
    e.kind = row.text(3);
    e.author = row.text(4);
    e.body = row.text(5);
    e.payload = row.blob(6);
    e.serverTime = row.int64(7);
    if (!row.isNull(8))
        e.ref = serverIdOf(row.int64(8));
    e.stream = row.text(9);
    return e;
}

// Whether a user (by default the requesting one, parameter ?20) may read the stream in
// `column`: a user's own stream only they, a direct conversation the people its id names, a
// private channel its members; everything else anyone in the workspace.
QString readableSql(const QString& column, const QString& user = QStringLiteral("?20"))
{
    return QStringLiteral(
               "(CASE WHEN substr(%1, 1, 5) = 'user:' THEN %1 = 'user:' || %2 "
               "WHEN substr(%1, 1, 3) = 'dm:' THEN instr('+' || substr(%1, 4) || '+', '+' || %2 || '+') > 0 "
               "WHEN substr(%1, 1, 8) = 'private:' THEN EXISTS (SELECT 1 FROM stream_members m "
               "WHERE m.stream = %1 AND m.user = %2) ELSE 1 END)")
        .arg(column, user);
}

Error notAMember()
{
    return makeError(ErrorCode::PermissionDenied,
                     QCoreApplication::translate("LocalBackend", "You are not a member of this conversation."));
}

// "channel:design" -> {"channel", "design"}; ids without a prefix are channels.
std::pair<QString, QString> kindAndName(const QString& streamId)
{
    const qsizetype colon = streamId.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {QStringLiteral("channel"), streamId};
    return {streamId.left(colon), streamId.mid(colon + 1)};
}

} // namespace

LocalBackend::LocalBackend(sync::BackendConfig config, QObject* parent)
    : sync::Backend(parent),
      m_config(std::move(config)),
      m_connectionId(QUuid::createUuid().toString(QUuid::WithoutBraces)),
      m_random(std::random_device{}())
{
    if (m_config.workspacePath.isEmpty())
        m_config.workspacePath = defaultWorkspacePath(m_config.profileDir);
    m_faults.merge(FaultInjection::parse(qEnvironmentVariable("CONVENE_LOCAL_FAULTS")));
    // Either a map or the same "latency=50,offline=1" text as the environment variable.
    const QVariant faults = m_config.options.value(QStringLiteral("faults"));
    m_faults.merge(faults.typeId() == QMetaType::QString ? FaultInjection::parse(faults.toString()) : faults.toMap());
    m_pollTimer.setInterval(kPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        if (m_db && m_db->changedByOthers())
            poll();
    });
}

LocalBackend::~LocalBackend()
{
    *m_alive = false;
}

QString LocalBackend::defaultWorkspacePath(const QString& profileDir)
{
    return QDir(profileDir).filePath(QStringLiteral("workspace.convene"));
}

QString LocalBackend::workspaceNameAt(const QString& path)
{
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return {};
    auto opened = store::Database::open(path, store::Database::Mode::ReadOnly);
    if (!opened)
        return {};
    auto name = (*opened)->prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'workspace_name'"));
    if (!name || !(*name)->step().valueOr(false))
        return {}; // not a workspace (yet)
    return (*name)->text(0).simplified();
}

sync::Capabilities LocalBackend::capabilities() const
{
    return {};
}

Error LocalBackend::unavailable() const
{
    return makeError(ErrorCode::Unavailable, tr("The workspace is unreachable."));
}

void LocalBackend::later(std::function<void()> work)
{
    QTimer::singleShot(m_faults.latencyMs, this, [alive = m_alive, work = std::move(work)] {
        if (*alive)
            work();
    });
}

bool LocalBackend::dropped()
{
    if (m_faults.dropRate <= 0)
        return false;
    return std::uniform_real_distribution<double>(0, 1)(m_random) < m_faults.dropRate;
}

void LocalBackend::setFaultInjection(const QVariantMap& faults)
{
    const bool wasOffline = m_faults.offline;
    m_faults.merge(faults);
    if (!wasOffline && m_faults.offline && m_db) {
        m_pollTimer.stop();
        m_db.reset();
        emit disconnected(unavailable());
    }
}

Result<void> LocalBackend::open()
{
    auto opened = store::Database::open(m_config.workspacePath);
    if (!opened)
        return opened.error();
    std::unique_ptr<store::Database> db = std::move(opened).value();
    store::MigrationRunner migrations;
    migrations.add(workspaceSchema());
    if (Result<void> migrated = migrations.migrate(*db); !migrated)
        return migrated;
    if (Result<void> seeded = seedDemoWorkspace(*db); !seeded)
        return seeded;
    m_db = std::move(db);
    return registerMember();
}

Result<void> LocalBackend::registerMember()
{
    if (m_config.userId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("No user id was configured for this profile."));
    store::Transaction transaction(*m_db);
    if (!transaction.began())
        return transaction.beginResult();
    auto exists = m_db->prepare(QStringLiteral("SELECT display_name FROM members WHERE id = ?"));
    (*exists)->bind(1, m_config.userId);
    const bool known = (*exists)->step().valueOr(false);
    const QString knownName = known ? (*exists)->text(0) : QString();
    (*exists)->reset();
    QString name = m_config.displayName.isEmpty() ? tr("New member") : m_config.displayName;
    auto upsert = m_db->prepare(QStringLiteral("INSERT INTO members(id, display_name, joined_at) VALUES(?, ?, ?) "
                                               "ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name"));
    if (Result<void> r = (*upsert)->bind(1, m_config.userId).bind(2, name).bind(3, nowMs()).run(); !r)
        return r;
    if (!known || knownName != name)
        if (Result<void> r = publishProfile(*m_db, m_config.userId, name); !r)
            return r;
    if (!known)
        if (Result<void> r = welcomeNewMember(*m_db, m_config.userId, name); !r)
            return r;
    return transaction.commit();
}

void LocalBackend::connectToServer()
{
    later([this] {
        if (m_faults.offline)
            return emit disconnected(unavailable());
        if (!m_db) {
            if (Result<void> opened = open(); !opened) {
                m_db.reset();
                return emit connectionFailed(makeError(
                    opened.error().code,
                    tr("Cannot open the workspace %1: %2").arg(m_config.workspacePath, opened.error().message)));
            }
        }
        auto last = m_db->prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM events"));
        if ((*last)->step().valueOr(false))
            m_lastEventId = (*last)->int64(0);
        (*last)->reset();
        auto lastEphemeral = m_db->prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM ephemeral"));
        if ((*lastEphemeral)->step().valueOr(false))
            m_lastEphemeralId = (*lastEphemeral)->int64(0);
        (*lastEphemeral)->reset();
        m_db->changedByOthers(); // take the current version as the baseline
        m_pollTimer.start();

        sync::AccountInfo account;
        account.userId = m_config.userId;
        account.displayName = m_config.displayName;
        auto name = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'workspace_name'"));
        if ((*name)->step().valueOr(false))
            account.workspaceName = (*name)->text(0);
        (*name)->reset();
        emit connected(account);
    });
}

void LocalBackend::disconnectFromServer()
{
    m_pollTimer.stop();
    m_db.reset();
}

void LocalBackend::listStreams()
{
    later([this] {
        if (!online())
            return;
        QList<sync::StreamInfo> streams;
        auto query = m_db->prepare(QStringLiteral("SELECT id, kind, name, topic, last_seq FROM streams WHERE ") +
                                   readableSql(QStringLiteral("id")) + QStringLiteral(" ORDER BY id"));
        (*query)->bind(20, m_config.userId);
        while ((*query)->step().valueOr(false))
            streams << sync::StreamInfo{(*query)->text(0), (*query)->text(1), (*query)->text(2), (*query)->text(3),
                                        cursorOf((*query)->int64(4) + m_faults.headBeyond)};
        (*query)->reset();
        emit streamsListed(streams);
    });
}

Result<sync::Ack> LocalBackend::store(const sync::Mutation& m)
{
    store::Transaction transaction(*m_db);
    if (!transaction.began())
        return transaction.beginResult().error();
    const QByteArray clientId = m.clientId.toRfc4122();

    // A resend of something already stored gets the original acknowledgement.
    auto existing = m_db->prepare(QStringLiteral("SELECT stream, id, server_time FROM events WHERE client_id = ?"));
    (*existing)->bind(1, clientId);
    if ((*existing)->step().valueOr(false)) {
        sync::Ack ack{m.clientId, (*existing)->text(0), serverIdOf((*existing)->int64(1)), (*existing)->int64(2)};
        (*existing)->reset();
        return ack;
    }
    (*existing)->reset();
    Result<int64_t> ref = referencedSeq(m);
    if (!ref)
        return ref.error();

    const auto [kind, name] = kindAndName(m.stream);
    const int64_t now = nowMs();
    auto createStream = m_db->prepare(
        QStringLiteral("INSERT OR IGNORE INTO streams(id, kind, name, created_at, owner) VALUES(?, ?, ?, ?, ?)"));
    if (Result<void> r =
            (*createStream)->bind(1, m.stream).bind(2, kind).bind(3, name).bind(4, now).bind(5, m_config.userId).run();
        !r)
        return r.error();
    // Whoever writes first to a private channel creates it and is its first member; after that
    // only its members write there.
    if (m.stream.startsWith(QLatin1String("private:")) && m_db->changes() > 0) {
        auto founder = m_db->prepare(QStringLiteral("INSERT OR IGNORE INTO stream_members(stream, user) VALUES(?, ?)"));
        if (Result<void> r = (*founder)->bind(1, m.stream).bind(2, m_config.userId).run(); !r)
            return r.error();
    }
    if (Result<bool> allowed = readable(m.stream); !allowed)
        return allowed.error();
    else if (!*allowed)
        return notAMember();
    if (m.kind == QStringView(sync::kStreamCreateKind) || m.kind == QStringView(sync::kStreamUpdateKind)) {
        const QJsonObject meta = QJsonDocument::fromJson(m.payload).object();
        auto update = m_db->prepare(QStringLiteral(
            "UPDATE streams SET kind = coalesce(?, kind), name = coalesce(?, name), topic = coalesce(?, topic) "
            "WHERE id = ?"));
        // An id that says what the stream is (private:…, dm:…) keeps it so, whatever the payload says.
        const bool kindFixed = m.stream.contains(QLatin1Char(':'));
        auto bindOptional = [&](int index, const char* key) {
            if (index == 1 && kindFixed)
                (*update)->bind(index, nullptr);
            else if (meta.contains(QLatin1String(key)))
                (*update)->bind(index, meta.value(QLatin1String(key)).toString());
            else
                (*update)->bind(index, nullptr);
        };
        bindOptional(1, "kind");
        bindOptional(2, "name");
        bindOptional(3, "topic");
        if (Result<void> r = (*update)->bind(4, m.stream).run(); !r)
            return r.error();
    }
    auto bump =
        m_db->prepare(QStringLiteral("UPDATE streams SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq"));
    (*bump)->bind(1, m.stream);
    if (!(*bump)->step().valueOr(false))
        return makeError(ErrorCode::Internal, QStringLiteral("stream %1 vanished").arg(m.stream));
    const int64_t seq = (*bump)->int64(0);
    (*bump)->reset();

    auto insert = m_db->prepare(
        QStringLiteral("INSERT INTO events(stream, seq, client_id, kind, author, body, payload, server_time, ref) "
                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    (*insert)->bindOptional(9, *ref > 0 ? std::optional<int64_t>(*ref) : std::nullopt);
    if (Result<void> r = (*insert)
                             ->bind(1, m.stream)
                             .bind(2, seq)
                             .bind(3, clientId)
                             .bind(4, m.kind)
                             .bind(5, m_config.userId)
                             .bind(6, m.body)
                             .bind(7, m.payload)
                             .bind(8, now)
                             .run();
        !r)
        return r.error();
    const int64_t id = m_db->lastInsertRowId();
    if (Result<void> r = transaction.commit(); !r)
        return r.error();
    return sync::Ack{m.clientId, m.stream, serverIdOf(id), now};
}

Result<bool> LocalBackend::readable(const QString& stream)
{
    auto query = m_db->prepare(QStringLiteral("SELECT ") + readableSql(QStringLiteral("?1")));
    if (!query)
        return query.error();
    Result<bool> row = (*query)->bind(1, stream).bind(20, m_config.userId).step();
    if (!row)
        return row.error();
    return *row && (*query)->int64(0) != 0;
}

Result<int64_t> LocalBackend::referencedSeq(const sync::Mutation& m)
{
    if (m.ref.isEmpty() && m.refClientId.isNull())
        return int64_t(0);
    auto target =
        m_db->prepare(m.ref.isEmpty() ? QStringLiteral("SELECT seq FROM events WHERE stream = ? AND client_id = ?")
                                      : QStringLiteral("SELECT seq FROM events WHERE stream = ? AND id = ?"));
    (*target)->bind(1, m.stream);
    if (m.ref.isEmpty()) {
        (*target)->bind(2, m.refClientId.toRfc4122());
    } else {
        bool ok = false;
        const int64_t id = m.ref.startsWith(QLatin1String("evt-")) ? m.ref.mid(4).toLongLong(&ok) : 0;
        (*target)->bind(2, ok ? id : int64_t(-1));
    }
    const bool found = (*target)->step().valueOr(false);
    const int64_t seq = found ? (*target)->int64(0) : 0;
    (*target)->reset();
    if (!found)
        return makeError(ErrorCode::InvalidArgument,
                         tr("The entry this refers to does not exist in this conversation."));
    return seq;
}

void LocalBackend::submit(const sync::Mutation& mutation)
{
    later([this, mutation] {
        if (!online())
            return emit submitFailed(mutation.clientId, unavailable());
        if (dropped())
            return emit submitFailed(mutation.clientId, makeError(ErrorCode::Unavailable, tr("The request was lost.")));
        const int64_t size = mutation.payload.size() + mutation.body.toUtf8().size();
        const int64_t limit = capabilities().maxPayloadBytes;
        if (size > limit)
            return emit rejected(
                mutation.clientId,
                makeError(ErrorCode::TooLarge, tr("This is too large to send (%1 KB; the limit is %2 KB).")
                                                   .arg((size + 1023) / 1024)
                                                   .arg(limit / 1024)));
        if (mutation.clientId.isNull() || mutation.stream.isEmpty() || mutation.kind.isEmpty())
            return emit rejected(mutation.clientId, makeError(ErrorCode::InvalidArgument,
                                                              tr("The change is incomplete and was refused.")));
        Result<sync::Ack> stored = store(mutation);
        if (!stored) {
            if (stored.error().code == ErrorCode::Unavailable || stored.error().code == ErrorCode::Io)
                return emit submitFailed(mutation.clientId, stored.error());
            return emit rejected(mutation.clientId, stored.error());
        }
        emit submitted(*stored);
        poll();
    });
}

void LocalBackend::poll()
{
    if (!online())
        return;
    auto events = m_db->prepare(QStringLiteral("SELECT ") + kEventFields + QStringLiteral(", ") +
                                readableSql(QStringLiteral("e.stream")) +
                                QStringLiteral(" FROM events e WHERE e.id > ?1 ORDER BY e.id LIMIT 2000"));
    for (;;) {
        QList<sync::RemoteEvent> batch;
        int rows = 0;
        (*events)->bind(1, m_lastEventId).bind(20, m_config.userId);
        while ((*events)->step().valueOr(false)) {
            ++rows;
            m_lastEventId = (*events)->int64(0);
            if ((*events)->int64(10) != 0) // others' private streams pass by unseen
                batch << readEvent(**events);
        }
        (*events)->reset();
        if (!batch.isEmpty())
            emit eventsReceived(batch);
        if (rows < 2000)
            break;
    }

    // Typing, presence, awareness and call signals of a private stream pass only between its
    // members: neither to a non-member nor from one.
    auto ephemeral = m_db->prepare(QStringLiteral("SELECT id, stream, kind, sender, payload, connection, recipient, ") +
                                   readableSql(QStringLiteral("ephemeral.stream")) + QStringLiteral(" AND ") +
                                   readableSql(QStringLiteral("ephemeral.stream"), QStringLiteral("ephemeral.sender")) +
                                   QStringLiteral(" FROM ephemeral WHERE id > ?1 ORDER BY id"));
    (*ephemeral)->bind(1, m_lastEphemeralId).bind(20, m_config.userId);
    QList<sync::EphemeralMessage> messages;
    while ((*ephemeral)->step().valueOr(false)) {
        m_lastEphemeralId = (*ephemeral)->int64(0);
        if ((*ephemeral)->text(5) == m_connectionId || (*ephemeral)->int64(7) == 0)
            continue;
        // A directed message reaches its recipient's sessions only.
        const QString recipient = (*ephemeral)->text(6);
        if (!recipient.isEmpty() && recipient != m_config.userId)
            continue;
        messages << sync::EphemeralMessage{(*ephemeral)->text(1), (*ephemeral)->text(2), (*ephemeral)->text(3),
                                           (*ephemeral)->blob(4), recipient};
    }
    (*ephemeral)->reset();
    for (const sync::EphemeralMessage& message : messages)
        emit ephemeralReceived(message);
}

void LocalBackend::fetchHistory(quint64 requestId, const sync::HistoryQuery& query)
{
    later([this, requestId, query] {
        if (!online())
            return emit requestFailed(requestId, unavailable());
        const bool after = query.direction == sync::HistoryQuery::Direction::After;
        const int limit = std::clamp(query.limit, 1, 5000);
        bool valid = true;
        const int64_t bound = query.cursor.isEmpty() ? (after ? 0 : std::numeric_limits<int64_t>::max())
                                                     : query.cursor.toLongLong(&valid);
        if (!valid || bound < 0)
            return emit requestFailed(requestId,
                                      makeError(ErrorCode::InvalidArgument,
                                                tr("The history position %1 is not valid here.").arg(query.cursor)));
        if (Result<bool> allowed = readable(query.stream); !allowed || !*allowed)
            return emit requestFailed(requestId, allowed ? notAMember() : allowed.error());
        auto rows =
            m_db->prepare(QStringLiteral("SELECT ") + kEventColumns +
                          (after ? QStringLiteral("WHERE e.stream = ? AND e.seq > ? ORDER BY e.seq LIMIT ?")
                                 : QStringLiteral("WHERE e.stream = ? AND e.seq < ? ORDER BY e.seq DESC LIMIT ?")));
        (*rows)->bind(1, query.stream).bind(2, bound).bind(3, limit + 1);
        sync::HistoryPage page;
        page.stream = query.stream;
        while ((*rows)->step().valueOr(false)) {
            if (page.events.size() == limit) {
                page.more = true;
                break;
            }
            page.events << readEvent(**rows);
        }
        (*rows)->reset();
        if (!after)
            std::reverse(page.events.begin(), page.events.end());
        if (after && !page.more && m_faults.headBeyond > 0) {
            // The listed head is further on, but nothing past the last event can be had.
            page.more = true;
            if (page.events.isEmpty())
                page.endCursor = query.cursor;
        }
        emit historyFetched(requestId, page);
    });
}

void LocalBackend::sendEphemeral(const sync::EphemeralMessage& message)
{
    later([this, message] {
        if (!online() || dropped())
            return; // ephemeral traffic is best effort by design
        auto insert = m_db->prepare(
            QStringLiteral("INSERT INTO ephemeral(stream, kind, sender, connection, payload, created_at, recipient) "
                           "VALUES(?, ?, ?, ?, ?, ?, ?)"));
        const int64_t now = nowMs();
        (void)(*insert)
            ->bind(1, message.stream)
            .bind(2, message.kind)
            .bind(3, m_config.userId)
            .bind(4, m_connectionId)
            .bind(5, message.payload)
            .bind(6, now)
            .bind(7, message.recipient)
            .run();
        auto prune = m_db->prepare(QStringLiteral("DELETE FROM ephemeral WHERE created_at < ?"));
        (void)(*prune)->bind(1, now - 60'000).run();
    });
}

void LocalBackend::uploadBlob(quint64 requestId, const QByteArray& data, const QString& mimeType)
{
    later([this, requestId, data, mimeType] {
        if (!online())
            return emit requestFailed(requestId, unavailable());
        if (data.size() > capabilities().maxBlobBytes)
            return emit requestFailed(requestId,
                                      makeError(ErrorCode::TooLarge, tr("The file is too large to upload.")));
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto insert = m_db->prepare(
            QStringLiteral("INSERT INTO blobs(id, mime_type, data, created_at, uploader) VALUES(?, ?, ?, ?, ?)"));
        if (Result<void> r =
                (*insert)->bind(1, id).bind(2, mimeType).bind(3, data).bind(4, nowMs()).bind(5, m_config.userId).run();
            !r)
            return emit requestFailed(requestId, r.error());
        emit blobUploaded(requestId, sync::BlobRef{id, mimeType, data.size()});
    });
}

void LocalBackend::downloadBlob(quint64 requestId, const QString& blobId)
{
    later([this, requestId, blobId] {
        if (!online())
            return emit requestFailed(requestId, unavailable());
        // A file named only in streams the user may not read is not theirs to have; one that no
        // event names yet goes to whoever has its id (as a link would), and back to its uploader.
        auto select = m_db->prepare(
            QStringLiteral(
                "SELECT data, b.uploader IS ?20 OR NOT EXISTS (SELECT 1 FROM blob_refs r WHERE r.blob = b.id) "
                "OR EXISTS (SELECT 1 FROM blob_refs r WHERE r.blob = b.id AND ") +
            readableSql(QStringLiteral("r.stream")) + QStringLiteral(") FROM blobs b WHERE b.id = ?1"));
        (*select)->bind(1, blobId).bind(20, m_config.userId);
        if (!(*select)->step().valueOr(false) || (*select)->int64(1) == 0) {
            (*select)->reset();
            return emit requestFailed(requestId, makeError(ErrorCode::NotFound, tr("The file no longer exists.")));
        }
        const QByteArray data = (*select)->blob(0);
        (*select)->reset();
        emit blobDownloaded(requestId, data);
    });
}

} // namespace convene::backends::local
