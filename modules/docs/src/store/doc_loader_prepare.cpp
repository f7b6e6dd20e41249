// Saved states for closed documents, made in the background when their history has grown, so
// that opening one takes its saved state and a few entries instead of replaying every update.
#include "doc_loader.h"
#include "../update_bytes.h"

#include <convene/docs/doc_entries.h>

#include <crdt/ytext.h>

#include <QLoggingCategory>

namespace convene::docs {

namespace {

Q_LOGGING_CATEGORY(lcPrepare, "convene.docs.prepare")

// Below these, replaying what came since the saved state costs a few milliseconds at most.
constexpr int64_t kPrepareAboveBytes = 128 * 1024;
constexpr int64_t kPrepareAboveEntries = 500;
constexpr int kEntriesPerRead = 256;

} // namespace

void DocLoader::prepare(const QStringList& streams)
{
    for (const QString& stream : streams)
        m_toPrepare.insert(stream);
    if (!m_toPrepare.isEmpty() && !m_prepareTimer.isActive())
        m_prepareTimer.start();
}

void DocLoader::prepareQueued()
{
    if (!ensureOpen())
        return;
    const QSet<QString> streams = std::exchange(m_toPrepare, {});
    for (const QString& stream : streams) {
        // An open document's mirror writes its own state when it closes.
        if (!m_mirrors.count(stream))
            prepareState(stream);
    }
}

void DocLoader::prepareState(const QString& stream)
{
    const std::optional<SavedState> header = savedState(stream, SavedStatePart::Header);
    const int64_t savedThrough = header ? header->throughEntryId : 0;
    const Result<DocQueries::Backlog> backlog = m_queries->updatesAfter(stream, savedThrough);
    if (!backlog || (backlog->bytes < kPrepareAboveBytes && backlog->entries < kPrepareAboveEntries))
        return;
    const std::optional<SavedState> saved = header ? savedState(stream) : std::nullopt;
    Mirror mirror;
    const auto startAfresh = [&mirror] {
        mirror.doc = std::make_unique<crdt::Doc>();
        mirror.doc->getText(kContentName);
    };
    startAfresh();
    if (saved) {
        if (mirror.doc->applyUpdate(bytesOf(saved->state)))
            mirror.lastId = savedThrough;
        else
            startAfresh(); // unreadable: from the first entry on
    }
    for (;;) {
        const Result<QList<DocEntry>> entries = m_queries->contentEntriesAfter(stream, mirror.lastId, kEntriesPerRead);
        if (!entries) {
            qCWarning(lcPrepare) << "entries of" << stream << "unreadable:" << entries.error().message;
            return;
        }
        for (const DocEntry& entry : *entries) {
            apply(stream, mirror, entry);
            mirror.lastId = entry.id;
        }
        if (entries->size() < kEntriesPerRead)
            break;
    }
    if (!writeState(stream, mirror.lastId, *mirror.doc))
        qCWarning(lcPrepare) << "state of" << stream << "not saved";
}

} // namespace convene::docs
