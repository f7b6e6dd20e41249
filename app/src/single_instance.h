#pragma once

#include "hand_over_message.h"

#include <convene/core/result.h>

#include <QObject>

#include <memory>

class QLocalServer;
class QLocalSocket;

namespace convene {

// One app per profile. The first launch listens on a local socket named after the profile; a
// later launch on the same profile finds it, hands its links over and leaves. Only the user's
// own processes can open the socket, yet what arrives on it is checked like any input from
// outside: one capped frame per connection, a few connections at a time, each with a deadline.
class SingleInstance : public QObject {
    Q_OBJECT

public:
    enum class Role { First, Later };

    // `profileDir` must exist: its canonical path names the socket.
    explicit SingleInstance(const QString& profileDir, QObject* parent = nullptr);
    ~SingleInstance() override;

    // The socket's name for a profile: a hash of its canonical path, in a directory only the
    // user can enter where the platform has one.
    static QString serverName(const QString& profileDir);
    QString serverName() const { return m_name; }

    // Listens when no app runs on the profile yet (a socket left by one that died is removed),
    // or finds the one that does. Launches racing each other are put in turn by a lock file in
    // the profile.
    Result<Role> claim();
    // From a later launch: hands `message` over and waits for the running app's answer.
    Result<void> handOver(const HandOver& message, int timeoutMs);

    static constexpr int kMaxConnections = 8;
    static constexpr int kConnectionDeadlineMs = 3000;

signals:
    void received(const convene::HandOver& message);

private:
    void acceptConnections();
    void read(QLocalSocket* socket, handover::FrameReader& reader);
    void answer(QLocalSocket* socket, const QString& error);

    QString m_profileDir;
    QString m_name;
    std::unique_ptr<QLocalServer> m_server;
    int m_open = 0;
};

} // namespace convene
