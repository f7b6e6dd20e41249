#include "doc_loader.h"
#include "../update_bytes.h"

#include "../seed_content.h"
#include "doc_queries.h"

#include <convene/docs/doc_entries.h>
#include <convene/docs/edit_journal.h>
#include <convene/docs/saved_state.h>
#include <convene/docs/version_diff.h>
#include <convene/store/database.h>

#include <crdt/update.h>
#include <crdt/ytext.h>

#include <QLoggingCategory>

#include <algorithm>
#include <limits>

namespace convene::docs {

namespace {

Q_LOGGING_CATEGORY(lcDocs, "convene.docs")

constexpr int kSaveDelayMs = 3000;
// Closed documents' states are prepared this long after a change, at most this often.
constexpr int kPrepareDelayMs = 2000;
// Entries per delivery to the UI thread, which applies them a few at a time between frames.
// Where each costs more (long documents re-lay out what follows an edit), the UI's report of
// how long the last delivery took makes them fewer, so that a new entry never waits long.
constexpr int kSliceEntries = 8;
constexpr int kMaxSliceEntries = 32;
constexpr double kDeliveryBudgetMs = 8;

} // namespace

DocLoader::DocLoader(QString cachePath, QString profileDir)
    : m_cachePath(std::move(cachePath)),
      m_profileDir(std::move(profileDir)),
      m_snapshots(m_profileDir),
      m_saveTimer(this), // moves with the loader
      m_prepareTimer(this)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &DocLoader::saveStates);
    m_prepareTimer.setSingleShot(true);
    m_prepareTimer.setInterval(kPrepareDelayMs);
    connect(&m_prepareTimer, &QTimer::timeout, this, &DocLoader::prepareQueued);
}

DocLoader::~DocLoader()
{
    saveStates();
}

bool DocLoader::ensureOpen()
{
    if (m_db)
        return true;
    auto db = store::Database::open(m_cachePath, store::Database::Mode::ReadOnly);
    if (!db) {
        emit failed(db.error().message);
        return false;
    }
    m_db = std::move(db).value();
    m_queries = std::make_unique<DocQueries>(*m_db);
    return true;
}

DocLoader::Mirror& DocLoader::mirrorFor(const QString& stream)
{
    Mirror& mirror = m_mirrors[stream];
    if (!mirror.doc) {
        mirror.doc = std::make_unique<crdt::Doc>();
        mirror.doc->getText(kContentName);
        mirror.handle = mirror.doc->onUpdate(
            [&mirror](const std::vector<uint8_t>& update, const void*) { mirror.changes.push_back(update); });
    }
    return mirror;
}

void DocLoader::open(const QString& stream)
{
    if (!ensureOpen())
        return;
    m_mirrors.erase(stream);
    Mirror* mirror = &mirrorFor(stream);
    if (const auto saved = savedState(stream)) {
        // The UI shows the saved state while the mirror takes it and what came since.
        emit opened(stream, saved->state, QString());
        if (mirror->doc->applyUpdate(bytesOf(saved->state))) {
            mirror->lastId = saved->throughEntryId;
            mirror->changes.clear();
            refresh({stream});
            return;
        }
        qCWarning(lcDocs) << "saved state of" << stream << "unreadable";
        m_mirrors.erase(stream);
        mirror = &mirrorFor(stream);
    }
    openFromEntries(stream, *mirror);
}

std::optional<SavedState> DocLoader::savedState(const QString& stream, SavedStatePart part)
{
    auto saved = readSavedState(documentFileBase(m_profileDir, stream) + QStringLiteral(".state"), part);
    if (!saved)
        return std::nullopt;
    // Made from this cache? A cache made anew numbers its rows anew.
    const Result<QByteArray> key = m_queries->entryKey(saved->throughEntryId);
    if (!key || key->isEmpty() || *key != saved->entryKey)
        return std::nullopt;
    return saved;
}

void DocLoader::openFromEntries(const QString& stream, Mirror& mirror)
{
    auto newest = m_queries->newestSnapshot(stream);
    if (!newest) {
        emit problem(stream, newest.error().message);
        return finishOpen(stream, mirror, std::nullopt);
    }
    std::optional<DocQueries::Snapshot> snapshot = std::move(*newest);
    const SnapshotPayload payload = snapshot ? decodeSnapshotPayload(snapshot->entry.payload) : SnapshotPayload{};
    if (payload.form == SnapshotPayload::Form::Unknown) {
        qCWarning(lcDocs).nospace() << "snapshot entry " << snapshot->entry.id << " of " << stream
                                    << " is in a form this version cannot read (format " << payload.version
                                    << "); opening from the updates";
        snapshot.reset();
    } else if (payload.form == SnapshotPayload::Form::Blob) {
        if (payload.blob.size > kMaxSnapshotBlobBytes) {
            qCWarning(lcDocs).nospace() << "snapshot entry " << snapshot->entry.id << " of " << stream
                                        << " names a blob of " << payload.blob.size << " bytes, over the limit of "
                                        << kMaxSnapshotBlobBytes << "; not downloaded, opening from the updates";
            snapshot.reset();
        } else if (auto state = knownSnapshotState(payload.blob)) {
            snapshot->entry.payload = std::move(*state);
        } else {
            // The document shows that it is loading until the state is here (or is not coming).
            mirror.awaiting = std::move(snapshot);
            mirror.awaitedBlob = payload.blob;
            emit snapshotWanted(payload.blob);
            return;
        }
    }
    finishOpen(stream, mirror, std::move(snapshot));
}

void DocLoader::snapshotArrived(const SnapshotBlob& blob, const QByteArray& state)
{
    const QString mismatch = snapshotMismatch(blob, state);
    if (mismatch.isEmpty())
        m_lastArrived = {blob.sha256, state};
    QStringList waiting;
    for (const auto& [stream, mirror] : m_mirrors) {
        if (mirror.awaiting && mirror.awaitedBlob.sha256 == blob.sha256)
            waiting << stream;
    }
    for (const QString& stream : waiting) {
        Mirror& mirror = m_mirrors.at(stream);
        std::optional<DocQueries::Snapshot> snapshot = std::exchange(mirror.awaiting, std::nullopt);
        if (!mismatch.isEmpty()) {
            qCWarning(lcDocs).nospace() << "snapshot blob " << blob.id << " of " << stream
                                        << " does not match its reference (" << mismatch
                                        << "); opening from the updates";
            snapshot.reset();
        } else {
            snapshot->entry.payload = state;
        }
        finishOpen(stream, mirror, std::move(snapshot));
    }
    if (mismatch.isEmpty() && !m_snapshots.write(blob, state))
        qCWarning(lcDocs) << "snapshot blob" << blob.id << "not kept in" << m_snapshots.pathOf(blob);
    if (m_versionAwaiting && m_versionAwaiting->sha256 == blob.sha256) {
        const VersionRequest request = *std::exchange(m_versionAwaiting, std::nullopt);
        if (!mismatch.isEmpty()) {
            qCWarning(lcDocs).nospace() << "snapshot blob " << blob.id << " of version " << request.entryId
                                        << " does not match its reference (" << mismatch << ")";
            return emit versionRead(request.generation, std::make_shared<VersionContent>());
        }
        readVersion(request);
    }
}

void DocLoader::snapshotUnavailable(const SnapshotBlob& blob, const QString& reason)
{
    QStringList waiting;
    for (const auto& [stream, mirror] : m_mirrors) {
        if (mirror.awaiting && mirror.awaitedBlob.sha256 == blob.sha256)
            waiting << stream;
    }
    for (const QString& stream : waiting) {
        Mirror& mirror = m_mirrors.at(stream);
        mirror.awaiting.reset();
        qCWarning(lcDocs).nospace() << "snapshot blob " << blob.id << " of " << stream << " could not be downloaded ("
                                    << reason << "); opening from the updates";
        finishOpen(stream, mirror, std::nullopt);
    }
    if (m_versionAwaiting && m_versionAwaiting->sha256 == blob.sha256) {
        const VersionRequest request = *std::exchange(m_versionAwaiting, std::nullopt);
        qCWarning(lcDocs).nospace() << "snapshot blob " << blob.id << " of version " << request.entryId
                                    << " could not be downloaded (" << reason << ")";
        emit versionRead(request.generation, std::make_shared<VersionContent>());
    }
}

std::optional<QByteArray> DocLoader::knownSnapshotState(const SnapshotBlob& blob) const
{
    if (m_lastArrived.first == blob.sha256 && snapshotMismatch(blob, m_lastArrived.second).isEmpty())
        return m_lastArrived.second;
    return m_snapshots.read(blob);
}

void DocLoader::finishOpen(const QString& stream, Mirror& mirror, std::optional<DocQueries::Snapshot> snapshot)
{
    const Result<int64_t> newestId = m_queries->newestContentId(stream);
    if (!newestId)
        emit problem(stream, newestId.error().message);
    mirror.lastId = newestId.valueOr(0);
    // A snapshot stands in for everything it covers: the editor gets it with what came after it
    // (as it is when nothing did), while the mirror takes it too. Once the editor has it, the
    // mirror takes what it covers (see openShown).
    if (snapshot && snapshot->coveredPos) {
        const int64_t coveredPos = *snapshot->coveredPos;
        const Result<QList<DocEntry>> after = m_queries->updates(stream, mirror.lastId, coveredPos, false);
        const bool alone = after && after->isEmpty();
        if (alone)
            emit opened(stream, snapshot->entry.payload, QString());
        if (mirror.doc->applyUpdate(bytesOf(snapshot->entry.payload))) {
            if (!alone && after) {
                for (const DocEntry& entry : *after)
                    apply(stream, mirror, entry);
            }
            mirror.changes.clear();
            mirror.rest = Mirror::Rest{snapshot->entry.id, coveredPos};
            if (!alone)
                emit opened(stream, toByteArray(mirror.doc->encodeStateAsUpdate()), QString());
            return;
        }
        qCWarning(lcDocs).nospace() << "snapshot entry " << snapshot->entry.id << " of " << stream
                                    << " is not a document state; opening from the updates";
    }
    // Without a usable snapshot every update is applied; snapshots may still hold what is not
    // cached as updates.
    if (const auto updates = m_queries->updates(stream, mirror.lastId, std::numeric_limits<int64_t>::min(), false)) {
        for (const DocEntry& entry : *updates)
            apply(stream, mirror, entry);
    }
    if (const auto others = m_queries->snapshots(stream, mirror.lastId)) {
        for (const DocEntry& entry : *others)
            apply(stream, mirror, snapshot && entry.id == snapshot->entry.id ? snapshot->entry : entry);
    }
    mirror.changes.clear();
    mirror.stateDirty = true;
    m_saveTimer.start();
    emit opened(stream, toByteArray(mirror.doc->encodeStateAsUpdate()), covered(stream, mirror));
    if (std::exchange(mirror.refreshAgain, false))
        refresh({stream});
}

void DocLoader::openShown(const QString& stream)
{
    // Only now, so that the editor does not share the processor with this while it opens: what
    // the snapshot covers — nothing new unless its writer left something out — handed on as one
    // change.
    const auto it = m_mirrors.find(stream);
    if (it == m_mirrors.end() || !it->second.rest)
        return;
    Mirror& mirror = it->second;
    const Mirror::Rest rest = *std::exchange(mirror.rest, std::nullopt);
    if (const auto updates = m_queries->updates(stream, mirror.lastId, rest.coveredPos, true)) {
        for (const DocEntry& entry : *updates)
            apply(stream, mirror, entry);
    }
    if (const auto others = m_queries->snapshots(stream, mirror.lastId)) {
        for (const DocEntry& entry : *others) {
            if (entry.id != rest.snapshotId)
                apply(stream, mirror, entry);
        }
    }
    const QByteArray difference = takeMergedChanges(mirror);
    mirror.stateDirty = true;
    m_saveTimer.start();
    mirror.delivering = true;
    emit changed(stream, difference.isEmpty() ? QList<QByteArray>() : QList<QByteArray>{difference},
                 covered(stream, mirror));
}

void DocLoader::apply(const QString& stream, Mirror& mirror, const DocEntry& entry)
{
    if (entry.kind != kind::snapshot)
        return applyUpdate(stream, mirror, entry);
    const SnapshotPayload payload = decodeSnapshotPayload(entry.payload);
    if (payload.form == SnapshotPayload::Form::Inline)
        return applyUpdate(stream, mirror, entry);
    if (payload.form == SnapshotPayload::Form::Unknown) {
        qCWarning(lcDocs).nospace() << "snapshot entry " << entry.id << " of " << stream
                                    << " is in a form this version cannot read (format " << payload.version
                                    << "); left out";
        return;
    }
    // A state not kept here would add nothing the updates do not, unless its writer left
    // something out; it is not worth a download.
    if (auto state = knownSnapshotState(payload.blob)) {
        DocEntry resolved = entry;
        resolved.payload = std::move(*state);
        applyUpdate(stream, mirror, resolved);
    }
}

void DocLoader::applyUpdate(const QString& stream, Mirror& mirror, const DocEntry& entry)
{
    if (entry.kind == kind::seedText) {
        const auto seed = decodeSeedText(entry.payload);
        if (!seed)
            return emit problem(stream, tr("The document's first text is unreadable."));
        const std::vector<uint8_t> update = seedUpdate(stream + u'/' + entry.serverId, seed->title, seed->markdown);
        if (const crdt::Status status = mirror.doc->applyUpdate(update); !status)
            emit problem(stream, tr("The document's first text is unreadable."));
        return;
    }
    if (const crdt::Status status = mirror.doc->applyUpdate(bytesOf(entry.payload)); !status) {
        qCWarning(lcDocs) << "entry" << entry.id << "of" << stream << "by" << entry.author
                          << "is not a document update:" << status.error.c_str();
        emit problem(stream, tr("A change by %1 could not be read and was left out.").arg(entry.author));
    }
}

QList<QByteArray> DocLoader::takeChanges(Mirror& mirror)
{
    QList<QByteArray> updates;
    updates.reserve(qsizetype(mirror.changes.size()));
    for (const std::vector<uint8_t>& change : mirror.changes)
        updates.push_back(toByteArray(change));
    mirror.changes.clear();
    return updates;
}

QByteArray DocLoader::takeMergedChanges(Mirror& mirror)
{
    if (mirror.changes.empty())
        return {};
    std::vector<uint8_t> merged;
    try {
        merged = mirror.changes.size() == 1 ? mirror.changes.front() : crdt::mergeUpdates(mirror.changes);
    } catch (const crdt::DecodeError&) {
        // Our own document's updates always decode; if they ever did not, send the whole state.
        merged = mirror.doc->encodeStateAsUpdate();
    }
    mirror.changes.clear();
    return toByteArray(merged);
}

void DocLoader::close(const QString& stream)
{
    auto it = m_mirrors.find(stream);
    if (it == m_mirrors.end())
        return;
    if (it->second.stateDirty)
        saveStates();
    m_mirrors.erase(it);
}

void DocLoader::refresh(const QStringList& streams)
{
    if (!ensureOpen())
        return;
    for (const QString& stream : streams) {
        auto it = m_mirrors.find(stream);
        if (it == m_mirrors.end())
            continue;
        Mirror& mirror = it->second;
        // The UI applies one delivery at a time: what comes meanwhile waits for its turn, so
        // the UI thread keeps drawing and taking keys between deliveries.
        if (mirror.delivering || mirror.awaiting || mirror.rest) {
            mirror.refreshAgain = true;
            continue;
        }
        if (mirror.slice == 0)
            mirror.slice = kSliceEntries;
        const Result<QList<DocEntry>> entries = m_queries->contentEntriesAfter(stream, mirror.lastId, mirror.slice);
        if (!entries) {
            emit problem(stream, entries.error().message);
            continue;
        }
        for (const DocEntry& entry : *entries) {
            apply(stream, mirror, entry);
            mirror.lastId = entry.id;
        }
        if (!entries->isEmpty()) {
            mirror.stateDirty = true;
            m_saveTimer.start();
        }
        mirror.refreshAgain = entries->size() == mirror.slice;
        mirror.delivering = true;
        emit changed(stream, takeChanges(mirror), covered(stream, mirror));
    }
}

void DocLoader::delivered(const QString& stream, double applyMs)
{
    auto it = m_mirrors.find(stream);
    if (it == m_mirrors.end())
        return;
    Mirror& mirror = it->second;
    if (applyMs > kDeliveryBudgetMs)
        mirror.slice = std::max(1, mirror.slice / 2);
    else if (applyMs < kDeliveryBudgetMs / 4)
        mirror.slice = std::min(kMaxSliceEntries, mirror.slice * 2);
    mirror.delivering = false;
    if (std::exchange(mirror.refreshAgain, false))
        refresh({stream});
}

QString DocLoader::covered(const QString& stream, const Mirror& mirror)
{
    const Result<bool> complete = m_queries->historyComplete(stream);
    if (!complete)
        return {};
    if (!*complete) {
        emit historyWanted(stream);
        return {};
    }
    return m_queries->newestServerId(stream, mirror.lastId).valueOr(QString());
}

void DocLoader::saveStates()
{
    if (!m_queries)
        return;
    for (auto& [stream, mirror] : m_mirrors) {
        if (mirror.stateDirty && writeState(stream, mirror.lastId, *mirror.doc))
            mirror.stateDirty = false;
    }
}

bool DocLoader::writeState(const QString& stream, int64_t throughId, crdt::Doc& doc)
{
    if (throughId <= 0)
        return false;
    const Result<QByteArray> key = m_queries->entryKey(throughId);
    if (!key || key->isEmpty())
        return false;
    const SavedState saved{throughId, *key, toByteArray(doc.encodeStateAsUpdate())};
    return writeSavedState(documentFileBase(m_profileDir, stream) + QStringLiteral(".state"), saved);
}

void DocLoader::readList(quint64 generation, const QString& userId)
{
    if (!ensureOpen())
        return;
    const Result<QList<DocumentRow>> rows = m_queries->documents(userId);
    if (!rows)
        return emit failed(rows.error().message);
    emit listRead(generation, *rows);
    if (!std::exchange(m_listReadOnce, true)) {
        // Histories cached while the app was not running get their states prepared too.
        QStringList streams;
        for (const DocumentRow& row : *rows)
            streams << row.stream;
        prepare(streams);
    }
}

void DocLoader::search(quint64 generation, const QString& text)
{
    if (!ensureOpen())
        return;
    constexpr int kLimit = 50;
    const Result<QList<SearchHit>> hits = m_queries->search(text, kLimit);
    if (!hits)
        return emit failed(hits.error().message);
    emit searched(generation, *hits);
}

void DocLoader::readVersions(const QString& stream)
{
    if (!ensureOpen())
        return;
    const Result<QList<VersionRow>> rows = m_queries->versions(stream);
    if (!rows)
        return emit problem(stream, rows.error().message);
    emit versionsRead(stream, *rows);
}

void DocLoader::readVersion(quint64 generation, qint64 entryId, qint64 previousEntryId, bool compare)
{
    if (!ensureOpen())
        return;
    readVersion(VersionRequest{generation, entryId, previousEntryId, compare, {}});
}

void DocLoader::readVersion(const VersionRequest& request)
{
    std::optional<SnapshotBlob> wanted; // a version's state is a blob not kept here
    const auto stateOf = [this, &wanted](qint64 id) -> std::optional<std::vector<crdt::DeltaOp>> {
        if (id <= 0)
            return std::nullopt;
        const Result<QByteArray> payload = m_queries->payloadOf(id);
        if (!payload || payload->isEmpty())
            return std::nullopt;
        QByteArray state = *payload;
        if (const auto named = decodeNamedVersion(*payload)) {
            state = named->state;
        } else if (const SnapshotPayload snapshot = decodeSnapshotPayload(*payload);
                   snapshot.form == SnapshotPayload::Form::Unknown ||
                   (snapshot.form == SnapshotPayload::Form::Blob && snapshot.blob.size > kMaxSnapshotBlobBytes)) {
            return std::nullopt;
        } else if (snapshot.form == SnapshotPayload::Form::Blob) {
            auto known = knownSnapshotState(snapshot.blob);
            if (!known) {
                wanted = snapshot.blob;
                return std::nullopt;
            }
            state = std::move(*known);
        }
        crdt::Doc doc;
        crdt::Text text = doc.getText(kContentName);
        if (!doc.applyUpdate(bytesOf(state)))
            return std::nullopt;
        return text.toDelta();
    };
    auto version = std::make_shared<VersionContent>();
    if (auto content = stateOf(request.entryId)) {
        version->found = true;
        version->content = std::move(*content);
        if (request.compare)
            version->marked =
                markedDelta(stateOf(request.previousEntryId).value_or(std::vector<crdt::DeltaOp>{}), version->content);
    }
    if (wanted && request.sha256.isEmpty()) { // once: a state that still is not here is not coming
        m_versionAwaiting = request;
        m_versionAwaiting->sha256 = wanted->sha256;
        return emit snapshotWanted(*wanted);
    }
    emit versionRead(request.generation, version);
}

void DocLoader::readMentions(const QString& userId)
{
    if (!ensureOpen())
        return;
    if (m_mentionsAfter < 0) {
        m_mentionsAfter = m_queries->newestEntryId().valueOr(0);
        return;
    }
    const auto rows = m_queries->mentionsAfter(m_mentionsAfter);
    if (!rows)
        return;
    for (const DocQueries::MentionRow& row : *rows) {
        m_mentionsAfter = qMax(m_mentionsAfter, row.id);
        const auto mention = decodeMention(row.payload);
        // Others' mentions of this user; the author is the envelope's.
        if (mention && mention->userId == userId && row.author != userId)
            emit mentioned(row.stream, row.title, row.author, mention->excerpt);
    }
}

} // namespace convene::docs
