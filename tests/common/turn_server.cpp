#include "turn_server.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUdpSocket>

#include <random>

#include <csignal>
#include <sys/prctl.h>

namespace convene::test {

namespace {

// A port free for both UDP and TCP on 127.0.0.1 right now.
quint16 freePort()
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

} // namespace

TurnServer::TurnServer() = default;

TurnServer::~TurnServer()
{
    stop();
}

bool TurnServer::available()
{
    return !QStandardPaths::findExecutable(QStringLiteral("turnserver")).isEmpty();
}

bool TurnServer::start(const QString& user, const QString& password)
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_port = freePort();
    if (!m_dir->isValid() || m_port == 0) {
        m_error = QStringLiteral("no temporary directory or free port");
        return false;
    }
    // Relay ports from a range of its own, so that two servers (or runs) seldom meet.
    std::random_device random;
    const int relayFrom = 50000 + int(random() % 140) * 100;
    const QString dir = m_dir->path();
    QFile config(dir + QStringLiteral("/turnserver.conf"));
    if (!config.open(QIODevice::WriteOnly)) {
        m_error = config.errorString();
        return false;
    }
    config.write(QStringLiteral("listening-ip=127.0.0.1\n"
                                "relay-ip=127.0.0.1\n"
                                "listening-port=%1\n"
                                "min-port=%2\n"
                                "max-port=%3\n"
                                "realm=convene.test\n"
                                "lt-cred-mech\n"
                                "user=%4:%5\n"
                                "userdb=%6/turndb\n"
                                "fingerprint\n"
                                "no-tls\nno-dtls\nno-cli\nno-multicast-peers\n"
                                // Both peers' relayed addresses are on 127.0.0.1.
                                "allow-loopback-peers\n"
                                "pidfile=%6/turnserver.pid\n"
                                "log-file=%6/turnserver.log\n"
                                "simple-log\nno-software-attribute\n")
                     .arg(m_port)
                     .arg(relayFrom)
                     .arg(relayFrom + 99)
                     .arg(user, password, dir)
                     .toUtf8());
    config.close();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    // A test that crashes takes its server along.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(QStringLiteral("turnserver"), {QStringLiteral("-c"), config.fileName()});
    if (!m_process->waitForStarted(5000)) {
        m_error = m_process->errorString();
        return false;
    }
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("turnserver did not start:\n") + log().right(2000);
    return false;
}

void TurnServer::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished();
    }
}

QString TurnServer::log() const
{
    if (!m_dir)
        return {};
    QFile file(m_dir->path() + QStringLiteral("/turnserver.log"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace convene::test
