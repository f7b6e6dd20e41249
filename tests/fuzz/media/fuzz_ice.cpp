// Input: an ICE description or a call signal's SDP offer or answer as another member would send
// it (JSON), or, from the same bytes, the STUN/TURN servers an administrator wrote. Whatever
// parseIceDescription() accepts stays within its limits and reads back the same after toJson();
// what a signal gives the transport obeys the same rules; server errors never repeat a TURN
// password.
#include "convene/media/ice_description.h"
#include "convene/media/ice_server.h"
#include "convene/media/webrtc_description.h"

#include "fuzz_support.h"

#include <QJsonDocument>

#include <cstdint>

using namespace convene::media;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (document.isObject()) {
        // A call signal's description: what it gives the transport obeys the transport's rules.
        if (const auto transport = transportFromWebRtcSignal(document.object()))
            fuzz::check(parseIceDescription(*transport).ok());
        if (const auto parsed = parseIceDescription(document.object())) {
            fuzz::check(parsed->candidates.size() <= kMaxIceCandidates);
            const auto again = parseIceDescription(toJson(*parsed));
            fuzz::check(again && *again == *parsed);
        }
    }

    const QString text = QString::fromUtf8(bytes);
    const auto servers = parseIceServers(text);
    if (servers) {
        fuzz::check(servers->size() <= 8);
        for (const IceServer& server : *servers)
            fuzz::check(server.port != 0 && !server.host.isEmpty());
    } else {
        // Each entry on its own: a refused one's message must not carry its password. One of a
        // few characters may occur elsewhere in the entry by chance; a longer one that shows up
        // in the message was copied there.
        for (const QString& entry : text.split(u',')) {
            const auto alone = parseIceServers(entry);
            const qsizetype at = entry.lastIndexOf(u'@');
            const qsizetype colon = entry.indexOf(u':', entry.indexOf(u':') + 1);
            if (alone || at <= 0 || colon <= 0 || colon >= at)
                continue;
            const QString password = entry.mid(colon + 1, at - colon - 1);
            if (password.size() >= 12 && !entry.left(colon).contains(password) && !entry.mid(at).contains(password))
                fuzz::check(!alone.error().message.contains(password));
        }
    }
    return 0;
}
