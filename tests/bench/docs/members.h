#pragma once
// The members of the benchmark's workspace: the user whose editor is measured (SyncService and
// DocsController on the UI thread, as in the app), and another member writing from a thread of
// its own (standing in for another process on the local backend).
#include <convene/docs/docs_controller.h>
#include <convene/store/database.h>
#include <convene/sync/sync_service.h>

#include <crdt/doc.h>

#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace docs_bench {

convene::sync::SyncEngine::Options memberOptions(const QString& root, const QString& userId);

class Member {
public:
    Member(const QString& root, const QString& userId);
    bool online() const;

    convene::sync::SyncService& sync() { return *m_sync; }
    QString dir() const { return m_dir; }
    // A new controller, as the app makes one at start; nullptr if its list was not read.
    std::unique_ptr<convene::docs::DocsController> newController();

    // A new document (stream.create, then one doc.update entry per update); returns its stream.
    QString createDocument(const QString& title, const std::vector<QByteArray>& updates);
    // Entries of `kind` in the stream the server has acknowledged, as the cache holds them.
    int acknowledged(const QString& stream, const QString& kind);
    QString newestServerId(const QString& stream, const QString& kind);
    bool historyComplete(const QString& stream);
    convene::store::Database* cache();

private:
    QString m_dir;
    QString m_userId;
    std::unique_ptr<convene::sync::SyncService> m_sync;
    std::unique_ptr<convene::store::Database> m_cache;
};

// Another member with a replica of one document, on a thread of its own: its SyncService (and
// the engine thread that comes with it) never runs on the measured UI thread.
class RemoteWriter {
public:
    RemoteWriter(const QString& root, const QString& userId);
    ~RemoteWriter();

    bool start(); // online, and its cache knows `stream`
    bool knows(const QString& stream);
    void load(const QByteArray& state); // the document as the replica starts from
    // Makes `count` small edits at random places in the replica, each its own doc.update entry,
    // submitted as fast as they are made. Returns at once; `done()` once all are submitted.
    void burst(const QString& stream, int count);
    bool done() const { return m_done; }
    convene::crdt::ClientId clientId() const { return m_clientId; }
    uint64_t finalClock() const { return m_finalClock; } // valid once done()

    // The replica with every doc.update entry of the stream its cache holds: what this member's
    // editor would show. Blocks until the thread answered.
    struct View {
        std::string delta; // JSON
        std::vector<uint8_t> stateVector;
    };
    View viewWithCache(const QString& stream);

private:
    template<typename F>
    void onThread(F&& f);

    QString m_root;
    QString m_userId;
    QThread m_thread;
    QObject* m_context; // lives on m_thread
    std::unique_ptr<convene::sync::SyncService> m_sync; // lives on m_thread
    std::unique_ptr<convene::store::Database> m_cache;
    std::unique_ptr<convene::crdt::Doc> m_replica;
    convene::crdt::ClientId m_clientId = 0;
    std::atomic<bool> m_online = false;
    std::atomic<bool> m_done = false;
    std::atomic<uint64_t> m_finalClock = 0;
};

} // namespace docs_bench
