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

#include <QCoreApplication>
#include <QLoggingCategory>

#include <limits>

namespace convene::docs {

namespace {

Q_LOGGING_CATEGORY(lcDocs, "convene.docs")

QString tr(const char* text)
{
    return QCoreApplication::translate("convene::docs::DocLoader", text);
}

constexpr int kSaveDelayMs = 3000;
// Entries per delivery to the UI thread: a burst of others' edits arrives in steps small
// enough to apply within a frame.
constexpr int kSliceEntries = 8;

} // namespace

DocLoader::DocLoader(QString cachePath, QString profileDir)
    : m_cachePath(std::move(cachePath)), m_profileDir(std::move(profileDir)), m_saveTimer(this) // moves with the loader
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &DocLoader::saveStates);
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
    loadFromEntries(stream, *mirror);
    mirror->changes.clear();
    if (mirror->stateDirty)
        m_saveTimer.start();
    emit opened(stream, toByteArray(mirror->doc->encodeStateAsUpdate()), covered(stream, *mirror));
}

std::optional<SavedState> DocLoader::savedState(const QString& stream)
{
    auto saved = readSavedState(documentFileBase(m_profileDir, stream) + QStringLiteral(".state"));
    if (!saved)
        return std::nullopt;
    // Made from this cache? A cache made anew numbers its rows anew.
    const Result<QByteArray> key = m_queries->entryKey(saved->throughEntryId);
    if (!key || key->isEmpty() || *key != saved->entryKey)
        return std::nullopt;
    return saved;
}

void DocLoader::loadFromEntries(const QString& stream, Mirror& mirror)
{
    const Result<QList<DocEntry>> all = m_queries->contentEntriesAfter(stream, 0);
    if (!all)
        return emit problem(stream, all.error().message);
    for (const DocEntry& entry : *all)
        mirror.lastId = qMax(mirror.lastId, entry.id);
    // A snapshot stands in for everything it covers: apply it and what came after first, then
    // what it covers — nothing new unless its writer left something out.
    const auto snapshot = m_queries->newestSnapshot(stream);
    const bool covered = snapshot && snapshot->has_value() && (*snapshot)->coveredPos;
    const int64_t coveredPos = covered ? *(*snapshot)->coveredPos : std::numeric_limits<int64_t>::min();
    if (covered)
        apply(stream, mirror, (*snapshot)->entry);
    if (const auto after = m_queries->updates(stream, mirror.lastId, coveredPos, false); after) {
        for (const DocEntry& entry : *after)
            apply(stream, mirror, entry);
    }
    mirror.changes.clear();
    if (!covered) {
        // Without a usable snapshot, every update was applied above; other snapshots may still
        // hold what is not cached as updates.
        for (const DocEntry& entry : *all) {
            if (entry.kind == kind::snapshot)
                apply(stream, mirror, entry);
        }
        mirror.changes.clear();
        mirror.stateDirty = true;
        return;
    }
    if (const auto before = m_queries->updates(stream, mirror.lastId, coveredPos, true); before) {
        for (const DocEntry& entry : *before)
            apply(stream, mirror, entry);
    }
    for (const DocEntry& entry : *all) {
        if (entry.kind == kind::snapshot && entry.id != (*snapshot)->entry.id)
            apply(stream, mirror, entry);
    }
    mirror.changes.clear();
    mirror.stateDirty = true;
}

void DocLoader::apply(const QString& stream, Mirror& mirror, const DocEntry& entry)
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

QByteArray DocLoader::takeChanges(Mirror& mirror)
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
        if (mirror.delivering) {
            mirror.refreshAgain = true;
            continue;
        }
        const Result<QList<DocEntry>> entries = m_queries->contentEntriesAfter(stream, mirror.lastId, kSliceEntries);
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
        mirror.refreshAgain = entries->size() == kSliceEntries;
        mirror.delivering = true;
        emit changed(stream, takeChanges(mirror), covered(stream, mirror));
    }
}

void DocLoader::delivered(const QString& stream)
{
    auto it = m_mirrors.find(stream);
    if (it == m_mirrors.end())
        return;
    it->second.delivering = false;
    if (std::exchange(it->second.refreshAgain, false))
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
        if (!mirror.stateDirty || mirror.lastId <= 0)
            continue;
        const Result<QByteArray> key = m_queries->entryKey(mirror.lastId);
        if (!key || key->isEmpty())
            continue;
        SavedState saved{mirror.lastId, *key, toByteArray(mirror.doc->encodeStateAsUpdate())};
        if (writeSavedState(documentFileBase(m_profileDir, stream) + QStringLiteral(".state"), saved))
            mirror.stateDirty = false;
    }
}

void DocLoader::readList(quint64 generation, const QString& userId)
{
    if (!ensureOpen())
        return;
    const Result<QList<DocumentRow>> rows = m_queries->documents(userId);
    if (!rows)
        return emit failed(rows.error().message);
    emit listRead(generation, *rows);
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
    const auto stateOf = [this](qint64 id) -> std::optional<std::vector<crdt::DeltaOp>> {
        if (id <= 0)
            return std::nullopt;
        const Result<QByteArray> payload = m_queries->payloadOf(id);
        if (!payload || payload->isEmpty())
            return std::nullopt;
        const auto named = decodeNamedVersion(*payload);
        const QByteArray state = named ? named->state : *payload;
        crdt::Doc doc;
        crdt::Text text = doc.getText(kContentName);
        if (!doc.applyUpdate(bytesOf(state)))
            return std::nullopt;
        return text.toDelta();
    };
    auto version = std::make_shared<VersionContent>();
    if (auto content = stateOf(entryId)) {
        version->found = true;
        version->content = std::move(*content);
        if (compare)
            version->marked =
                markedDelta(stateOf(previousEntryId).value_or(std::vector<crdt::DeltaOp>{}), version->content);
    }
    emit versionRead(generation, version);
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
