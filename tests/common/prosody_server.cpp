#include "prosody_server.h"

#include "test_certificates.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <algorithm>
#include <utility>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace convene::test {

namespace {

constexpr int startTimeoutMs = 15000;
constexpr int stopTimeoutMs = 5000;
const QString serverCertificate = TestCertificateNames::server();
const QString mismatchingCertificate = TestCertificateNames::mismatching();

QString luaString(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString urlHost(const QHostAddress& address)
{
    const QString text = address.toString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + text + QLatin1Char(']') : text;
}

bool acceptsConnections(const QHostAddress& address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    const bool connected = socket.waitForConnected(250);
    socket.abort();
    return connected;
}

QString lastLines(const QString& file, int lines)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

} // namespace

ProsodyServer::ProsodyServer() = default;

ProsodyServer::~ProsodyServer()
{
    stop();
}

bool ProsodyServer::available()
{
    for (const char* tool : {"prosody", "prosodyctl", "openssl"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return false;
    }
    return true;
}

bool ProsodyServer::start(const Options& options)
{
    if (m_dir)
        return fail(QStringLiteral("start() was already called; use restart()"));
    m_options = options;
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/convene-prosody-XXXXXX"));
    if (!m_dir->isValid())
        return fail(QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString());
    QDir(m_dir->path()).mkpath(QStringLiteral("certs"));
    QDir(m_dir->path()).mkpath(QStringLiteral("data"));
    QDir(m_dir->path()).mkpath(QStringLiteral("certificate-index"));
    return choosePorts() && createCertificates() && writeConfig() && registerUsers() && launch();
}

void ProsodyServer::stop()
{
    if (!isRunning())
        return;
    resume(); // a paused server would only act on SIGTERM once continued
    m_process->terminate();
    if (!m_process->waitForFinished(stopTimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(stopTimeoutMs);
    }
}

void ProsodyServer::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(stopTimeoutMs);
}

void ProsodyServer::pause()
{
#ifdef Q_OS_UNIX
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGSTOP);
#endif
}

void ProsodyServer::resume()
{
#ifdef Q_OS_UNIX
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGCONT);
#endif
}

bool ProsodyServer::restart()
{
    if (!m_dir)
        return fail(QStringLiteral("restart() before start()"));
    stop();
    m_error.clear();
    return writeConfig() && launch();
}

bool ProsodyServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString ProsodyServer::errorString() const
{
    return m_error;
}

QString ProsodyServer::domain() const
{
    return m_options.domain;
}

QString ProsodyServer::mucDomain() const
{
    return QStringLiteral("rooms.") + m_options.domain;
}

QString ProsodyServer::uploadDomain() const
{
    return QStringLiteral("upload.") + m_options.domain;
}

QString ProsodyServer::host() const
{
    return m_options.bindAddress.toString();
}

quint16 ProsodyServer::c2sPort() const
{
    return m_c2sPort;
}

quint16 ProsodyServer::httpsPort() const
{
    return m_httpsPort;
}

QByteArray ProsodyServer::caCertificatePem() const
{
    QFile file(path(QStringLiteral("certs/ca.crt")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QSslCertificate> ProsodyServer::caCertificates() const
{
    return QSslCertificate::fromData(caCertificatePem(), QSsl::Pem);
}

QString ProsodyServer::serverCertificateSha256() const
{
    const QString name = m_presentedCertificate.isEmpty() ? configuredCertificate() : m_presentedCertificate;
    const auto certificates = QSslCertificate::fromPath(path(QStringLiteral("certs/%1.crt").arg(name)));
    return certificates.isEmpty()
               ? QString()
               : QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex());
}

void ProsodyServer::useMismatchingCertificate(bool mismatching)
{
    m_mismatching = mismatching;
}

QString ProsodyServer::dataDir() const
{
    return path(QStringLiteral("data"));
}

QString ProsodyServer::configFile() const
{
    return path(QStringLiteral("prosody.cfg.lua"));
}

QString ProsodyServer::logTail(int lines) const
{
    return lastLines(path(QStringLiteral("prosody.log")), lines);
}

bool ProsodyServer::fail(const QString& reason)
{
    m_error = reason;
    // Errors before prosody's logging is set up (e.g. in the config) only reach its console.
    const QString console = lastLines(path(QStringLiteral("console.log")), 20);
    if (!console.isEmpty())
        m_error += QStringLiteral("\n--- prosody console ---\n") + console;
    const QString log = logTail(30);
    if (!log.isEmpty())
        m_error += QStringLiteral("\n--- prosody log tail ---\n") + log;
    return false;
}

bool ProsodyServer::runTool(const QString& program, const QStringList& arguments)
{
    QString error;
    return runTestTool(program, arguments, m_dir->path(), &error) || fail(error);
}

bool ProsodyServer::choosePorts()
{
    // Both listeners stay open until both ports are known, so the two differ. Prosody binds with
    // SO_REUSEADDR, so closing them right before it starts is enough.
    QTcpServer c2s;
    QTcpServer https;
    if (!c2s.listen(m_options.bindAddress, 0) || !https.listen(m_options.bindAddress, 0))
        return fail(QStringLiteral("no free port on %1: %2 %3").arg(host(), c2s.errorString(), https.errorString()));
    m_c2sPort = c2s.serverPort();
    m_httpsPort = https.serverPort();
    return true;
}

bool ProsodyServer::createCertificates()
{
    QString error;
    return createTestCertificates(path(QStringLiteral("certs")), {domain(), mucDomain(), uploadDomain()}, host(),
                                  &error) ||
           fail(error);
}

bool ProsodyServer::writeConfig()
{
    const QString address = luaString(host());
    const QString certificate = configuredCertificate();
    QString config;
    config += QStringLiteral("-- Generated by convene::test::ProsodyServer.\n");
    config += QStringLiteral("run_as_root = true -- tests and CI run as root\n");
    config += QStringLiteral("pidfile = %1\n").arg(luaString(path(QStringLiteral("prosody.pid"))));
    config += QStringLiteral("data_path = %1\n").arg(luaString(dataDir()));
    // Prosody indexes every certificate found there by the names it carries; an empty directory
    // leaves the choice to `ssl` below (for c2s and HTTPS alike).
    config += QStringLiteral("certificates = %1\n").arg(luaString(path(QStringLiteral("certificate-index"))));
    config += QStringLiteral("ssl = { certificate = %1, key = %2 }\n")
                  .arg(luaString(path(QStringLiteral("certs/%1.crt").arg(certificate))),
                       luaString(path(QStringLiteral("certs/%1.key").arg(certificate))));
    config +=
        QStringLiteral("log = { %1 = %2 }\n").arg(m_options.logLevel, luaString(path(QStringLiteral("prosody.log"))));
    config += QStringLiteral("interfaces = { %1 }\n").arg(address);
    config += QStringLiteral("c2s_ports = { %1 }\n").arg(m_c2sPort);
    config += QStringLiteral("http_ports = { }\n");
    config += QStringLiteral("http_interfaces = { %1 }\n").arg(address);
    config += QStringLiteral("https_ports = { %1 }\n").arg(m_httpsPort);
    config += QStringLiteral("https_interfaces = { %1 }\n").arg(address);
    config += QStringLiteral("modules_disabled = { \"s2s\", \"s2s_auth_certs\" } -- no federation, nothing on 5269\n");
    config += QStringLiteral("c2s_require_encryption = true\n");
    config += QStringLiteral("authentication = \"internal_hashed\" -- SCRAM\n");
    config += QStringLiteral("storage = \"internal\" -- files in data_path: MAM archives survive kill -9\n");
    // All core modules in 0.12; no prosody-modules needed.
    config += QStringLiteral(
        "modules_enabled = {\n"
        "    \"roster\", \"saslauth\", \"tls\", \"disco\", \"carbons\", \"pep\", \"private\", \"bookmarks\",\n"
        "    \"vcard4\", \"vcard_legacy\", \"ping\", \"csi_simple\", \"smacks\", \"mam\",\n"
        "}\n");
    config += m_options.extraConfig + QLatin1Char('\n');
    config += QStringLiteral("\nVirtualHost %1\n").arg(luaString(domain()));
    config += QStringLiteral("\nComponent %1 \"muc\"\n").arg(luaString(mucDomain()));
    config += QStringLiteral("    modules_enabled = { \"muc_mam\" }\n");
    config += QStringLiteral("    muc_room_default_persistent = true\n");
    config += QStringLiteral("\nComponent %1 \"http_file_share\"\n").arg(luaString(uploadDomain()));
    // Clients are given URLs with the address, which the certificate also names (no test DNS).
    config += QStringLiteral("    http_host = %1\n").arg(address);
    config +=
        QStringLiteral("    http_external_url = %1\n")
            .arg(luaString(QStringLiteral("https://%1:%2/").arg(urlHost(m_options.bindAddress)).arg(m_httpsPort)));

    QFile file(configFile());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(config.toUtf8()) < 0)
        return fail(QStringLiteral("cannot write ") + file.fileName());
    m_presentedCertificate = certificate;
    return true;
}

bool ProsodyServer::registerUsers()
{
    for (const User& user : std::as_const(m_options.users)) {
        // `register` takes the password as an argument; `adduser` would prompt for it.
        if (!runTool(QStringLiteral("prosodyctl"), {QStringLiteral("--config"), configFile(),
                                                    QStringLiteral("register"), user.name, domain(), user.password}))
            return false;
    }
    return true;
}

bool ProsodyServer::launch()
{
    if (acceptsConnections(m_options.bindAddress, m_c2sPort))
        return fail(QStringLiteral("port %1 is already taken by another process").arg(m_c2sPort));
    m_logOffset = QFileInfo(path(QStringLiteral("prosody.log"))).size(); // the log is appended across restarts
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_dir->path());
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(path(QStringLiteral("console.log")), QIODevice::Append);
#ifdef Q_OS_LINUX
    // A test that crashes or is killed by a timeout must not leave a server behind.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process->start(QStandardPaths::findExecutable(QStringLiteral("prosody")),
                     {QStringLiteral("--config"), configFile(), QStringLiteral("-F")});
    if (!m_process->waitForStarted(stopTimeoutMs))
        return fail(QStringLiteral("cannot run prosody: ") + m_process->errorString());
    return waitUntilListening();
}

bool ProsodyServer::waitUntilListening()
{
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        // Doubles as the poll interval.
        if (m_process->waitForFinished(100))
            return fail(QStringLiteral("prosody exited with code %1 while starting").arg(m_process->exitCode()));
        // Prosody keeps running when it cannot bind; another listener must not pass for it.
        if (logSinceLaunch().contains("Failed to open server port")) {
            stop();
            return fail(QStringLiteral("prosody could not open its ports"));
        }
        if (acceptsConnections(m_options.bindAddress, m_c2sPort) &&
            acceptsConnections(m_options.bindAddress, m_httpsPort))
            return true;
    }
    stop();
    return fail(QStringLiteral("prosody did not accept connections on %1:%2 within %3 s")
                    .arg(host())
                    .arg(m_c2sPort)
                    .arg(startTimeoutMs / 1000));
}

QByteArray ProsodyServer::logSinceLaunch() const
{
    QFile file(path(QStringLiteral("prosody.log")));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(m_logOffset))
        return {};
    return file.readAll();
}

QString ProsodyServer::path(const QString& relative) const
{
    return m_dir ? m_dir->filePath(relative) : QString();
}

QString ProsodyServer::configuredCertificate() const
{
    return m_mismatching ? mismatchingCertificate : serverCertificate;
}

} // namespace convene::test
