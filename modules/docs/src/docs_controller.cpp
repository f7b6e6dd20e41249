#include "convene/docs/docs_controller.h"

#include "snapshot_writer.h"
#include "store/doc_loader.h"

#include <convene/docs/delta_document.h>
#include <convene/docs/doc_entries.h>
#include <convene/docs/document_export.h>
#include <convene/docs/version_diff.h>
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlEngine>
#include <QQuickTextDocument>
#include <QTextDocument>
#include <QUuid>

namespace convene::docs {

namespace {

constexpr int kMaxTitleLength = 200;
constexpr int kListDelayMs = 100;
constexpr qsizetype kMaxVersionBytes = 120 * 1024;
// A snapshot's state that takes longer than this to download is not waited for: the document
// opens from its updates.
constexpr int kSnapshotDownloadTimeoutMs = 20'000;
const QString kLinkPrefix = QStringLiteral("convene://docs/");

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

DocsController::DocsController(sync::SyncService& sync, Setup setup, QObject* parent)
    : QObject(parent),
      m_sync(sync),
      m_setup(std::move(setup)),
      m_list({m_setup.userId, m_setup.nameOf, m_setup.openedAt}),
      m_versions(m_setup.nameOf),
      m_loader(new DocLoader(sync.cachePath(), m_setup.profileDir)),
      m_snapshots(new SnapshotWriter(sync, m_setup.profileDir, this))
{
    qRegisterMetaType<QList<convene::docs::DocumentRow>>();
    qRegisterMetaType<QList<convene::docs::SearchHit>>();
    qRegisterMetaType<QList<convene::docs::VersionRow>>();
    qRegisterMetaType<std::shared_ptr<const convene::docs::VersionContent>>();
    qRegisterMetaType<convene::docs::SnapshotBlob>();
    m_thread.setObjectName(QStringLiteral("docs"));
    m_loader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_loader, &QObject::deleteLater);
    m_thread.start();

    connect(m_loader, &DocLoader::opened, this,
            [this](const QString& stream, const QByteArray& state, const QString& covered) {
                if (DocumentSession* s = session(stream))
                    s->load(state, covered);
                QMetaObject::invokeMethod(m_loader, [loader = m_loader, stream] { loader->openShown(stream); });
            });
    connect(m_loader, &DocLoader::changed, this,
            [this](const QString& stream, const QList<QByteArray>& updates, const QString& covered) {
                // The next delivery comes once this one is in the document (the loader sends one at a time).
                const auto delivered = [loader = m_loader, stream](double applyMs) {
                    QMetaObject::invokeMethod(loader, [loader, stream, applyMs] { loader->delivered(stream, applyMs); });
                };
                if (DocumentSession* s = session(stream))
                    s->applyRemote(updates, covered, delivered);
                else
                    delivered(0);
            });
    connect(m_loader, &DocLoader::historyWanted, this,
            [this](const QString& stream) { m_sync.fetchOlder(stream, 500); });
    connect(m_loader, &DocLoader::snapshotWanted, this, &DocsController::downloadSnapshot);
    connect(&sync, &sync::SyncService::blobDownloaded, this, [this](quint64 requestId, const QByteArray& data) {
        const auto it = m_snapshotDownloads.constFind(requestId);
        if (it == m_snapshotDownloads.cend())
            return;
        const SnapshotBlob blob = *it;
        m_snapshotDownloads.erase(it);
        QMetaObject::invokeMethod(m_loader, [loader = m_loader, blob, data] { loader->snapshotArrived(blob, data); });
    });
    connect(&sync, &sync::SyncService::requestFailed, this, [this](quint64 requestId, const QString& reason) {
        const auto it = m_snapshotDownloads.constFind(requestId);
        if (it == m_snapshotDownloads.cend())
            return;
        const SnapshotBlob blob = *it;
        m_snapshotDownloads.erase(it);
        QMetaObject::invokeMethod(m_loader,
                                  [loader = m_loader, blob, reason] { loader->snapshotUnavailable(blob, reason); });
    });
    connect(m_loader, &DocLoader::problem, this, [this](const QString& stream, const QString& text) {
        if (DocumentSession* s = session(stream))
            s->setProblem(text);
    });
    connect(m_loader, &DocLoader::listRead, this, &DocsController::onListRead);
    connect(m_loader, &DocLoader::searched, this, [this](quint64 generation, const QList<SearchHit>& hits) {
        if (generation == m_searchGeneration)
            m_list.setSearchHits(hits);
    });
    connect(m_loader, &DocLoader::versionsRead, this, [this](const QString& stream, const QList<VersionRow>& rows) {
        if (stream == m_current)
            m_versions.setVersions(rows);
    });
    connect(m_loader, &DocLoader::versionRead, this, &DocsController::onVersionRead);
    connect(m_loader, &DocLoader::mentioned, this,
            [this](const QString&, const QString& title, const QString& author, const QString& excerpt) {
                emit notification(tr("%1 mentioned you in “%2”").arg(m_setup.nameOf(author), title), excerpt);
            });

    connect(&sync.changes(), &store::ChangeNotifier::changed, this, &DocsController::onChanges);
    connect(&sync, &sync::SyncService::ephemeralReceived, this, [this](const sync::EphemeralMessage& message) {
        if (DocumentSession* s = session(message.stream))
            s->receive(message);
    });
    m_listTimer.setSingleShot(true);
    m_listTimer.setInterval(kListDelayMs);
    connect(&m_listTimer, &QTimer::timeout, this, &DocsController::readList);
    readList();
    const QString userId = m_setup.userId;
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, userId] { loader->readMentions(userId); });
}

DocsController::~DocsController()
{
    m_sessions.clear(); // flushes every document's edits to the outbox
    m_thread.quit();
    m_thread.wait();
}

void DocsController::flushAll()
{
    for (auto& [stream, session] : m_sessions)
        session->flush();
}

DocumentSession* DocsController::current() const
{
    return session(m_current);
}

DocumentSession* DocsController::session(const QString& stream) const
{
    const auto it = m_sessions.find(stream);
    return it == m_sessions.end() ? nullptr : it->second.get();
}

void DocsController::onChanges(const store::ChangeSet& changes)
{
    QStringList docs, closedDocs;
    bool listChanged = changes.streams.contains(QStringLiteral("user:") + m_setup.userId);
    for (const QString& stream : changes.streams) {
        if (!isDocStream(stream))
            continue;
        listChanged = true;
        (m_sessions.count(stream) ? docs : closedDocs) << stream;
    }
    if (changes.tables.contains(QStringLiteral("streams")))
        listChanged = true;
    if (!docs.isEmpty())
        QMetaObject::invokeMethod(m_loader, [loader = m_loader, docs] { loader->refresh(docs); });
    if (!closedDocs.isEmpty())
        QMetaObject::invokeMethod(m_loader, [loader = m_loader, closedDocs] { loader->prepare(closedDocs); });
    if (listChanged) {
        m_listTimer.start();
        const QString userId = m_setup.userId;
        QMetaObject::invokeMethod(m_loader, [loader = m_loader, userId] { loader->readMentions(userId); });
        if (!m_current.isEmpty() && docs.contains(m_current)) {
            const QString stream = m_current;
            QMetaObject::invokeMethod(m_loader, [loader = m_loader, stream] { loader->readVersions(stream); });
        }
    }
}

void DocsController::downloadSnapshot(const SnapshotBlob& blob)
{
    for (const SnapshotBlob& pending : std::as_const(m_snapshotDownloads)) {
        if (pending.sha256 == blob.sha256)
            return; // on its way
    }
    const quint64 requestId = m_sync.downloadBlob(blob.id);
    m_snapshotDownloads.insert(requestId, blob);
    QTimer::singleShot(kSnapshotDownloadTimeoutMs, this, [this, requestId] {
        if (!m_snapshotDownloads.contains(requestId))
            return;
        const SnapshotBlob blob = m_snapshotDownloads.take(requestId);
        const QString reason = QStringLiteral("no answer within %1 s").arg(kSnapshotDownloadTimeoutMs / 1000);
        QMetaObject::invokeMethod(m_loader,
                                  [loader = m_loader, blob, reason] { loader->snapshotUnavailable(blob, reason); });
    });
}

void DocsController::readList()
{
    const quint64 generation = ++m_listGeneration;
    const QString userId = m_setup.userId;
    QMetaObject::invokeMethod(m_loader,
                              [loader = m_loader, generation, userId] { loader->readList(generation, userId); });
}

void DocsController::onListRead(quint64 generation, const QList<DocumentRow>& rows)
{
    if (generation != m_listGeneration)
        return;
    m_list.setDocuments(rows);
    for (const DocumentRow& row : rows) {
        if (DocumentSession* s = session(row.stream)) {
            s->setTitle(row.title);
            s->setUnsentEntries(row.unsent);
        }
    }
    if (!m_loaded) {
        m_loaded = true;
        emit loadedChanged();
        if (!m_pendingLink.isEmpty()) {
            if (const QString error = openLink(std::exchange(m_pendingLink, QUrl())); !error.isEmpty())
                emit notice(error);
        }
    }
}

QString DocsController::titleOf(const QString& stream) const
{
    if (const DocumentRow* row = m_list.document(stream))
        return row->title;
    if (DocumentSession* s = session(stream))
        return s->title();
    return {};
}

bool DocsController::isMine(const QString& stream) const
{
    const DocumentRow* row = m_list.document(stream);
    return row && row->creator == m_setup.userId;
}

QString DocsController::create(const QString& title)
{
    const QString trimmed = title.trimmed().isEmpty() ? tr("Untitled") : title.trimmed();
    if (trimmed.size() > kMaxTitleLength)
        return tr("Titles can have at most %1 characters.").arg(kMaxTitleLength);
    const QString stream = QLatin1String(kDocStreamPrefix) + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_sync.submit({{},
                   stream,
                   QStringView(sync::kStreamCreateKind).toString(),
                   json({{QStringLiteral("kind"), QStringLiteral("doc")}, {QStringLiteral("name"), trimmed}}),
                   {},
                   0,
                   {},
                   {}});
    open(stream);
    if (DocumentSession* s = session(stream))
        s->setTitle(trimmed);
    return {};
}

QString DocsController::rename(const QString& stream, const QString& title)
{
    const QString trimmed = title.trimmed();
    if (trimmed.isEmpty())
        return tr("A document needs a title.");
    if (trimmed.size() > kMaxTitleLength)
        return tr("Titles can have at most %1 characters.").arg(kMaxTitleLength);
    if (!isDocStream(stream))
        return tr("There is no such document.");
    m_sync.submit({{},
                   stream,
                   QStringView(sync::kStreamUpdateKind).toString(),
                   json({{QStringLiteral("name"), trimmed}}),
                   {},
                   0,
                   {},
                   {}});
    if (DocumentSession* s = session(stream))
        s->setTitle(trimmed);
    return {};
}

QString DocsController::submitDeleted(const QString& stream, bool deleted)
{
    if (!isMine(stream))
        return deleted ? tr("Only the person who created this document can delete it.")
                       : tr("Only the person who created this document can restore it.");
    m_sync.submit({{}, stream, kind::meta, encodeDeleted(deleted), {}, 0, {}, {}});
    return {};
}

QString DocsController::remove(const QString& stream)
{
    if (QString error = submitDeleted(stream, true); !error.isEmpty())
        return error;
    const QString title = titleOf(stream);
    close(stream);
    emit removed(stream, title);
    return {};
}

QString DocsController::restore(const QString& stream)
{
    return submitDeleted(stream, false);
}

void DocsController::setStarred(const QString& stream, bool starred)
{
    m_sync.submit({{},
                   QStringLiteral("user:") + m_setup.userId,
                   QStringLiteral("pref"),
                   json({{QStringLiteral("stream"), stream}, {QStringLiteral("starred"), starred}}),
                   {},
                   0,
                   {},
                   {}});
}

void DocsController::open(const QString& stream)
{
    if (!isDocStream(stream))
        return;
    if (!m_sessions.count(stream)) {
        DocumentSession::Context context{m_sync,           m_setup.userId,
                                         m_setup.userName, m_setup.profileDir,
                                         m_setup.nameOf,   [this](const QUuid& id) { return inCache(id); },
                                         m_snapshots};
        auto created = std::make_unique<DocumentSession>(std::move(context), stream, titleOf(stream));
        // The controller owns its sessions: one QML got from session() is not the engine's to collect.
        QQmlEngine::setObjectOwnership(created.get(), QQmlEngine::CppOwnership);
        m_sessions.emplace(stream, std::move(created));
        m_open << stream;
        emit openStreamsChanged();
        QMetaObject::invokeMethod(m_loader, [loader = m_loader, stream] { loader->open(stream); });
    }
    if (m_setup.noteOpened)
        m_setup.noteOpened(stream);
    setCurrent(stream);
}

void DocsController::close(const QString& stream)
{
    const auto it = m_sessions.find(stream);
    if (it == m_sessions.end())
        return;
    const qsizetype at = m_open.indexOf(stream);
    m_open.removeAll(stream);
    if (m_current == stream) {
        m_current = m_open.isEmpty() ? QString() : m_open.at(qMin(at, m_open.size() - 1));
        m_versions.setVersions({});
        emit currentChanged();
    }
    emit openStreamsChanged();
    m_sessions.erase(it); // flushes its edits
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, stream] { loader->close(stream); });
}

void DocsController::setCurrent(const QString& stream)
{
    if (stream == m_current || (!stream.isEmpty() && !m_sessions.count(stream)))
        return;
    m_current = stream;
    m_versions.setVersions({});
    emit currentChanged();
    if (!stream.isEmpty())
        QMetaObject::invokeMethod(m_loader, [loader = m_loader, stream] { loader->readVersions(stream); });
}

QString DocsController::streamOfLink(const QUrl& link)
{
    if (link.scheme() != QLatin1String("convene") || link.host() != QLatin1String("docs"))
        return {};
    const QString id = link.path(QUrl::FullyDecoded).mid(1);
    if (id.isEmpty() || id.size() > 200 || id.contains(u'/'))
        return {};
    return QLatin1String(kDocStreamPrefix) + id;
}

QString DocsController::openLink(const QUrl& link)
{
    if (!m_loaded) {
        m_pendingLink = link;
        return {};
    }
    const QString stream = streamOfLink(link);
    const DocumentRow* row = stream.isEmpty() ? nullptr : m_list.document(stream);
    if (!row)
        return tr("This document link does not lead to a document in this workspace.");
    if (row->deleted)
        return tr("“%1” was deleted.").arg(row->title);
    open(stream);
    return {};
}

void DocsController::copyLink(const QString& stream) const
{
    if (const QString link = linkFor(stream); !link.isEmpty())
        QGuiApplication::clipboard()->setText(link);
}

QString DocsController::linkFor(const QString& stream) const
{
    if (!isDocStream(stream))
        return {};
    return kLinkPrefix + QString::fromUtf8(QUrl::toPercentEncoding(stream.mid(4)));
}

void DocsController::search(const QString& text)
{
    const quint64 generation = ++m_searchGeneration;
    if (text.trimmed().isEmpty())
        return m_list.endSearch();
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, generation, text] { loader->search(generation, text); });
}

QVariantList DocsController::mentionCandidates(const QString& prefix) const
{
    QVariantList candidates;
    if (!m_setup.memberIds)
        return candidates;
    for (const QString& id : m_setup.memberIds()) {
        if (id == m_setup.userId)
            continue;
        const QString name = m_setup.nameOf(id);
        if (prefix.isEmpty() || name.startsWith(prefix, Qt::CaseInsensitive) ||
            name.contains(u' ' + prefix, Qt::CaseInsensitive))
            candidates << QVariantMap{{QStringLiteral("userId"), id}, {QStringLiteral("name"), name}};
    }
    return candidates;
}

QString DocsController::mention(const QString& userId, const QString& excerpt)
{
    DocumentSession* s = current();
    if (!s)
        return tr("Open a document first.");
    if (userId == m_setup.userId)
        return {};
    m_sync.submit({{}, s->stream(), kind::mention, encodeMention({userId, excerpt.simplified()}), {}, 0, {}, {}});
    return {};
}

QString DocsController::saveVersion(const QString& name)
{
    DocumentSession* s = current();
    if (!s || !s->loaded())
        return tr("Open a document first.");
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("A version needs a name.");
    s->flush();
    const std::vector<uint8_t> state = s->doc().encodeStateAsUpdate();
    const QByteArray payload =
        encodeNamedVersion({trimmed, QByteArray(reinterpret_cast<const char*>(state.data()), qsizetype(state.size()))});
    if (payload.size() > kMaxVersionBytes)
        return tr("This document is too large to keep as a named version (%1 KB; the limit is %2 KB).")
            .arg((payload.size() + 1023) / 1024)
            .arg(kMaxVersionBytes / 1024);
    m_sync.submit({{}, s->stream(), kind::version, payload, trimmed, 0, {}, {}});
    return {};
}

void DocsController::showVersion(qint64 id, QQuickTextDocument* target)
{
    m_versionTarget = target;
    m_restoreRequested = false;
    const quint64 generation = ++m_versionGeneration;
    const qint64 previous = m_versions.previousEntryId(id);
    QMetaObject::invokeMethod(m_loader, [loader = m_loader, generation, id, previous] {
        loader->readVersion(generation, id, previous, true);
    });
}

void DocsController::restoreVersion(qint64 id)
{
    m_restoreRequested = true;
    m_restoreStream = m_current;
    m_restoreName = m_versions.nameOf(id);
    const quint64 generation = ++m_versionGeneration;
    QMetaObject::invokeMethod(m_loader,
                              [loader = m_loader, generation, id] { loader->readVersion(generation, id, 0, false); });
}

void DocsController::onVersionRead(quint64 generation, const std::shared_ptr<const VersionContent>& version)
{
    if (generation != m_versionGeneration || !version->found)
        return;
    if (m_restoreRequested) {
        m_restoreRequested = false;
        DocumentSession* s = session(m_restoreStream);
        if (!s)
            return;
        s->applyLocalDelta(transformingDelta(s->text().toDelta(), version->content));
        emit versionRestored(m_restoreName);
        return;
    }
    QTextDocument* target = m_versionTarget ? m_versionTarget->textDocument() : nullptr;
    if (!target)
        return;
    renderDelta(*target, version->marked, RichTextStyle{});
    paintDiff(*target, version->marked);
    const DiffSummary summary = diffSummary(version->marked);
    emit versionShown(summary.added, summary.removed);
}

QString DocsController::importMarkdown(const QUrl& file)
{
    const Result<QString> text = readMarkdownFile(file.toLocalFile());
    if (!text)
        return text.error().message;
    const QString title = QFileInfo(file.toLocalFile()).completeBaseName();
    if (QString error = create(title); !error.isEmpty())
        return error;
    DocumentSession* s = current();
    const std::unique_ptr<QTextDocument> document = documentFromMarkdown(*text);
    std::vector<crdt::DeltaOp> content = deltaFromDocument(*document);
    connect(
        s, &DocumentSession::loadedChanged, s, [s, content = std::move(content)] { s->applyLocalDelta(content); },
        Qt::SingleShotConnection);
    return {};
}

QString DocsController::exportCurrent(const QUrl& file)
{
    DocumentSession* s = current();
    if (!s || !s->loaded())
        return tr("Open a document first.");
    QTextDocument document;
    renderDelta(document, s->text().toDelta(), RichTextStyle{});
    const Result<void> written = exportDocument(document, file.toLocalFile(), exportFormatForPath(file.toLocalFile()));
    return written ? QString() : written.error().message;
}

store::Database* DocsController::cache()
{
    if (!m_cache) {
        auto db = store::Database::open(m_sync.cachePath(), store::Database::Mode::ReadOnly);
        if (!db)
            return nullptr;
        m_cache = std::move(db).value();
    }
    return m_cache.get();
}

bool DocsController::inCache(const QUuid& clientId)
{
    store::Database* db = cache();
    if (!db)
        return false;
    auto q = db->prepare(QStringLiteral("SELECT 1 FROM entries WHERE client_id = ?"));
    if (!q)
        return false;
    (*q)->bind(1, clientId.toRfc4122());
    return (*q)->step().valueOr(false);
}

} // namespace convene::docs
