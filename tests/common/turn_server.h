#pragma once
// A real TURN server (coturn) for integration tests. Its config, user database and log live in
// a temporary directory; it listens (UDP and TCP) and relays only on 127.0.0.1, on ports it
// finds free. The object's lifetime is the server's.

#include <QString>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace convene::test {

class TurnServer {
public:
    TurnServer();
    ~TurnServer(); // stops the server and deletes its directory
    TurnServer(const TurnServer&) = delete;
    TurnServer& operator=(const TurnServer&) = delete;

    static bool available(); // turnserver is installed (tools/install-deps.sh installs coturn)

    // Starts turnserver with one user and waits (at most 10 s) until it accepts connections.
    bool start(const QString& user, const QString& password);
    void stop();
    quint16 port() const { return m_port; }
    QString log() const; // what it wrote so far
    QString errorString() const { return m_error; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace convene::test
