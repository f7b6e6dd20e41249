#pragma once
// A real Prosody XMPP server for integration tests. Everything it needs (a throwaway CA and
// certificates, its config, accounts, data and logs) lives in a temporary directory; it listens
// only on free ports of one local address. The object's lifetime is the server's: data survive
// kill() and restart(), and are deleted when the object is destroyed.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace convene::test {

struct ProsodyUser {
    QString name; // local part; the account is name@domain
    QString password;
};

struct ProsodyOptions {
    QString domain = QStringLiteral("convene.test");
    QList<ProsodyUser> users;
    // Lua placed at the end of the global section, so its options apply to every host. It may
    // also open further VirtualHost/Component sections of its own.
    QString extraConfig;
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    QString logLevel = QStringLiteral("debug"); // "info" or "warn" for benchmarks: logging costs
};

class ProsodyServer {
public:
    using User = ProsodyUser;
    using Options = ProsodyOptions;

    ProsodyServer();
    ~ProsodyServer(); // stops the server and deletes its directory
    ProsodyServer(const ProsodyServer&) = delete;
    ProsodyServer& operator=(const ProsodyServer&) = delete;

    // prosody, prosodyctl and openssl are installed (tools/install-deps.sh installs them).
    static bool available();

    // Creates the directory, certificates, config and accounts, then starts prosody and waits
    // (at most 15 s) until its c2s and HTTPS ports accept connections. Once per object.
    bool start(const Options& options = {});
    void stop(); // SIGTERM, SIGKILL after 5 s
    void kill(); // SIGKILL at once: a crash
    bool restart(); // same directory, data and ports; applies useMismatchingCertificate()
    // SIGSTOP / SIGCONT: a server that hangs (connections stay open, nothing is answered).
    void pause();
    void resume();
    bool isRunning() const;
    QString errorString() const; // why start() or restart() failed, with the log's tail

    QString domain() const;
    QString mucDomain() const; // rooms.<domain>, mod_muc with mod_muc_mam
    QString uploadDomain() const; // upload.<domain>, mod_http_file_share
    QString host() const; // the address to connect to, e.g. "127.0.0.1"
    quint16 c2sPort() const;
    quint16 httpsPort() const; // serves the upload component; URLs use host(), not a name

    QByteArray caCertificatePem() const;
    QList<QSslCertificate> caCertificates() const; // add these to a client's trust
    // Lowercase hex SHA-256 of the DER certificate the server presents, or will present at
    // start() (for pinning tests).
    QString serverCertificateSha256() const;
    // Present a certificate for "other.test" (signed by the same CA) from the next start or
    // restart on, so tests can check that clients refuse a name mismatch.
    void useMismatchingCertificate(bool mismatching);

    QString dataDir() const; // prosody's data_path (internal storage: survives kill -9)
    QString configFile() const; // for prosodyctl --config
    QString logTail(int lines = 40) const;

private:
    bool fail(const QString& reason);
    bool runTool(const QString& program, const QStringList& arguments);
    bool choosePorts();
    bool createCertificates();
    bool writeConfig();
    bool registerUsers();
    bool launch();
    bool waitUntilListening();
    QByteArray logSinceLaunch() const;
    QString path(const QString& relative) const;
    QString configuredCertificate() const; // what the next start presents

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_c2sPort = 0;
    quint16 m_httpsPort = 0;
    bool m_mismatching = false;
    QString m_presentedCertificate; // as written to the current config
    qint64 m_logOffset = 0;
    QString m_error;
};

} // namespace convene::test
