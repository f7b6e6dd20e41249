#include "single_instance.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

Q_LOGGING_CATEGORY(lcInstance, "convene.instance")

namespace convene {

namespace {

// sun_path holds 104 bytes on macOS, 108 on Linux.
constexpr qsizetype kMaxSocketPath = 100;
constexpr int kProbeTimeoutMs = 1000;
constexpr int kLockTimeoutMs = 10000;

QString text(const char* source)
{
    return QCoreApplication::translate("SingleInstance", source);
}

} // namespace

SingleInstance::SingleInstance(const QString& profileDir, QObject* parent)
    : QObject(parent), m_profileDir(profileDir), m_name(serverName(profileDir))
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString& profileDir)
{
    QString canonical = QFileInfo(profileDir).canonicalFilePath();
    if (canonical.isEmpty())
        canonical = QDir::cleanPath(QFileInfo(profileDir).absoluteFilePath());
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    const QString name = QStringLiteral("convene-") + QString::fromLatin1(hash);
#if defined(Q_OS_UNIX)
    // A bare name would be a socket in the shared temporary directory; the runtime directory is
    // the user's alone (Qt makes one, mode 0700, where XDG_RUNTIME_DIR is not set).
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty() && runtime.size() + 1 + name.size() <= kMaxSocketPath)
        return QDir(runtime).filePath(name);
#endif
    return name;
}

Result<SingleInstance::Role> SingleInstance::claim()
{
    QLockFile lock(QDir(m_profileDir).filePath(QStringLiteral("instance.lock")));
    if (!lock.tryLock(kLockTimeoutMs))
        return makeError(ErrorCode::Unavailable,
                         text("Another launch of Convene on this profile did not finish starting (%1).")
                             .arg(QDir::toNativeSeparators(lock.fileName())));
    {
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(kProbeTimeoutMs)) {
            probe.abort();
            return Role::Later;
        }
    }
    // Nobody answers: whatever is left under that name belongs to an app that is gone.
    QLocalServer::removeServer(m_name);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->setMaxPendingConnections(kMaxConnections);
    if (!m_server->listen(m_name)) {
        const QString reason = m_server->errorString();
        m_server.reset();
        return makeError(ErrorCode::Io, text("Cannot watch for later launches on this profile: %1").arg(reason));
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    qCInfo(lcInstance, "Listening for later launches on %s", qPrintable(m_server->fullServerName()));
    return Role::First;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        if (m_open >= kMaxConnections) {
            qCWarning(lcInstance, "Refused a connection from another launch: too many at once.");
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_open;
        connect(socket, &QObject::destroyed, this, [this] { --m_open; });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // A peer that never finishes its message is cut off.
        QTimer::singleShot(kConnectionDeadlineMs, socket, [socket] {
            qCWarning(lcInstance, "Dropped a connection from another launch: it sent no complete message in time.");
            socket->abort();
            socket->deleteLater();
        });
        auto reader = std::make_shared<handover::FrameReader>();
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, reader] { read(socket, *reader); });
        read(socket, *reader);
    }
}

void SingleInstance::read(QLocalSocket* socket, handover::FrameReader& reader)
{
    if (reader.status() != handover::FrameReader::Status::NeedMore)
        return; // answered already; anything more is ignored until the peer goes
    while (reader.status() == handover::FrameReader::Status::NeedMore && socket->bytesAvailable() > 0)
        reader.feed(socket->read(reader.bytesWanted()));
    if (reader.status() == handover::FrameReader::Status::Complete && socket->bytesAvailable() > 0)
        reader.feed(socket->read(1));
    switch (reader.status()) {
    case handover::FrameReader::Status::NeedMore: return;
    case handover::FrameReader::Status::Invalid:
        qCWarning(lcInstance, "Ignored a message from another launch: %s", qPrintable(reader.error()));
        return answer(socket, reader.error());
    case handover::FrameReader::Status::Complete: break;
    }
    const Result<HandOver> message = handover::decodeHandOver(reader.payload());
    if (!message) {
        qCWarning(lcInstance, "Ignored a message from another launch: %s", qPrintable(message.error().message));
        return answer(socket, message.error().message);
    }
    qCInfo(lcInstance, "Another launch handed over %d link(s)", int(message->links.size()));
    answer(socket, {});
    emit received(*message);
}

void SingleInstance::answer(QLocalSocket* socket, const QString& error)
{
    socket->write(handover::frame(handover::encodeReply(error)));
    socket->disconnectFromServer(); // after what is written has gone
}

Result<void> SingleInstance::handOver(const HandOver& message, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const auto unreachable = [](const QString& why) {
        return makeError(
            ErrorCode::Unavailable,
            text("Convene is already running with this profile but did not take the hand-over: %1").arg(why));
    };
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return unreachable(socket.errorString());
    socket.write(handover::frame(handover::encodeHandOver(message)));
    while (socket.bytesToWrite() > 0)
        if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
            return unreachable(socket.errorString());
    handover::FrameReader reader;
    while (reader.status() == handover::FrameReader::Status::NeedMore) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(deadline.remainingTime())))
            return unreachable(deadline.hasExpired() ? text("no answer in time") : socket.errorString());
        reader.feed(socket.read(reader.bytesWanted()));
    }
    if (reader.status() == handover::FrameReader::Status::Invalid)
        return unreachable(reader.error());
    if (Result<void> reply = handover::decodeReply(reader.payload()); !reply)
        return unreachable(reply.error().message);
    return {};
}

} // namespace convene
