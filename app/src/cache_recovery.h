#pragma once

#include <convene/sync/cache_check.h>

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace convene {

// The screen for a cache that cannot be used, instead of an empty window: what is wrong, and
// the ways on — rebuild it from the server (the damaged file is kept aside, and the changes it
// had not sent yet are carried over) or quit. The app does the work; this is the screen's side.
class CacheRecovery : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QString path READ path CONSTANT)
    Q_PROPERTY(QString problem READ problem CONSTANT)
    Q_PROPERTY(int unsent READ unsent CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)

public:
    CacheRecovery(QString path, sync::CacheCheck check, QObject* parent = nullptr)
        : QObject(parent), m_path(std::move(path)), m_check(std::move(check))
    { }

    QString path() const { return m_path; }
    QString problem() const { return m_check.problem; }
    int unsent() const { return m_check.unsent; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }

    Q_INVOKABLE void rebuild()
    {
        if (m_busy)
            return;
        m_busy = true;
        m_error.clear();
        emit stateChanged();
        emit rebuildRequested();
    }
    Q_INVOKABLE void quit() { emit quitRequested(); }
    // The rebuild could not start (the damaged file could not be moved); the screen stays.
    void fail(const QString& error)
    {
        m_busy = false;
        m_error = error;
        emit stateChanged();
    }

signals:
    void rebuildRequested();
    void quitRequested();
    void stateChanged();

private:
    QString m_path;
    sync::CacheCheck m_check;
    bool m_busy = false;
    QString m_error;
};

} // namespace convene
