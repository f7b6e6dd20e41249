#include "convene/docs/document_session.h"
#include "update_bytes.h"

#include "document_awareness.h"
#include "snapshot_writer.h"

#include <convene/docs/doc_entries.h>
#include <convene/docs/rich_text_binding.h>
#include <convene/sync/sync_service.h>

#include <crdt/update.h>

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QQuickItem>
#include <QQuickTextDocument>

namespace convene::docs {

namespace {

Q_LOGGING_CATEGORY(lcSession, "convene.docs.session")

// Edits go out at most this long after the first of a batch, and at once past the size.
constexpr int kFlushDelayMs = 400;
constexpr qsizetype kFlushBytes = 32 * 1024;
// While someone edits, a snapshot now and then keeps opening and search current.
constexpr int kSnapshotIntervalMs = 5 * 60 * 1000;
// Others' changes queued at once apply in turns of about this long (half a frame).
constexpr qint64 kRemoteSliceNs = 8'000'000;

constexpr char kRemoteOrigin = 'r'; // transactions applying what the cache delivered
constexpr char kRestoreOrigin = 'l'; // the user's restores, imports and replayed journal

} // namespace

DocumentSession::DocumentSession(Context context, QString stream, QString title, QObject* parent)
    : QObject(parent),
      m_context(std::move(context)),
      m_stream(std::move(stream)),
      m_title(std::move(title)),
      m_text(m_doc.getText(kContentName)),
      m_journal(documentFileBase(m_context.profileDir, m_stream) + QStringLiteral(".journal"))
{
    m_doc.onUpdate([this](const std::vector<uint8_t>& update, const void* origin) {
        if (origin != &kRemoteOrigin)
            onLocalUpdate(update);
    });
    // Others' cursors are tied to characters: any edit, the user's or someone else's, moves them.
    m_observer = m_text.observe([this](const crdt::Event&) {
        if (m_awareness && m_awareness->tracksCursors())
            m_awareness->textChanged();
    });
    m_remoteTimer.setSingleShot(true);
    m_remoteTimer.setInterval(0);
    m_remoteTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_remoteTimer, &QTimer::timeout, this, &DocumentSession::applyQueuedRemote);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &DocumentSession::flush);
    m_snapshotTimer.setInterval(kSnapshotIntervalMs);
    connect(&m_snapshotTimer, &QTimer::timeout, this, &DocumentSession::writeSnapshot);
    m_snapshotTimer.start();
    connect(&m_context.sync.changes(), &store::ChangeNotifier::changed, this, [this](const store::ChangeSet& changes) {
        if (changes.streams.contains(m_stream))
            onCacheChanged();
    });

    connect(&m_context.sync, &sync::SyncService::blobUploaded, this,
            [this](quint64 requestId, const sync::BlobRef& blob) {
                if (m_pendingImages.contains(requestId))
                    onBlobUploaded(requestId, blob.id);
            });
    connect(&m_context.sync, &sync::SyncService::blobDownloaded, this,
            [this](quint64 requestId, const QByteArray& data) {
                if (m_imageDownloads.contains(requestId))
                    onBlobDownloaded(requestId, data);
            });
    connect(&m_context.sync, &sync::SyncService::requestFailed, this, [this](quint64 requestId, const QString& reason) {
        if (m_pendingImages.remove(requestId))
            setProblem(tr("The image could not be uploaded: %1").arg(reason));
        m_imageDownloads.remove(requestId);
    });
    if (m_context.snapshots)
        connect(m_context.snapshots, &SnapshotWriter::failed, this, [this](const QString& stream) {
            if (stream == m_stream)
                m_editedSinceSnapshot = true; // the next one tries again
        });
    sync::SyncService& sync = m_context.sync;
    m_awareness = std::make_unique<DocumentAwareness>(
        m_doc, m_text,
        DocumentAwareness::Context{m_context.userId, m_context.userName,
                                   [&sync, stream = m_stream](const QByteArray& payload) {
                                       sync.sendEphemeral({stream, QStringLiteral("awareness"), {}, payload});
                                   },
                                   m_context.nameOf});
}

DocumentSession::~DocumentSession()
{
    flush();
    if (m_editedSinceSnapshot)
        writeSnapshot();
    m_binding.reset();
    m_awareness.reset();
}

void DocumentSession::setTitle(const QString& title)
{
    if (title == m_title)
        return;
    m_title = title;
    emit titleChanged();
}

bool DocumentSession::canUndo() const
{
    return m_binding && m_binding->canUndo();
}

bool DocumentSession::canRedo() const
{
    return m_binding && m_binding->canRedo();
}

ParticipantModel* DocumentSession::participants()
{
    return m_awareness->participants();
}

void DocumentSession::setProblem(const QString& problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    emit problemChanged();
}

void DocumentSession::load(const QByteArray& state, const QString& covered)
{
    if (const crdt::Status status = m_doc.applyUpdate(bytesOf(state), &kRemoteOrigin); !status) {
        // Still loading: the loader follows with the document as its updates make it.
        qCWarning(lcSession) << "state of" << m_stream << "unreadable:" << status.error.c_str();
        return;
    }
    m_covered = covered;
    replayJournal();
    if (!m_loaded) {
        m_loaded = true;
        emit loadedChanged();
    }
}

void DocumentSession::replayJournal()
{
    // Edits a crash kept from the outbox go out again, every record as it is: those the cache
    // has already change nothing anywhere (updates merge idempotently). Which ones it lacks
    // cannot be told here: a record may build on entries the loader delivers only after the
    // state (a saved state is older than the cache), and would wait in the document until then,
    // to be taken in with those entries as someone else's change, and never sent.
    const QList<QByteArray> records = m_journal.read();
    if (records.isEmpty())
        return;
    m_replaying = true;
    for (const QByteArray& update : records) {
        if (const crdt::Status status = m_doc.applyUpdate(bytesOf(update), &kRestoreOrigin); !status) {
            qCWarning(lcSession) << "journal record of" << m_stream << "unreadable:" << status.error.c_str();
            continue;
        }
        m_outgoing.emplace_back(update.begin(), update.end());
        m_outgoingBytes += update.size();
    }
    m_replaying = false;
    m_editedSinceSnapshot = true;
    flush();
}

void DocumentSession::applyRemote(const QList<QByteArray>& updates, const QString& covered,
                                  std::function<void(double applyMs)> applied)
{
    m_remoteQueue.push_back({updates, 0, covered, std::move(applied), 0});
    if (!m_remoteTimer.isActive())
        m_remoteTimer.start();
}

void DocumentSession::applyQueuedRemote()
{
    // A timer, not a posted event: timers fire in the order they fell due, so whatever was
    // waiting (the frame asked for by the last change, input) runs before this change.
    // One update can take milliseconds (the editor lays out what it changed), so the turn ends
    // when another as long as the longest so far would overrun it.
    QElapsedTimer spent;
    spent.start();
    qint64 longestNs = 0;
    while (!m_remoteQueue.empty()) {
        RemoteChange& change = m_remoteQueue.front();
        while (change.next < change.updates.size()) {
            if (longestNs > 0 && spent.nsecsElapsed() + longestNs > kRemoteSliceNs) {
                m_remoteTimer.start();
                return;
            }
            const qint64 startNs = spent.nsecsElapsed();
            const QByteArray& update = change.updates[change.next++];
            if (const crdt::Status status = m_doc.applyUpdate(bytesOf(update), &kRemoteOrigin); !status)
                qCWarning(lcSession) << "change of" << m_stream << "unreadable:" << status.error.c_str();
            const qint64 tookNs = std::max<qint64>(spent.nsecsElapsed() - startNs, 1);
            change.applyNs += tookNs;
            longestNs = std::max(longestNs, tookNs);
        }
        if (!change.covered.isEmpty())
            m_covered = change.covered;
        const auto applied = std::move(change.applied);
        const double applyMs = double(change.applyNs) / 1e6;
        m_remoteQueue.erase(m_remoteQueue.begin());
        if (applied)
            applied(applyMs);
    }
}

void DocumentSession::receive(const sync::EphemeralMessage& message)
{
    if (message.kind == QLatin1String("awareness"))
        m_awareness->receive(message.sender, message.payload);
}

void DocumentSession::setUnsentEntries(int count)
{
    m_unsentEntries = count;
    updateSaveState();
}

void DocumentSession::attach(QQuickTextDocument* document)
{
    // The text item rebuilds only what is in view when it observes the viewport; Qt turns that
    // on only for text set as a whole, and without it every edit rebuilds every line's nodes.
    if (auto* item = document ? qobject_cast<QQuickItem*>(document->parent()) : nullptr)
        item->setFlag(QQuickItem::ItemObservesViewport);
    attachDocument(document ? document->textDocument() : nullptr);
}

void DocumentSession::attachDocument(QTextDocument* document)
{
    if (document == m_document)
        return;
    m_binding.reset();
    m_document = document;
    if (!document)
        return;
    m_binding = std::make_unique<RichTextBinding>(document, m_doc, m_text, m_style);
    connect(m_binding.get(), &RichTextBinding::undoRedoChanged, this, &DocumentSession::undoStateChanged);
    connect(m_binding.get(), &RichTextBinding::imageNeeded, this, &DocumentSession::fetchImage);
    emit undoStateChanged();
}

void DocumentSession::undo()
{
    if (m_binding)
        m_binding->undo();
}

void DocumentSession::redo()
{
    if (m_binding)
        m_binding->redo();
}

void DocumentSession::setCursor(int anchor, int head)
{
    m_awareness->setCursor(anchor, head);
}

void DocumentSession::applyLocalDelta(const std::vector<crdt::DeltaOp>& delta)
{
    m_doc.transact([&](crdt::Transaction&) { m_text.applyDelta(delta); }, &kRestoreOrigin);
}

void DocumentSession::onLocalUpdate(const std::vector<uint8_t>& update)
{
    if (m_replaying)
        return; // the journal's records go out themselves
    const QByteArray bytes = toByteArray(update);
    if (!m_journal.append(bytes))
        setProblem(tr("Your edits cannot be kept on this computer (%1 is not writable); they are sent as usual.")
                       .arg(m_journal.path()));
    m_outgoing.push_back(update);
    m_outgoingBytes += bytes.size();
    m_editedSinceSnapshot = true;
    if (m_outgoingBytes >= kFlushBytes)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
    updateSaveState();
}

void DocumentSession::flush()
{
    m_flushTimer.stop();
    if (m_outgoing.empty())
        return;
    std::vector<uint8_t> merged;
    try {
        merged = m_outgoing.size() == 1 ? m_outgoing.front() : crdt::mergeUpdates(m_outgoing);
    } catch (const crdt::DecodeError& error) {
        // The document's own updates always decode; this would be a bug, so keep every one.
        qCWarning(lcSession) << "merging edits of" << m_stream << "failed:" << error.what();
        for (const auto& update : m_outgoing)
            m_awaitingClientId =
                m_context.sync.submit({{}, m_stream, kind::update, toByteArray(update), {}, 0, {}, {}});
        m_outgoing.clear();
        m_outgoingBytes = 0;
        return;
    }
    m_outgoing.clear();
    m_outgoingBytes = 0;
    m_awaitingClientId = m_context.sync.submit({{}, m_stream, kind::update, toByteArray(merged), {}, 0, {}, {}});
    updateSaveState();
}

void DocumentSession::onCacheChanged()
{
    // The journal may go once everything it holds is in the cache's outbox.
    if (m_outgoing.empty() && !m_awaitingClientId.isNull() && m_context.inCache &&
        m_context.inCache(m_awaitingClientId)) {
        m_journal.clear();
        m_awaitingClientId = QUuid();
    }
}

void DocumentSession::writeSnapshot()
{
    if (!m_editedSinceSnapshot || !m_loaded || !m_context.snapshots)
        return;
    flush();
    const std::vector<uint8_t> state = m_doc.encodeStateAsUpdate();
    QString body = QString::fromStdU16String(m_text.toU16String());
    body.remove(QChar::ObjectReplacementCharacter);
    // Without a known newest entry the snapshot still serves search and merges like any update;
    // it just cannot stand in for older entries when the document opens.
    const auto outcome = m_context.snapshots->write(m_stream, toByteArray(state), body, m_covered);
    if (outcome == SnapshotWriter::Outcome::TooLarge)
        qCWarning(lcSession) << "state of" << m_stream << "too large for a snapshot:" << state.size() << "bytes";
    m_editedSinceSnapshot = false;
}

void DocumentSession::updateSaveState()
{
    const SaveState state = !m_outgoing.empty() ? SaveState::Saving
                            : m_unsentEntries > 0 && m_context.sync.state() != sync::ConnectionState::Online
                                ? SaveState::Queued
                            : m_unsentEntries > 0 ? SaveState::Saving
                                                  : SaveState::Saved;
    if (state == m_saveState)
        return;
    m_saveState = state;
    emit saveStateChanged();
}

} // namespace convene::docs
