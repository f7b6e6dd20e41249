#include "ejabberd_server.h"

#include "test_certificates.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
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

constexpr int startTimeoutMs = 30000;
constexpr int stopTimeoutMs = 10000;
constexpr int killTimeoutMs = 5000;
constexpr int ctlTimeoutMs = 30000;
// Set only in the environment of the node ejabberdctl starts: its watchdog (vm.args) ends the
// node once the process with this pid (the test) is gone.
const QString ownerVariable = QStringLiteral("CONVENE_EJABBERD_OWNER");

QString yamlString(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString urlHost(const QHostAddress& address)
{
    const QString text = address.toString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + text + QLatin1Char(']') : text;
}

// erl reads an args file word by word: a backslash quotes the next character, quotes are not
// special.
QString erlArgument(const QString& text)
{
    QString quoted;
    for (const QChar c : text) {
        if (c.isSpace() || c == u'\\' || c == u'"' || c == u'#')
            quoted += u'\\';
        quoted += c;
    }
    return quoted;
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

QString ejabberdctl()
{
    // Debian installs it in /usr/sbin, which a user's PATH may lack.
    const QString inPath = QStandardPaths::findExecutable(QStringLiteral("ejabberdctl"));
    return inPath.isEmpty()
               ? QStandardPaths::findExecutable(QStringLiteral("ejabberdctl"), {QStringLiteral("/usr/sbin")})
               : inPath;
}

bool writeFile(const QString& name, const QString& text)
{
    QFile file(name);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

} // namespace

EjabberdServer::EjabberdServer() = default;

EjabberdServer::~EjabberdServer()
{
    stop();
}

bool EjabberdServer::available()
{
    if (ejabberdctl().isEmpty())
        return false;
    for (const char* tool : {"erl", "openssl"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            return false;
    }
    return true;
}

bool EjabberdServer::start(const Options& options)
{
    if (m_dir)
        return fail(QStringLiteral("start() was already called; use restart()"));
    m_options = options;
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/convene-ejabberd-XXXXXX"));
    if (!m_dir->isValid())
        return fail(QStringLiteral("cannot create a temporary directory: ") + m_dir->errorString());
    if (qEnvironmentVariableIsSet("CONVENE_EJABBERD_KEEP")) {
        m_dir->setAutoRemove(false);
        qInfo("EjabberdServer: keeping %s (logs/ejabberd.log has every stanza)", qPrintable(m_dir->path()));
    }
    for (const char* dir : {"certs", "spool", "logs", "upload"})
        QDir(m_dir->path()).mkpath(QString::fromLatin1(dir));
    auto* random = QRandomGenerator::global();
    // Node names must be unique among the nodes ejabberdctl could reach; the cookie keeps other
    // local users' nodes from controlling this one.
    m_node = QStringLiteral("convene-%1@localhost").arg(random->generate64() >> 16, 0, 36);
    m_cookie = QByteArray::number(random->generate64(), 36) + QByteArray::number(random->generate64(), 36);
    return choosePorts() && createCertificates() && writeConfig() && launch() && registerUsers();
}

void EjabberdServer::stop()
{
    if (!isRunning())
        return;
    resume(); // a paused node answers nothing
    const qint64 pid = nodePid();
    const QString error = m_error;
    // The node's own shutdown (mnesia closes its tables cleanly); ejabberdctl returns before the
    // VM has exited.
    if (ctl({QStringLiteral("stop")}) && m_process->waitForFinished(stopTimeoutMs))
        return;
    m_error = error;
#ifdef Q_OS_UNIX
    if (pid > 0)
        ::kill(pid_t(pid), SIGKILL);
#endif
    m_process->kill();
    m_process->waitForFinished(killTimeoutMs);
}

void EjabberdServer::kill()
{
    if (!isRunning())
        return;
#ifdef Q_OS_UNIX
    // ejabberdctl (a shell script) runs erl as its child; it ends when the VM ends.
    if (const qint64 pid = nodePid(); pid > 0)
        ::kill(pid_t(pid), SIGKILL);
#endif
    if (!m_process->waitForFinished(killTimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(killTimeoutMs);
    }
}

void EjabberdServer::pause()
{
#ifdef Q_OS_UNIX
    if (const qint64 pid = nodePid(); isRunning() && pid > 0)
        ::kill(pid_t(pid), SIGSTOP);
#endif
}

void EjabberdServer::resume()
{
#ifdef Q_OS_UNIX
    if (const qint64 pid = nodePid(); isRunning() && pid > 0)
        ::kill(pid_t(pid), SIGCONT);
#endif
}

bool EjabberdServer::restart()
{
    if (!m_dir)
        return fail(QStringLiteral("restart() before start()"));
    stop();
    m_error.clear();
    return writeConfig() && launch();
}

bool EjabberdServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString EjabberdServer::errorString() const
{
    return m_error;
}

QString EjabberdServer::domain() const
{
    return m_options.domain;
}

QString EjabberdServer::mucDomain() const
{
    return QStringLiteral("rooms.") + m_options.domain;
}

QString EjabberdServer::uploadDomain() const
{
    return QStringLiteral("upload.") + m_options.domain;
}

QString EjabberdServer::host() const
{
    return m_options.bindAddress.toString();
}

quint16 EjabberdServer::c2sPort() const
{
    return m_c2sPort;
}

quint16 EjabberdServer::httpsPort() const
{
    return m_httpsPort;
}

QByteArray EjabberdServer::caCertificatePem() const
{
    QFile file(path(QStringLiteral("certs/ca.crt")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QSslCertificate> EjabberdServer::caCertificates() const
{
    return QSslCertificate::fromData(caCertificatePem(), QSsl::Pem);
}

QString EjabberdServer::serverCertificateSha256() const
{
    const auto certificates =
        QSslCertificate::fromPath(path(QStringLiteral("certs/%1.crt").arg(TestCertificateNames::server())));
    return certificates.isEmpty()
               ? QString()
               : QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex());
}

bool EjabberdServer::ctl(const QStringList& arguments, QString* output)
{
    if (!m_dir)
        return fail(QStringLiteral("ejabberdctl before start()"));
    QProcess process;
    process.setWorkingDirectory(m_dir->path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir->path()); // no ~/.erlang.cookie of the user's
    process.setProcessEnvironment(environment);
    process.start(ejabberdctl(), ctlArguments() + arguments);
    const bool finished = process.waitForFinished(ctlTimeoutMs);
    const QString text = QString::fromLocal8Bit(process.readAll());
    if (output)
        *output = text;
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (!finished)
        process.kill();
    return fail(QStringLiteral("ejabberdctl %1 failed (exit code %2): %3")
                    .arg(arguments.join(QLatin1Char(' ')))
                    .arg(process.exitCode())
                    .arg(text));
}

QString EjabberdServer::dataDir() const
{
    return path(QStringLiteral("spool"));
}

QString EjabberdServer::configFile() const
{
    return path(QStringLiteral("ejabberd.yml"));
}

QString EjabberdServer::logTail(int lines) const
{
    return lastLines(path(QStringLiteral("logs/ejabberd.log")), lines);
}

bool EjabberdServer::fail(const QString& reason)
{
    m_error = reason;
    // Errors before ejabberd's logger is set up (a config it cannot parse, erl's own) only reach
    // its console.
    const QString console = lastLines(path(QStringLiteral("console.log")), 20);
    if (!console.isEmpty())
        m_error += QStringLiteral("\n--- ejabberd console ---\n") + console;
    const QString log = logTail(30);
    if (!log.isEmpty())
        m_error += QStringLiteral("\n--- ejabberd log tail ---\n") + log;
    return false;
}

bool EjabberdServer::choosePorts()
{
    // All listeners stay open until every port is known, so that they differ. ejabberd binds
    // with SO_REUSEADDR, so closing them right before it starts is enough.
    QTcpServer c2s;
    QTcpServer https;
    QTcpServer distribution;
    if (!c2s.listen(m_options.bindAddress, 0) || !https.listen(m_options.bindAddress, 0) ||
        !distribution.listen(QHostAddress(QHostAddress::LocalHost), 0))
        return fail(QStringLiteral("no free port on %1: %2 %3 %4")
                        .arg(host(), c2s.errorString(), https.errorString(), distribution.errorString()));
    m_c2sPort = c2s.serverPort();
    m_httpsPort = https.serverPort();
    m_distributionPort = distribution.serverPort();
    return true;
}

bool EjabberdServer::createCertificates()
{
    QString error;
    // ejabberd looks for a certificate for every host it serves, mod_pubsub's (PEP) included.
    const QString pubsubDomain = QStringLiteral("pubsub.") + domain();
    return createTestCertificates(path(QStringLiteral("certs")), {domain(), mucDomain(), uploadDomain(), pubsubDomain},
                                  host(), &error) ||
           fail(error);
}

bool EjabberdServer::writeConfig()
{
    const QString address = yamlString(host());
    const QString certificate = path(QStringLiteral("certs/%1").arg(TestCertificateNames::server()));

    QString config;
    config += QStringLiteral("# Generated by convene::test::EjabberdServer.\n");
    config += QStringLiteral("hosts:\n  - %1\n").arg(yamlString(domain()));
    config += QStringLiteral("loglevel: %1\n").arg(m_options.logLevel);
    config += QStringLiteral("log_rotate_count: 0\n");
    // The logger drops what exceeds 500 lines a second (the default), and a debug log is read
    // to see every stanza.
    config += QStringLiteral("log_burst_limit_count: 1000000\n");
    config += QStringLiteral("hide_sensitive_log_data: false\n");
    config +=
        QStringLiteral("certfiles:\n  - %1\n  - %2\n")
            .arg(yamlString(certificate + QStringLiteral(".crt")), yamlString(certificate + QStringLiteral(".key")));
    config += QStringLiteral("ca_file: %1\n").arg(yamlString(path(QStringLiteral("certs/ca.crt"))));
    config += QStringLiteral("acme:\n  auto: false # no certificate requests\n");
    // No s2s listener and no outgoing s2s: nothing on 5269, no federation.
    config += QStringLiteral("s2s_access: none\n");
    config += QStringLiteral("listen:\n"
                             "  -\n"
                             "    port: %1\n"
                             "    ip: %3\n"
                             "    module: ejabberd_c2s\n"
                             "    starttls_required: true\n"
                             "    max_stanza_size: 262144 # as Debian's ejabberd.yml (and Prosody's default)\n"
                             "  -\n"
                             "    port: %2\n"
                             "    ip: %3\n"
                             "    module: ejabberd_http\n"
                             "    tls: true\n"
                             "    request_handlers:\n"
                             "      /upload: mod_http_upload\n")
                  .arg(m_c2sPort)
                  .arg(m_httpsPort)
                  .arg(address);
    config += QStringLiteral("auth_method: internal\n");
    config +=
        QStringLiteral("auth_password_format: scram # stored as SCRAM-SHA-1 (auth_scram_hash: sha, the default)\n");
    config += QStringLiteral("disable_sasl_mechanisms: [\"digest-md5\", \"x-oauth2\"]\n");
    // No shapers: Debian's default config limits c2s to 3,000 bytes/s.
    config += QStringLiteral("acl:\n"
                             "  local:\n"
                             "    user_regexp: \"\"\n"
                             "access_rules:\n"
                             "  local:\n"
                             "    allow: local\n");
    config += QStringLiteral("modules:\n"
                             "  mod_caps: {}\n"
                             "  mod_carboncopy: {}\n"
                             "  mod_client_state: {}\n"
                             "  mod_disco: {}\n"
                             "  mod_ping: {}\n"
                             "  mod_private: {}\n"
                             "  mod_pubsub:\n"
                             "    plugins: [\"pep\"]\n"
                             "  mod_roster: {}\n"
                             "  mod_stream_mgmt: {}\n"
                             "  mod_vcard: {}\n"
                             "  mod_mam:\n"
                             "    default: always\n"
                             "  mod_muc:\n"
                             "    host: %1\n"
                             "    access_create: local\n"
                             "    access_persistent: local\n"
                             "    default_room_options:\n"
                             "      mam: true # archive every room (its form field is \"mam\")\n"
                             "      persistent: true\n"
                             "  mod_http_upload:\n"
                             "    host: %2\n"
                             "    put_url: %3\n"
                             "    docroot: %4\n"
                             "    thumbnail: false\n")
                  .arg(yamlString(mucDomain()), yamlString(uploadDomain()),
                       yamlString(
                           QStringLiteral("https://%1:%2/upload").arg(urlHost(m_options.bindAddress)).arg(m_httpsPort)),
                       yamlString(path(QStringLiteral("upload"))));
    if (!writeFile(configFile(), config))
        return fail(QStringLiteral("cannot write ") + configFile());

    // Sourced by ejabberdctl after its options, so it wins over Debian's /etc/ejabberd/ejabberdctl.cfg.
    QString ctlConfig;
    ctlConfig += QStringLiteral("# Generated by convene::test::EjabberdServer; sourced by ejabberdctl --ctl-config.\n");
    ctlConfig += QStringLiteral(
        "# As root, run erl as root rather than `su ejabberd`: the node's files are in this directory.\n");
    ctlConfig += QStringLiteral("EXEC_CMD=as_current_user\n");
    ctlConfig += QStringLiteral("ERLANG_NODE=%1\n").arg(m_node);
    ctlConfig += QStringLiteral(
        "# The node listens for ejabberdctl on this port (of 127.0.0.1, vm.args), so no epmd is started.\n");
    ctlConfig += QStringLiteral("ERL_DIST_PORT=%1\n").arg(m_distributionPort);
    ctlConfig += QStringLiteral("ERL_OPTIONS=\"-env ERL_CRASH_DUMP_BYTES 0\"\n");
    ctlConfig += QStringLiteral("EJABBERD_PID_PATH=%1\n").arg(path(QStringLiteral("ejabberd.pid")));
    ctlConfig += QStringLiteral("CONTRIB_MODULES_PATH=%1\n").arg(path(QStringLiteral("modules")));
    ctlConfig += QStringLiteral("CONTRIB_MODULES_CONF_DIR=%1\n").arg(path(QStringLiteral("modules.d")));
    if (!writeFile(path(QStringLiteral("ejabberdctl.cfg")), ctlConfig))
        return fail(QStringLiteral("cannot write ejabberdctl.cfg"));

    // erl's arguments for the node and for every ejabberdctl command (ejabberdctl passes
    // <config-dir>/vm.args): the cookie stays off command lines.
    const QString watchdog =
        QStringLiteral("case os:getenv(\"%1\") of"
                       " false -> ok;"
                       " Owner -> spawn(fun() -> Watch = fun Loop() -> timer:sleep(500),"
                       " case filelib:is_dir(\"/proc/\" ++ Owner) of true -> Loop(); false -> erlang:halt(1) end end,"
                       " Watch() end) end")
            .arg(ownerVariable);
    QString vmArgs;
    vmArgs += QStringLiteral("# Generated by convene::test::EjabberdServer.\n");
    vmArgs += QStringLiteral("-setcookie %1\n").arg(QString::fromLatin1(m_cookie));
    vmArgs += QStringLiteral("-kernel inet_dist_use_interface {127,0,0,1}\n");
    vmArgs += QStringLiteral("# The node ends when the test that started it is gone (killed, crashed).\n");
    vmArgs += QStringLiteral("-eval %1\n").arg(erlArgument(watchdog));
    if (!writeFile(path(QStringLiteral("vm.args")), vmArgs))
        return fail(QStringLiteral("cannot write vm.args"));

    // `localhost` of the node name is resolved by erl with this file (ejabberdctl sets ERL_INETRC).
    if (!writeFile(path(QStringLiteral("inetrc")),
                   QStringLiteral("{lookup, [\"file\", \"native\"]}.\n{host, {127,0,0,1}, [\"localhost\"]}.\n")))
        return fail(QStringLiteral("cannot write inetrc"));
    return true;
}

bool EjabberdServer::registerUsers()
{
    for (const User& user : std::as_const(m_options.users)) {
        if (!ctl({QStringLiteral("register"), user.name, domain(), user.password}))
            return false;
    }
    return true;
}

QStringList EjabberdServer::ctlArguments() const
{
    return {QStringLiteral("--config-dir"), m_dir->path(),
            QStringLiteral("--config"),     configFile(),
            QStringLiteral("--ctl-config"), path(QStringLiteral("ejabberdctl.cfg")),
            QStringLiteral("--spool"),      dataDir(),
            QStringLiteral("--logs"),       path(QStringLiteral("logs"))};
}

bool EjabberdServer::launch()
{
    if (acceptsConnections(m_options.bindAddress, m_c2sPort))
        return fail(QStringLiteral("port %1 is already taken by another process").arg(m_c2sPort));
    m_logOffset = QFileInfo(path(QStringLiteral("logs/ejabberd.log"))).size(); // appended across restarts
    QFile::remove(path(QStringLiteral("ejabberd.pid")));
    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(m_dir->path());
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(path(QStringLiteral("console.log")), QIODevice::Append);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_dir->path());
    environment.insert(ownerVariable, QString::number(QCoreApplication::applicationPid()));
    m_process->setProcessEnvironment(environment);
#ifdef Q_OS_LINUX
    // A test that crashes or is killed by a timeout must not leave a server behind. This ends
    // ejabberdctl only; the node's watchdog (vm.args) ends the VM.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process->start(ejabberdctl(), ctlArguments() << QStringLiteral("foreground"));
    if (!m_process->waitForStarted(killTimeoutMs))
        return fail(QStringLiteral("cannot run ejabberdctl: ") + m_process->errorString());
    return waitUntilStarted();
}

bool EjabberdServer::waitUntilStarted()
{
    const QDeadlineTimer deadline(startTimeoutMs);
    bool started = false;
    while (!deadline.hasExpired()) {
        // Doubles as the poll interval.
        if (m_process->waitForFinished(100))
            return fail(QStringLiteral("ejabberd exited with code %1 while starting").arg(m_process->exitCode()));
        // The listeners open right after this line; another process on a port must not pass for them.
        started = started || logSinceLaunch().contains(" is started in the node ");
        if (started && acceptsConnections(m_options.bindAddress, m_c2sPort) &&
            acceptsConnections(m_options.bindAddress, m_httpsPort))
            return true;
    }
    stop();
    return fail(QStringLiteral("ejabberd did not accept connections on %1:%2 within %3 s")
                    .arg(host())
                    .arg(m_c2sPort)
                    .arg(startTimeoutMs / 1000));
}

QByteArray EjabberdServer::logSinceLaunch() const
{
    QFile file(path(QStringLiteral("logs/ejabberd.log")));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(m_logOffset))
        return {};
    return file.readAll();
}

qint64 EjabberdServer::nodePid() const
{
    QFile file(path(QStringLiteral("ejabberd.pid")));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

QString EjabberdServer::path(const QString& relative) const
{
    return m_dir ? m_dir->filePath(relative) : QString();
}

} // namespace convene::test
