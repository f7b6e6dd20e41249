// libnice (through GIO) names a struct member `signals`, which Qt defines as a macro: it comes first.
#include "nice_library.h"

#include "convene/media/ice_transport.h"

#include "glib_loop.h"

#include <QHostInfo>
#include <QLoggingCategory>

namespace convene::media {

namespace {

Q_LOGGING_CATEGORY(lcIce, "convene.media.ice")

constexpr guint kComponent = 1; // RTP and RTCP share it (rtcp-mux)
constexpr int kCloseDrainMs = 500;
// Restarting gathers anew: a peer that restarts again and again gets one a second at most.
constexpr int kMinPeerRestartIntervalMs = 1000;
constexpr qsizetype kMaxRetiredUfrags = 32;

NiceAgent* agentOf(void* agent)
{
    return static_cast<NiceAgent*>(agent);
}

QString addressOf(const NiceAddress& address)
{
    char text[NICE_ADDRESS_STRING_LEN];
    libnice().nice_address_to_string(&address, text);
    return QString::fromLatin1(text);
}

QString typeName(NiceCandidateType type)
{
    switch (type) {
    case NICE_CANDIDATE_TYPE_HOST: return QStringLiteral("host");
    case NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE: return QStringLiteral("srflx");
    case NICE_CANDIDATE_TYPE_PEER_REFLEXIVE: return QStringLiteral("prflx");
    case NICE_CANDIDATE_TYPE_RELAYED: return QStringLiteral("relay");
    }
    return QStringLiteral("host");
}

// Related addresses are left out: the peer needs none, and they would tell another member
// this side's private addresses even when it offers only relayed candidates.
SdpCandidate toSdp(const NiceCandidate& nice)
{
    SdpCandidate candidate;
    candidate.foundation = QString::fromLatin1(nice.foundation);
    candidate.component = int(nice.component_id);
    candidate.priority = nice.priority;
    candidate.address = addressOf(nice.addr);
    candidate.port = quint16(libnice().nice_address_get_port(&nice.addr));
    candidate.type = typeName(nice.type);
    candidate.transport = nice.transport == NICE_CANDIDATE_TRANSPORT_UDP ? QStringLiteral("udp") : QStringLiteral("tcp");
    switch (nice.transport) {
    case NICE_CANDIDATE_TRANSPORT_UDP: break;
    case NICE_CANDIDATE_TRANSPORT_TCP_ACTIVE:
        candidate.tcpType = QStringLiteral("active");
        if (candidate.port == 0)
            candidate.port = 9; // RFC 6544: an active candidate only connects out; SDP gives it port 9
        break;
    case NICE_CANDIDATE_TRANSPORT_TCP_PASSIVE: candidate.tcpType = QStringLiteral("passive"); break;
    case NICE_CANDIDATE_TRANSPORT_TCP_SO: candidate.tcpType = QStringLiteral("so"); break;
    }
    return candidate;
}

NiceCandidate* toNice(const SdpCandidate& candidate, guint stream)
{
    static const QHash<QString, NiceCandidateType> types{{QStringLiteral("host"), NICE_CANDIDATE_TYPE_HOST},
                                                         {QStringLiteral("srflx"), NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE},
                                                         {QStringLiteral("prflx"), NICE_CANDIDATE_TYPE_PEER_REFLEXIVE},
                                                         {QStringLiteral("relay"), NICE_CANDIDATE_TYPE_RELAYED}};
    NiceCandidate* nice = libnice().nice_candidate_new(types.value(candidate.type, NICE_CANDIDATE_TYPE_HOST));
    nice->stream_id = stream;
    nice->component_id = kComponent;
    nice->priority = candidate.priority;
    nice->transport = candidate.transport == u"udp"           ? NICE_CANDIDATE_TRANSPORT_UDP
                      : candidate.tcpType == u"active"         ? NICE_CANDIDATE_TRANSPORT_TCP_ACTIVE
                      : candidate.tcpType == u"passive"        ? NICE_CANDIDATE_TRANSPORT_TCP_PASSIVE
                                                               : NICE_CANDIDATE_TRANSPORT_TCP_SO;
    const QByteArray foundation = candidate.foundation.toLatin1();
    g_strlcpy(nice->foundation, foundation.constData(), NICE_CANDIDATE_MAX_FOUNDATION);
    if (!libnice().nice_address_set_from_string(&nice->addr, candidate.address.toLatin1().constData())) {
        libnice().nice_candidate_free(nice);
        return nullptr;
    }
    libnice().nice_address_set_port(&nice->addr, candidate.port);
    return nice;
}

QString transportName(NiceCandidateTransport transport)
{
    return transport == NICE_CANDIDATE_TRANSPORT_UDP ? QStringLiteral("UDP") : QStringLiteral("TCP");
}

// libnice calls these on its GLib thread, or on ours from inside an agent call; both only
// queue the event for the thread the transport lives on.
template<typename F>
void post(gpointer self, F&& call)
{
    auto* transport = static_cast<IceTransport*>(self);
    QMetaObject::invokeMethod(transport, std::forward<F>(call), Qt::QueuedConnection);
}

void onNewCandidate(NiceAgent*, NiceCandidate* candidate, gpointer self)
{
    const SdpCandidate sdp = toSdp(*candidate);
    const unsigned stream = candidate->stream_id;
    auto* transport = static_cast<IceTransport*>(self);
    post(self, [transport, stream, sdp] { transport->onLocalCandidate(stream, sdp); });
}

void onGatheringDone(NiceAgent*, guint stream, gpointer self)
{
    auto* transport = static_cast<IceTransport*>(self);
    post(self, [transport, stream] { transport->onGatheringDone(stream); });
}

void onStateChanged(NiceAgent*, guint stream, guint component, guint state, gpointer self)
{
    if (component != kComponent)
        return;
    auto* transport = static_cast<IceTransport*>(self);
    post(self, [transport, stream, state] { transport->onComponentState(stream, state); });
}

void onSelectedPair(NiceAgent*, guint stream, guint component, NiceCandidate* local, NiceCandidate* remote,
                    gpointer self)
{
    if (component != kComponent)
        return;
    IceTransport::SelectedPair pair;
    pair.localType = typeName(local->type);
    pair.remoteType = typeName(remote->type);
    pair.localTransport = transportName(local->transport);
    pair.remoteTransport = transportName(remote->transport);
    if (local->type == NICE_CANDIDATE_TYPE_RELAYED)
        pair.localAddress = addressOf(local->addr);
    pair.remoteAddress = addressOf(remote->addr) + u':' + QString::number(libnice().nice_address_get_port(&remote->addr));
    auto* transport = static_cast<IceTransport*>(self);
    post(self, [transport, stream, pair] { transport->onSelectedPair(stream, pair); });
}

void onReceived(NiceAgent*, guint stream, guint component, guint length, gchar* data, gpointer self)
{
    if (component != kComponent)
        return;
    QByteArray datagram(data, qsizetype(length));
    auto* transport = static_cast<IceTransport*>(self);
    post(self, [transport, stream, datagram = std::move(datagram)] { transport->onDatagram(stream, datagram); });
}

NiceRelayType relayType(IceServer::Transport transport)
{
    switch (transport) {
    case IceServer::Transport::Udp: return NICE_RELAY_TYPE_TURN_UDP;
    case IceServer::Transport::Tcp: return NICE_RELAY_TYPE_TURN_TCP;
    case IceServer::Transport::Tls: return NICE_RELAY_TYPE_TURN_TLS;
    }
    return NICE_RELAY_TYPE_TURN_UDP;
}

} // namespace

IceTransport::IceTransport(Options options, QObject* parent) : MediaTransport(parent), m_options(std::move(options))
{
    m_announceTimer.setSingleShot(true); // candidates found together go out in one description
    m_announceTimer.setInterval(0);
    connect(&m_announceTimer, &QTimer::timeout, this, &MediaTransport::localDescriptionChanged);
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this,
            [this] { fail(tr("No connection to the other side could be made.")); });
    m_deferTimer.setSingleShot(true);
    connect(&m_deferTimer, &QTimer::timeout, this, [this] { setRemoteDescription(std::exchange(m_deferredRemote, {})); });
    m_silenceTimer.setInterval(250);
    connect(&m_silenceTimer, &QTimer::timeout, this, &IceTransport::checkSilence);
    connect(&m_restartTimer, &QTimer::timeout, this, [this] {
        if (m_lostFor.isValid() && m_lostFor.elapsed() >= m_options.reconnectTimeoutMs)
            return fail(tr("The connection to the other side was lost."));
        restart("the path is still lost");
    });
}

IceTransport::~IceTransport()
{
    shutDown();
}

void IceTransport::start()
{
    if (m_state != State::New)
        return;
    setState(State::Checking);
    if (const auto library = loadNiceLibrary(); !library)
        return fail(library.error().message);
    m_loop = std::make_unique<GlibLoop>();
    const auto options = NiceAgentOption(NICE_AGENT_OPTION_ICE_TRICKLE | NICE_AGENT_OPTION_CONSENT_FRESHNESS);
    NiceAgent* agent = libnice().nice_agent_new_full(m_loop->context(), NICE_COMPATIBILITY_RFC5245, options);
    m_agent = agent;
    g_object_set(agent, "upnp", FALSE, "force-relay", gboolean(m_options.relayOnly), nullptr);
    QList<QHostAddress> addresses = m_options.localAddresses;
    if (m_options.loopbackOnly)
        addresses = {QHostAddress(QHostAddress::LocalHost)};
    for (const QHostAddress& address : addresses) {
        NiceAddress nice;
        libnice().nice_address_init(&nice);
        if (libnice().nice_address_set_from_string(&nice, address.toString().toLatin1().constData()))
            libnice().nice_agent_add_local_address(agent, &nice);
    }
    g_signal_connect(agent, "new-candidate-full", G_CALLBACK(onNewCandidate), this);
    g_signal_connect(agent, "candidate-gathering-done", G_CALLBACK(convene::media::onGatheringDone), this);
    g_signal_connect(agent, "component-state-changed", G_CALLBACK(onStateChanged), this);
    g_signal_connect(agent, "new-selected-pair-full", G_CALLBACK(convene::media::onSelectedPair), this);
    newStream();
    m_connectTimer.start(m_options.connectTimeoutMs);

    // libnice takes servers by address: names are looked up first, and gathering waits for them.
    for (qsizetype i = 0; i < m_options.servers.size(); ++i) {
        if (!QHostAddress(m_options.servers[i].host).isNull())
            continue;
        ++m_pendingLookups;
        QHostInfo::lookupHost(m_options.servers[i].host, this, [this, i](const QHostInfo& info) {
            IceServer& server = m_options.servers[i];
            if (info.addresses().isEmpty()) {
                qCWarning(lcIce, "%s could not be found; calls go on without it", qPrintable(server.displayName()));
                server.host.clear();
            } else {
                server.host = info.addresses().constFirst().toString();
            }
            if (--m_pendingLookups == 0 && m_agent)
                gather();
        });
    }
    if (m_pendingLookups == 0)
        gather();
}

// A stream of its own per ICE generation: a restart gathers again, so a changed network's
// addresses are found.
void IceTransport::newStream()
{
    NiceAgent* agent = agentOf(m_agent);
    if (m_stream != 0)
        libnice().nice_agent_remove_stream(agent, m_stream);
    m_stream = libnice().nice_agent_add_stream(agent, 1);
    libnice().nice_agent_attach_recv(agent, m_stream, kComponent, m_loop->context(), convene::media::onReceived, this);
    gchar* ufrag = nullptr;
    gchar* pwd = nullptr;
    libnice().nice_agent_get_local_credentials(agent, m_stream, &ufrag, &pwd);
    m_local = {};
    m_local.ufrag = QString::fromLatin1(ufrag);
    m_local.pwd = QString::fromLatin1(pwd);
    g_free(ufrag);
    g_free(pwd);
    m_remoteUfrag.clear();
    m_remoteCandidates.clear();
    m_remoteComplete = false;
    m_connected = false;
}

void IceTransport::gather()
{
    NiceAgent* agent = agentOf(m_agent);
    bool stunSet = false;
    for (const IceServer& server : std::as_const(m_options.servers)) {
        if (server.host.isEmpty())
            continue;
        const QByteArray host = server.host.toLatin1();
        if (server.kind == IceServer::Kind::Stun) {
            if (!stunSet) // libnice asks one STUN server
                g_object_set(agent, "stun-server", host.constData(), "stun-server-port", guint(server.port), nullptr);
            stunSet = true;
        } else {
            libnice().nice_agent_set_relay_info(agent, m_stream, kComponent, host.constData(), server.port,
                                      server.username.toUtf8().constData(), server.password.toUtf8().constData(),
                                      relayType(server.transport));
        }
    }
    m_gathering = true;
    if (!libnice().nice_agent_gather_candidates(agent, m_stream))
        fail(tr("This computer has no network address a call can use."));
}

QJsonObject IceTransport::localDescription() const
{
    return toJson(localIce());
}

IceDescription IceTransport::localIce() const
{
    IceDescription description = m_local;
    description.peerUfrag = m_remoteUfrag;
    return description;
}

void IceTransport::setRemoteDescription(const QJsonObject& json)
{
    if (m_state == State::Failed || m_state == State::Closed || !m_agent)
        return;
    const auto parsed = parseIceDescription(json);
    if (!parsed)
        return fail(tr("The other side's connection details are invalid (%1).").arg(parsed.error().message));
    const IceDescription& remote = *parsed;
    if (remote.ufrag == m_remoteUfrag) {
        addRemoteCandidates(remote.candidates);
    } else if (m_retiredRemoteUfrags.contains(remote.ufrag)) {
        return; // from before a restart, overtaken
    } else if (m_remoteUfrag.isEmpty() || remote.peerUfrag == m_local.ufrag) {
        pairWith(remote); // the first, an answer to our restart, or a restart crossing ours
    } else if (m_peerRestart.isValid() && m_peerRestart.elapsed() < kMinPeerRestartIntervalMs) {
        // Restarts in quick succession: the latest is answered when the second is over.
        m_deferredRemote = json;
        m_deferTimer.start(int(kMinPeerRestartIntervalMs - m_peerRestart.elapsed()));
        return;
    } else {
        m_peerRestart.start();
        restart("the other side restarted"); // answered with new credentials of our own
        pairWith(remote);
    }
    if (remote.complete && !m_remoteComplete) {
        m_remoteComplete = true;
        libnice().nice_agent_peer_candidate_gathering_done(agentOf(m_agent), m_stream);
    }
}

void IceTransport::retireRemoteUfrag()
{
    if (m_remoteUfrag.isEmpty())
        return;
    if (m_retiredRemoteUfrags.size() == kMaxRetiredUfrags)
        m_retiredRemoteUfrags.removeFirst();
    m_retiredRemoteUfrags << m_remoteUfrag;
}

void IceTransport::pairWith(const IceDescription& remote)
{
    NiceAgent* agent = agentOf(m_agent);
    retireRemoteUfrag();
    m_remoteUfrag = remote.ufrag;
    m_remoteCandidates.clear();
    m_remoteComplete = false;
    const bool controlling = m_options.controlling.value_or(m_local.ufrag > remote.ufrag);
    g_object_set(agent, "controlling-mode", gboolean(controlling), nullptr);
    libnice().nice_agent_set_remote_credentials(agent, m_stream, remote.ufrag.toLatin1().constData(),
                                      remote.pwd.toLatin1().constData());
    addRemoteCandidates(remote.candidates);
    m_announceTimer.start(); // the peer learns which of its credentials ours are paired with
}

void IceTransport::addRemoteCandidates(const QList<SdpCandidate>& candidates)
{
    GSList* list = nullptr;
    for (const SdpCandidate& candidate : candidates) {
        const QString key = sdpCandidateValue(candidate);
        if (m_remoteCandidates.contains(key))
            continue;
        if (m_options.loopbackOnly && !QHostAddress(candidate.address).isLoopback())
            continue; // kept to this machine, whatever the peer offers
        m_remoteCandidates.insert(key);
        if (NiceCandidate* nice = toNice(candidate, m_stream))
            list = g_slist_append(list, nice);
    }
    if (!list)
        return;
    libnice().nice_agent_set_remote_candidates(agentOf(m_agent), m_stream, kComponent, list);
    g_slist_free_full(list, reinterpret_cast<GDestroyNotify>(libnice().nice_candidate_free));
}

void IceTransport::send(const QByteArray& packet)
{
    if (!m_connected) {
        ++m_counters.droppedBeforeConnected;
        return;
    }
    if (libnice().nice_agent_send(agentOf(m_agent), m_stream, kComponent, guint(packet.size()), packet.constData()) < 0) {
        ++m_counters.droppedBeforeConnected;
        return;
    }
    ++m_counters.sent;
}

void IceTransport::close()
{
    if (m_state == State::Closed)
        return;
    shutDown();
    setState(State::Closed);
}

void IceTransport::restartPath()
{
    // Before the first connection there is no path to lose: the checks under way go on.
    if (m_agent && m_everConnected && (m_state == State::Connected || m_state == State::Checking))
        restart("the network changed");
}

QString IceTransport::candidatePair() const
{
    if (!m_connected || m_pair.localType.isEmpty())
        return {};
    QString local = m_pair.localType + u' ' + m_pair.localTransport;
    if (m_pair.localType == u"relay") {
        // How the relay is reached is not in the candidate: it is what the TURN servers on the
        // relayed address's host were configured with, when they agree.
        QSet<IceServer::Transport> transports;
        for (const IceServer& server : m_options.servers) {
            if (server.kind == IceServer::Kind::Turn && server.host == m_pair.localAddress)
                transports.insert(server.transport);
        }
        static const QStringList names{QStringLiteral("UDP"), QStringLiteral("TCP"), QStringLiteral("TLS")};
        local = transports.size() == 1 ? m_pair.localType + u' ' + names.at(int(*transports.cbegin()))
                                       : m_pair.localType;
    }
    return local + QStringLiteral(" ↔ ") + m_pair.remoteType + u' ' + m_pair.remoteTransport;
}

void IceTransport::onLocalCandidate(unsigned stream, const SdpCandidate& candidate)
{
    if (stream != m_stream || m_local.candidates.size() >= kMaxIceCandidates)
        return;
    m_local.candidates << candidate;
    m_announceTimer.start();
}

void IceTransport::onGatheringDone(unsigned stream)
{
    if (stream != m_stream)
        return;
    m_gathering = false;
    m_local.complete = true;
    m_announceTimer.start();
}

void IceTransport::onComponentState(unsigned stream, unsigned state)
{
    if (stream != m_stream || m_state == State::Failed || m_state == State::Closed)
        return;
    switch (NiceComponentState(state)) {
    case NICE_COMPONENT_STATE_CONNECTED:
    case NICE_COMPONENT_STATE_READY:
        if (m_connected)
            return;
        m_connected = true;
        m_everConnected = true;
        m_lastHeard.start();
        m_lostFor.invalidate();
        m_connectTimer.stop();
        m_restartTimer.stop();
        m_silenceTimer.start();
        setState(State::Connected);
        break;
    case NICE_COMPONENT_STATE_FAILED:
        if (m_connected || (m_everConnected && !m_restartTimer.isActive()))
            pathLost();
        else if (!m_everConnected && m_remoteComplete && !m_gathering)
            fail(tr("No connection to the other side could be made."));
        break;
    default: break;
    }
}

void IceTransport::onSelectedPair(unsigned stream, const SelectedPair& pair)
{
    if (stream == m_stream)
        m_pair = pair;
}

void IceTransport::onDatagram(unsigned stream, const QByteArray& datagram)
{
    if (stream != m_stream || m_state == State::Closed || m_state == State::Failed)
        return;
    m_lastHeard.start();
    ++m_counters.received;
    emit packetReceived(datagram);
}

void IceTransport::checkSilence()
{
    if (m_connected && m_lastHeard.elapsed() >= m_options.silenceMs)
        pathLost();
}

void IceTransport::pathLost()
{
    qCInfo(lcIce, "path lost after %lld ms of silence; restarting ICE", qint64(m_lastHeard.elapsed()));
    m_silenceTimer.stop();
    restart("the path was lost");
}

void IceTransport::restart(const char* why)
{
    qCInfo(lcIce, "ICE restart: %s", why);
    ++m_counters.restarts;
    retireRemoteUfrag();
    newStream();
    if (m_everConnected) {
        if (!m_lostFor.isValid())
            m_lostFor.start();
        m_restartTimer.start(m_options.restartIntervalMs);
        m_silenceTimer.stop();
        setState(State::Checking);
    }
    if (m_pendingLookups == 0)
        gather();
    m_announceTimer.start();
}

void IceTransport::fail(const QString& reason)
{
    if (m_state == State::Failed || m_state == State::Closed)
        return;
    shutDown();
    setState(State::Failed);
    emit failed(reason);
}

void IceTransport::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void IceTransport::shutDown()
{
    m_announceTimer.stop();
    m_connectTimer.stop();
    m_silenceTimer.stop();
    m_restartTimer.stop();
    m_deferTimer.stop();
    m_connected = false;
    if (!m_agent)
        return;
    NiceAgent* agent = agentOf(std::exchange(m_agent, nullptr));
    g_signal_handlers_disconnect_by_data(agent, this);
    const guint stream = m_stream;
    // Closing releases TURN allocations, which takes a round trip to the server: a short one is
    // waited for, a server that is gone is not.
    GlibLoop* loop = m_loop.get();
    m_loop->stop(
        [agent, stream, loop] {
            libnice().nice_agent_attach_recv(agent, stream, kComponent, nullptr, nullptr, nullptr);
            libnice().nice_agent_close_async(
                agent, [](GObject*, GAsyncResult*, gpointer loop) { static_cast<GlibLoop*>(loop)->quit(); }, loop);
        },
        kCloseDrainMs);
    g_object_unref(agent);
    m_loop.reset();
}

} // namespace convene::media
