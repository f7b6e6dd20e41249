// The call engine's entry points (call_media_port.h), looked up by name when the first call starts.
#include "call_media.h"

#include <convene/media/codec_versions.h>
#include <convene/media/dtls_srtp_transport.h>
#include <convene/media/ice_transport.h>

#include <QtGlobal>

#include <type_traits>

namespace {

using namespace convene;

media::MediaSessionConfig sessionConfig(const call::CallMediaSetup& setup)
{
    media::MediaSessionConfig config;
    config.video.width = setup.videoWidth;
    config.video.height = setup.videoHeight;
    config.video.bitrateKbps = setup.videoBitrateKbps;
    if (setup.encoderSpeed > 0)
        config.video.speed = setup.encoderSpeed;
    if (setup.encoderThreads > 0)
        config.video.threads = setup.encoderThreads;
    config.measureLatency = true;
    config.webRtcSignalingId = setup.signalingId; // the call description is an SDP offer or answer
    media::IceTransport::Options ice;
    ice.loopbackOnly = setup.loopbackOnly;
    ice.servers = setup.iceServers;
    config.transportFactory = [ice] {
        return std::make_unique<media::DtlsSrtpTransport>(std::make_unique<media::IceTransport>(ice));
    };
    return config;
}

} // namespace

extern "C" Q_DECL_EXPORT convene::call::CallMediaPort*
convene_call_engine_start(const convene::call::CallMediaSetup& setup, convene::call::CallMediaEvents& events)
{
    return new convene::call::CallMedia(sessionConfig(setup), setup.devices, events);
}

extern "C" Q_DECL_EXPORT const char* convene_call_engine_components()
{
    static const QByteArray components = convene::media::codecVersions();
    return components.constData();
}

static_assert(std::is_same_v<decltype(&convene_call_engine_start), convene::call::StartCallMedia>);
static_assert(std::is_same_v<decltype(&convene_call_engine_components), convene::call::CallEngineComponents>);
