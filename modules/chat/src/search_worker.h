#pragma once

#include "message_search.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace convene::chat {

// Runs searches on a thread of its own, with its own read-only connection to the cache, so a
// search over a big cache never stalls the window. Only the newest request is worth running:
// older ones still queued are skipped.
class SearchWorker : public QObject {
    Q_OBJECT

public:
    explicit SearchWorker(std::shared_ptr<const std::atomic<quint64>> newest) : m_newest(std::move(newest)) { }

    // Call through a queued invocation; answers with found() or failed().
    void search(quint64 generation, const QString& cachePath, const MessageSearchRequest& request);

signals:
    void found(quint64 generation, const QList<convene::chat::MessageSearchHit>& hits);
    void failed(quint64 generation, const QString& reason);

private:
    std::shared_ptr<const std::atomic<quint64>> m_newest;
    std::unique_ptr<store::Database> m_db;
};

} // namespace convene::chat
