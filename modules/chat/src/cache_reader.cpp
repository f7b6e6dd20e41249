#include "convene/chat/cache_reader.h"

#include <QFileInfo>

namespace convene::chat {

store::Database* CacheReader::db() const
{
    if (m_db)
        return m_db.get();
    if (!QFileInfo::exists(m_path))
        return nullptr;
    auto opened = store::Database::open(m_path, store::Database::Mode::ReadOnly);
    if (!opened) {
        qWarning("chat: cannot read the cache: %s", qPrintable(opened.error().message));
        return nullptr;
    }
    // The schema may still be on its way right after the file appeared.
    if (!(*opened)->prepare(QStringLiteral("SELECT ref_client FROM entries LIMIT 0")))
        return nullptr;
    m_db = std::move(opened).value();
    return m_db.get();
}

} // namespace convene::chat
