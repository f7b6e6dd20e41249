#include "iq_tracker.h"

#include "jid.h"
#include "session_errors.h"

#include <QCoreApplication>

#include <utility>
#include <vector>

namespace convene::xmpp {

bool isExpectedIqAnswer(QStringView from, QStringView sentTo, const OwnAddress& own)
{
    const QString ownDomain = domainOf(own.bareJid);
    const bool sentToOwnServer = sentTo.isEmpty() || sameJid(sentTo, own.bareJid) || sameJid(sentTo, ownDomain);
    if (from.isEmpty())
        return sentToOwnServer;
    if (sentTo.isEmpty())
        return sameJid(from, own.bareJid) || sameJid(from, ownDomain) ||
               (!own.fullJid.isEmpty() && sameJid(from, own.fullJid));
    return sameJid(from, sentTo);
}

Result<void> IqTracker::track(const QString& id, const QString& to, Callback done, int timeoutMs)
{
    if (m_pending.contains(id)) {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("convene::xmpp::XmppSession",
                                                     "An iq with the id “%1” is already waiting for its answer.")
                             .arg(id));
    }
    auto timer = std::make_unique<QTimer>();
    timer->setSingleShot(true);
    QObject::connect(timer.get(), &QTimer::timeout, timer.get(), [this, id, timeoutMs] { expire(id, timeoutMs); });
    timer->start(timeoutMs);
    m_pending.emplace(id, Pending{to, std::move(done), std::move(timer), false});
    return {};
}

void IqTracker::markWritten(const QString& id)
{
    if (const auto it = m_pending.find(id); it != m_pending.end())
        it->second.written = true;
}

bool IqTracker::deliverAnswer(const XmlElement& iq, const OwnAddress& own)
{
    const auto it = m_pending.find(iq.attribute(u"id"));
    if (it == m_pending.end() || !it->second.written || !isExpectedIqAnswer(iq.attribute(u"from"), it->second.to, own))
        return false;
    // Out of the map before the call: the callback may send further iqs.
    const Callback done = std::move(it->second.done);
    m_pending.erase(it);
    IqResult result;
    result.stanza = iq;
    if (iq.attribute(u"type") == u"error")
        result.error = errorFromStanzaError(iq);
    done(result);
    return true;
}

void IqTracker::failWritten(const Error& reason)
{
    std::vector<Callback> failed;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->second.written) {
            failed.push_back(std::move(it->second.done));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    IqResult result;
    result.error = reason;
    for (const Callback& done : failed)
        done(result);
}

void IqTracker::expire(const QString& id, int timeoutMs)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const Callback done = std::move(it->second.done);
    it->second.timer.release()->deleteLater(); // we are inside its timeout signal
    m_pending.erase(it);
    if (onTimedOut)
        onTimedOut(id);
    IqResult result;
    result.error = makeError(ErrorCode::Unavailable,
                             QCoreApplication::translate("convene::xmpp::XmppSession", "No answer came within %1 s.")
                                 .arg(timeoutMs / 1000.0));
    done(result);
}

} // namespace convene::xmpp
