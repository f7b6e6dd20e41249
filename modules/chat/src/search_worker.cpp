#include "search_worker.h"

namespace convene::chat {

void SearchWorker::search(quint64 generation, const QString& cachePath, const MessageSearchRequest& request)
{
    if (generation != m_newest->load())
        return; // the user has typed on since
    if (!m_db || m_db->path() != cachePath) {
        auto opened = store::Database::open(cachePath, store::Database::Mode::ReadOnly);
        if (!opened)
            return emit failed(generation, opened.error().message);
        m_db = std::move(opened).value();
    }
    const auto hits = findMessages(*m_db, request);
    if (!hits)
        return emit failed(generation, hits.error().message);
    emit found(generation, *hits);
}

} // namespace convene::chat
