#pragma once

#include "xml_element.h"
#include "xmpp_session.h" // IqResult

#include <convene/core/result.h>

#include <QString>
#include <QTimer>

#include <functional>
#include <map>
#include <memory>

namespace convene::xmpp {

// Who we are, to judge who may answer an iq sent without 'to' (to our own account).
struct OwnAddress {
    QString bareJid;
    QString fullJid; // empty until bound
};

// Whether an iq answer from `from` may answer one we sent to `sentTo` (RFC 6120 §8.1.2.1,
// §10.3): only the entity we asked, or, for our own account or server, the server (which may
// leave out 'from'). Anyone else reusing the id is spoofing and is not believed.
bool isExpectedIqAnswer(QStringView from, QStringView sentTo, const OwnAddress& own);

// The iqs we sent that still wait for an answer: each callback is called exactly once, with the
// answer, after its timeout, or when the stream it was written to is gone. Destroying the
// tracker drops the callbacks uncalled (their owners may be going away too).
class IqTracker {
public:
    using Callback = std::function<void(const IqResult&)>;

    // Fails when an iq with that id is already waiting.
    Result<void> track(const QString& id, const QString& to, Callback done, int timeoutMs);
    bool isWaiting(const QString& id) const { return m_pending.contains(id); }
    // The iq went out on the current stream (until then it waits in the send queue).
    void markWritten(const QString& id);
    // An <iq type='result|error'/>: true when it answered one of ours and its callback ran.
    bool deliverAnswer(const XmlElement& iq, const OwnAddress& own);
    // The stream is gone for good: its answers will never come. Iqs not written yet keep waiting.
    void failWritten(const Error& reason);

    // Told the id of an iq that timed out, before its callback runs (to drop it if unsent).
    std::function<void(const QString& id)> onTimedOut;

private:
    struct Pending {
        QString to;
        Callback done;
        std::unique_ptr<QTimer> timer;
        bool written = false;
    };

    void expire(const QString& id, int timeoutMs);

    std::map<QString, Pending> m_pending;
};

} // namespace convene::xmpp
