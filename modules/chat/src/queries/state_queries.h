#pragma once

#include <convene/store/database.h>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace convene::chat {

// A non-message entry: membership changes, preferences, read markers, profiles.
struct StateEntry {
    QString kind;
    QString author;
    QByteArray payload; // JSON
    int64_t pos = 0; // 0 while unsent
};

// Chat's reads of the entries that make up state rather than conversation: all entries of the
// given kinds in one stream that apply (not those sync still holds, see sync/cache_writer.h), in
// the cache's order (placed ones first, then unsent ones as written), so folding them in order
// gives the current state. Statements are leased per call.
class StateQueries {
public:
    explicit StateQueries(store::Database& db) : m_db(db) { }

    // Empty `kinds`: every kind.
    QList<StateEntry> entries(const QString& stream, const QStringList& kinds = {});

private:
    store::Database& m_db;
};

} // namespace convene::chat
