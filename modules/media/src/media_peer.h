#pragma once

#include "convene/media/lip_sync.h"
#include "convene/media/media_transport.h"
#include "convene/media/peer_receiver.h"
#include "convene/media/resend_budget.h"

#include <deque>
#include <memory>

namespace convene::media {

// Everything a media session keeps about one remote participant.
class MediaPeer {
public:
    MediaPeer(QString id, std::unique_ptr<MediaTransport> transport)
        : id(std::move(id)), transport(std::move(transport))
    { }

    struct HeldPicture {
        DecodedVideoFrame frame;
        int64_t heldSinceUs = 0;
    };

    QString id;
    std::unique_ptr<MediaTransport> transport;
    PeerReceiver receiver;
    LipSync lipSync;
    std::deque<HeldPicture> held;
    int64_t roundTripUs = -1;
    int64_t lastPictureLossRequestUs = 0;
    double reportedLossFraction = 0; // what the peer says it lost of our streams
    double receivedLossFraction = 0; // what we lost of theirs, last interval
    double level = 0;
    // What the peer's NACKs asked of us, and what they may still have.
    ResendBudget resendBudget;
    uint64_t resendsRequested = 0;
    uint64_t resent = 0;
    uint64_t resendsRefused = 0;
    // For per-second rates.
    uint64_t framesShown = 0;
    uint64_t framesShownAtLastStats = 0;
    ReceiveCounters countersAtLastStats;
    std::deque<int64_t> latencySamplesUs;

    bool connected() const { return transport->state() == MediaTransport::State::Connected; }
};

} // namespace convene::media
