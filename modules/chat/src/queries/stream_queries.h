#pragma once

#include <convene/store/database.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace convene::chat {

// A row of the cache's streams table as chat shows it.
struct StreamRecord {
    QString id;
    QString kind; // channel, private or dm
    QString name;
    QString topic;
};

// Chat's reads of the streams table. The statements come from the connection's cache, leased
// for one call each, so none is left mid-step.
class StreamQueries {
public:
    explicit StreamQueries(store::Database& db) : m_db(db) { }

    // Channels, private channels and direct conversations.
    QList<StreamRecord> conversations();
    // Public channels, by name: the ones anyone may join.
    QList<StreamRecord> publicChannels();
    // Ids of channels and private channels: the streams with member lists.
    QStringList channelIds();
    std::optional<StreamRecord> find(const QString& id);
    // The title of a document stream ("doc:<id>"); empty when it is not cached or not a document.
    QString documentTitle(const QString& stream);
    // Whether a channel other than `exceptId` has `name`, ignoring case.
    bool channelNameTaken(const QString& name, const QString& exceptId);
    // Whether the backend holds history of `id` older than the cache does.
    bool hasOlderOnServer(const QString& id);

private:
    QList<StreamRecord> records(const QString& sql);

    store::Database& m_db;
};

} // namespace convene::chat
