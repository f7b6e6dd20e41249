#pragma once

#include <convene/sync/envelopes.h>

#include <QObject>
#include <QString>
#include <QUuid>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace convene {

struct Error;
namespace sync {
class SyncService;
}

// Changes that could not be written to this device's cache (a full disk) and that no view
// reports itself — calendar events, documents, read markers, channel settings: kept as they
// were submitted, for the window to report, with Retry (each submitted again as it was, so it
// still counts once) and Dismiss (forgets them).
class UnsavedChanges : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed)

public:
    // `reportedElsewhere`: whether a view reports the change already (a conversation its own).
    UnsavedChanges(sync::SyncService& sync, std::function<bool(const QUuid&)> reportedElsewhere,
                   QObject* parent = nullptr);

    int count() const { return int(m_failed.size()); }
    QString reason() const { return m_reason; }
    Q_INVOKABLE void retry();
    Q_INVOKABLE void dismiss();

signals:
    void changed();

private:
    void onNotQueued(const QList<sync::Mutation>& mutations, const Error& error);

    sync::SyncService& m_sync;
    std::function<bool(const QUuid&)> m_reportedElsewhere;
    QList<sync::Mutation> m_failed; // oldest first
    QString m_reason;
};

} // namespace convene
