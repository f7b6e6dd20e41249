// The call's media: what it is started with, and what the controller does with what it reports.
#include "convene/call/call_controller.h"

#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include <QNetworkInformation>

namespace convene::call {

CallMediaSetup CallController::mediaSetup()
{
    CallMediaSetup setup;
    const int height = m_options.videoHeight <= 360 ? 360 : m_options.videoHeight <= 540 ? 540 : 720;
    setup.videoHeight = height;
    setup.videoWidth = height * 16 / 9;
    setup.videoBitrateKbps = height == 720 ? 1200 : height == 540 ? 800 : 500;
    // libvpx's speed (cpu-used, 4 = better pictures, 16 = least CPU) and threads, for slow machines.
    setup.encoderSpeed = m_settings.value(QString::fromLatin1(SettingKey::CallEncoderSpeed)).toInt(); // clamped 4-16
    setup.encoderThreads = m_settings.value(QString::fromLatin1(SettingKey::CallEncoderThreads)).toInt(); // clamped 1-4
    setup.signalingId = endpoint();
    setup.loopbackOnly = m_options.loopbackOnly;
    setup.iceServers = iceServers();
    setup.devices.camera = m_devices->camera();
    setup.devices.microphone = m_devices->microphone();
    setup.devices.speaker = m_devices->speaker();
    setup.devices.cameraOn = m_cameraOn;
    setup.devices.microphoneMuted = m_microphoneMuted;
    return setup;
}

QList<media::IceServer> CallController::iceServers()
{
    QList<media::IceServer> servers;
    for (const char* key : {SettingKey::StunServers, SettingKey::TurnServers}) {
        const auto parsed = media::parseIceServers(m_settings.value(QString::fromLatin1(key)).toString());
        if (parsed) {
            servers << *parsed;
        } else {
            // The message names the server by its place and host, never its credentials.
            const QString problem = QString::fromLatin1(key) + QStringLiteral(": ") + parsed.error().message;
            qWarning("Call servers: %s", qPrintable(problem));
            emit noticeRaised(tr("The call servers in your settings are not valid, so calls may not connect "
                                 "across networks: %1")
                                  .arg(problem));
        }
    }
    return servers;
}

QString CallController::mediaProblem()
{
    const Result<void> loaded = m_engine.load();
    return loaded ? QString() : loaded.error().message;
}

void CallController::startMedia()
{
    // Calls are started and joined only once the engine is loaded (mediaProblem()); this covers a
    // call entered some other way.
    Result<std::unique_ptr<CallMediaPort>> started = m_engine.start(mediaSetup(), *this);
    if (!started) {
        emit noticeRaised(started.error().message);
        // Not from within this state change: leaving changes the state again.
        QMetaObject::invokeMethod(
            this, [this] { m_session->leave(); }, Qt::QueuedConnection);
        return;
    }
    m_media = std::move(started).value();
    m_mediaContext = std::make_unique<QObject>();
    // A new network (Wi-Fi to cable, a VPN, waking up) means new addresses: look for new paths
    // at once instead of waiting for the old ones to fall silent.
    if (QNetworkInformation::loadDefaultBackend()) {
        const QNetworkInformation* network = QNetworkInformation::instance();
        connect(network, &QNetworkInformation::transportMediumChanged, m_mediaContext.get(),
                [this] { m_media->restartPaths(); });
        connect(network, &QNetworkInformation::reachabilityChanged, m_mediaContext.get(),
                [this, was = network->reachability()](QNetworkInformation::Reachability now) mutable {
                    using enum QNetworkInformation::Reachability;
                    if (now == Online && was != Online && was != Unknown)
                        m_media->restartPaths(); // back from offline
                    was = now;
                });
    }

    ParticipantModel::Row self;
    self.endpoint = endpoint();
    self.userId = m_session->userId();
    self.name = personName(m_session->userId());
    self.isSelf = true;
    self.audioMuted = m_microphoneMuted;
    self.videoOn = m_cameraOn;
    self.connection = QStringLiteral("self");
    m_participants.reset({self});
    m_session->setMediaState(m_microphoneMuted, !m_cameraOn);
    m_durationTimer.start();
}

void CallController::stopMedia()
{
    m_durationTimer.stop();
    m_mediaContext.reset();
    m_media.reset();
    m_participants.reset({});
    m_speakerDetector = SpeakerDetector();
}

void CallController::statsUpdated(const QList<media::PeerStats>& peers, const media::LocalStats& local)
{
    for (const media::PeerStats& stats : peers)
        m_participants.update(stats.peerId, [&](ParticipantModel::Row& row) {
            row.stats = formatStats(stats);
            return QList<int>{ParticipantModel::StatsRole};
        });
    m_participants.update(endpoint(), [&](ParticipantModel::Row& row) {
        row.stats = formatStats(local);
        return QList<int>{ParticipantModel::StatsRole};
    });
}

void CallController::audioLevels(const QHash<QString, double>& levels)
{
    QHash<QString, double> byEndpoint;
    for (auto it = levels.constBegin(); it != levels.constEnd(); ++it)
        byEndpoint.insert(it.key().isEmpty() ? endpoint() : it.key(), it.value());
    if (!m_speakerDetector.update(byEndpoint, QDateTime::currentMSecsSinceEpoch()))
        return;
    for (const QString& id : m_participants.endpoints())
        m_participants.update(id, [&](ParticipantModel::Row& row) {
            QList<int> roles;
            const bool speaking = m_speakerDetector.isSpeaking(id);
            const bool active = m_speakerDetector.activeSpeaker() == id && m_participants.rowCount() > 2;
            if (row.speaking != speaking) {
                row.speaking = speaking;
                roles << ParticipantModel::SpeakingRole;
            }
            if (row.activeSpeaker != active) {
                row.activeSpeaker = active;
                roles << ParticipantModel::ActiveSpeakerRole;
            }
            return roles;
        });
}

void CallController::localDescriptionReady(const QString& endpoint, const QJsonObject& description)
{
    m_session->sendTransport(endpoint, description);
}

void CallController::peerPathChanged(const QString& endpoint, PeerPath path)
{
    const QString connection = path == PeerPath::Connected ? QStringLiteral("connected")
                               : path == PeerPath::Failed  ? QStringLiteral("failed")
                                                           : QStringLiteral("connecting");
    m_participants.update(endpoint, [&](ParticipantModel::Row& row) {
        row.connection = connection;
        return QList<int>{ParticipantModel::ConnectionRole};
    });
}

void CallController::videoLatency(const QString& endpoint, qint64 microseconds)
{
    emit videoLatencyMeasured(endpoint, microseconds);
}

void CallController::audioLatency(qint64 microseconds)
{
    emit audioLatencyMeasured(microseconds);
}

void CallController::failed(const QString& reason)
{
    qWarning("Call media: %s", qPrintable(reason));
}

void CallController::deviceFailed(const QString& reason)
{
    qWarning("Call device: %s", qPrintable(reason));
    emit noticeRaised(tr("Your camera or microphone stopped working. Choose another one in the device menu."));
}

} // namespace convene::call
