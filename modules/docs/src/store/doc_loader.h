#pragma once

#include <convene/docs/doc_rows.h>

#include <convene/docs/saved_state.h>
#include <convene/docs/snapshot_cache.h>

#include <crdt/doc.h>

#include <map>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

#include "doc_queries.h"

namespace convene::store {
class Database;
}

namespace convene::docs {

// Reads documents from the cache on a thread of its own, with its own read-only connection.
// For each open document it keeps a mirror — the document as the cache holds it — and hands
// the UI thread first the whole state, then what each new entry changed. A closed document
// whose history has grown long since its saved state gets a new saved state in the background,
// so that it opens without replaying that history. It also reads the document list, search
// results and old versions.
class DocLoader : public QObject {
    Q_OBJECT

public:
    DocLoader(QString cachePath, QString profileDir);
    ~DocLoader() override;

    void open(const QString& stream);
    void close(const QString& stream);
    void refresh(const QStringList& streams); // their entries changed
    void prepare(const QStringList& streams); // entries of these closed documents changed
    // The UI applied the last change, in `applyMs`: the next may come, sized by that.
    void delivered(const QString& stream, double applyMs);
    void openShown(const QString& stream); // the UI applied what `opened` gave it
    void readList(quint64 generation, const QString& userId);
    void search(quint64 generation, const QString& text);
    void readVersions(const QString& stream);
    // The content of version `entryId`; with `compare`, marked against the version before it
    // (`previousEntryId`, 0: none) — a diff of long documents takes longer than a frame.
    void readVersion(quint64 generation, qint64 entryId, qint64 previousEntryId, bool compare);
    void readMentions(const QString& userId);
    // A snapshot state asked for with snapshotWanted, as downloaded (checked here), or why not.
    void snapshotArrived(const convene::docs::SnapshotBlob& blob, const QByteArray& state);
    void snapshotUnavailable(const convene::docs::SnapshotBlob& blob, const QString& reason);

signals:
    // `covered`: the newest entry (server id) the document includes with everything before it;
    // empty while the stream's history is not all cached.
    void opened(const QString& stream, const QByteArray& state, const QString& covered);
    // `updates`: what each new entry changed, in order (the UI applies them one at a time, so it
    // can stop between any two for a frame or a key press).
    void changed(const QString& stream, const QList<QByteArray>& updates, const QString& covered);
    void historyWanted(const QString& stream); // older entries are not cached yet
    // A document opens from a snapshot whose state is a blob not kept here: download it.
    void snapshotWanted(const convene::docs::SnapshotBlob& blob);
    void problem(const QString& stream, const QString& text);
    void listRead(quint64 generation, const QList<convene::docs::DocumentRow>& rows);
    void searched(quint64 generation, const QList<convene::docs::SearchHit>& hits);
    void versionsRead(const QString& stream, const QList<convene::docs::VersionRow>& versions);
    void versionRead(quint64 generation, const std::shared_ptr<const convene::docs::VersionContent>& version);
    void mentioned(const QString& stream, const QString& title, const QString& author, const QString& excerpt);
    void failed(const QString& reason);

private:
    struct Mirror {
        std::unique_ptr<crdt::Doc> doc;
        int64_t lastId = 0;
        std::vector<std::vector<uint8_t>> changes; // collected while applying
        int handle = 0;
        bool stateDirty = false;
        bool delivering = false; // a change is on its way to the UI thread
        bool refreshAgain = false; // more came (or is left) meanwhile
        int slice = 0; // entries per delivery, sized by how long the UI took for the last (0: not yet)
        std::optional<DocQueries::Snapshot> awaiting; // opening waits for this snapshot's blob
        SnapshotBlob awaitedBlob;
        struct Rest {
            int64_t snapshotId = 0;
            int64_t coveredPos = 0;
        };
        std::optional<Rest> rest; // opened from a snapshot: the entries besides it wait for openShown
    };
    struct VersionRequest {
        quint64 generation = 0;
        qint64 entryId = 0;
        qint64 previousEntryId = 0;
        bool compare = false;
        QByteArray sha256; // the blob it waits for
    };

    bool ensureOpen();
    Mirror& mirrorFor(const QString& stream);
    // nullopt: none, or from another cache
    std::optional<SavedState> savedState(const QString& stream, SavedStatePart part = SavedStatePart::Whole);
    void openFromEntries(const QString& stream, Mirror& mirror);
    // `snapshot`: the newest, its payload the state (resolved if a blob); nullopt: none usable.
    void finishOpen(const QString& stream, Mirror& mirror, std::optional<DocQueries::Snapshot> snapshot);
    void apply(const QString& stream, Mirror& mirror, const DocEntry& entry);
    void applyUpdate(const QString& stream, Mirror& mirror, const DocEntry& entry);
    std::optional<QByteArray> knownSnapshotState(const SnapshotBlob& blob) const;
    void readVersion(const VersionRequest& request);
    QByteArray takeMergedChanges(Mirror& mirror);
    QList<QByteArray> takeChanges(Mirror& mirror);
    QString covered(const QString& stream, const Mirror& mirror); // asks for older history if needed
    void saveStates();
    bool writeState(const QString& stream, int64_t throughId, crdt::Doc& doc);
    void prepareQueued();
    void prepareState(const QString& stream);

    QString m_cachePath;
    QString m_profileDir;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<DocQueries> m_queries;
    std::map<QString, Mirror> m_mirrors;
    SnapshotCache m_snapshots;
    std::pair<QByteArray, QByteArray> m_lastArrived; // hash, state: the newest downloaded
    std::optional<VersionRequest> m_versionAwaiting;
    QTimer m_saveTimer;
    QTimer m_prepareTimer;
    QSet<QString> m_toPrepare;
    bool m_listReadOnce = false;
    int64_t m_mentionsAfter = -1; // -1: not started; mentions older than the first read are not news
};

} // namespace convene::docs
