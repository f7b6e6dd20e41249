#pragma once
// A real ejabberd XMPP server for integration tests, the counterpart of ProsodyServer: its
// throwaway CA and certificate, config, Mnesia database, logs and Erlang node settings live in a
// temporary directory; it listens only on free ports of one local address (the Erlang
// distribution port, which ejabberdctl talks to, on 127.0.0.1, without epmd). The object's
// lifetime is the server's: data survive kill() and restart(), and are deleted when the object
// is destroyed (kept, with the path printed, when CONVENE_EJABBERD_KEEP is set: its debug log has
// every stanza).
//
// It runs Debian's ejabberd (23.01 in Debian 12) through ejabberdctl with a ctl-config of its
// own, as the calling user: ejabberdctl only runs as root or as the ejabberd user.
// tools/contract-ejabberd.sh installs it; tools/install-deps.sh does not.

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace convene::test {

struct EjabberdUser {
    QString name; // local part; the account is name@domain
    QString password;
};

struct EjabberdOptions {
    QString domain = QStringLiteral("convene.test");
    QList<EjabberdUser> users;
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    QString logLevel = QStringLiteral("debug"); // ejabberd's names: "info", "warning", …
};

class EjabberdServer {
public:
    using User = EjabberdUser;
    using Options = EjabberdOptions;

    EjabberdServer();
    ~EjabberdServer(); // stops the server and deletes its directory
    EjabberdServer(const EjabberdServer&) = delete;
    EjabberdServer& operator=(const EjabberdServer&) = delete;

    // ejabberdctl, erl and openssl are installed.
    static bool available();

    // Creates the directory, certificates and config, starts ejabberd and waits (at most 30 s)
    // until it says it started and its c2s and HTTPS ports accept connections, then registers
    // the accounts (ejabberdctl register). Once per object.
    bool start(const Options& options = {});
    void stop(); // ejabberdctl stop; SIGKILL if the node is not gone within 10 s
    void kill(); // SIGKILL at once: a crash
    bool restart(); // same directory, data and ports
    // SIGSTOP / SIGCONT: a server that hangs (connections stay open, nothing is answered).
    void pause();
    void resume();
    bool isRunning() const;
    QString errorString() const; // why start() or restart() failed, with the log's tail

    QString domain() const;
    QString mucDomain() const; // rooms.<domain>: mod_muc, rooms archived by mod_mam
    QString uploadDomain() const; // upload.<domain>: mod_http_upload
    QString host() const; // the address to connect to, e.g. "127.0.0.1"
    quint16 c2sPort() const;
    quint16 httpsPort() const; // serves the upload component; URLs use host(), not a name

    QByteArray caCertificatePem() const;
    QList<QSslCertificate> caCertificates() const; // add these to a client's trust
    // Lowercase hex SHA-256 of the DER certificate the server presents.
    QString serverCertificateSha256() const;

    // Runs `ejabberdctl <arguments>` against this node (e.g. {"registered_users", domain()}).
    // False, with the output in errorString(), unless it succeeds; the output goes to `output`.
    bool ctl(const QStringList& arguments, QString* output = nullptr);

    QString dataDir() const; // the Mnesia spool (survives kill -9)
    QString configFile() const; // ejabberd.yml
    QString logTail(int lines = 40) const;

private:
    bool fail(const QString& reason);
    bool choosePorts();
    bool createCertificates();
    bool writeConfig();
    bool registerUsers();
    bool launch();
    bool waitUntilStarted();
    QStringList ctlArguments() const;
    QByteArray logSinceLaunch() const;
    qint64 nodePid() const; // the Erlang VM (beam.smp): a child of the ejabberdctl we run
    QString path(const QString& relative) const;

    Options m_options;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process; // ejabberdctl foreground
    quint16 m_c2sPort = 0;
    quint16 m_httpsPort = 0;
    quint16 m_distributionPort = 0;
    QString m_node;
    QByteArray m_cookie;
    qint64 m_logOffset = 0;
    QString m_error;
};

} // namespace convene::test
