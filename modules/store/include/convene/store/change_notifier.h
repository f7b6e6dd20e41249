#pragma once

#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>

namespace convene::store {

// What a committed write touched: tables and streams (conversations, calendars, documents).
struct ChangeSet {
    QSet<QString> tables;
    QSet<QString> streams;

    bool isEmpty() const { return tables.isEmpty() && streams.isEmpty(); }
    void merge(const ChangeSet& other)
    {
        tables.unite(other.tables);
        streams.unite(other.streams);
    }
};

// Carries change sets from the writer thread to the thread this object lives on (the UI
// thread). Changes posted before the receiver runs are merged into one notification.
class ChangeNotifier : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    // Thread-safe.
    void post(const ChangeSet& changes);

signals:
    void changed(const convene::store::ChangeSet& changes);

private:
    void deliver();

    QMutex m_mutex;
    ChangeSet m_pending;
};

} // namespace convene::store

Q_DECLARE_METATYPE(convene::store::ChangeSet)
