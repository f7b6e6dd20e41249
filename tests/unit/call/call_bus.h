#pragma once

#include <convene/call/call_session.h>

#include <deque>
#include <memory>
#include <vector>

// Several call sessions on one fake ephemeral channel: what one sends, all others receive on
// the next pump(), with the sender's user id as the backend would vouch for it. A message with
// a recipient reaches only that user's sessions, as the backends route it.
class CallBus {
public:
    struct Member {
        QString userId;
        std::unique_ptr<convene::call::CallSession> session;
    };

    convene::call::CallSession& add(const QString& userId, const QString& instance,
                                    convene::call::CallSession::Timing timing = {})
    {
        const QString endpoint = convene::call::endpointId(userId, instance);
        convene::call::CallSession::Hooks hooks;
        hooks.send = [this, userId, endpoint](const QString& stream, const QByteArray& payload) {
            post({stream, userId, endpoint, payload, {}});
        };
        hooks.sendTo = [this, userId, endpoint](const QString& stream, const QString& recipient,
                                                const QByteArray& payload) {
            post({stream, userId, endpoint, payload, recipient});
        };
        hooks.isMember = [this, userId](const QString& stream) { return inStream(stream, userId); };
        hooks.hasMember = [this](const QString& stream, const QString& user) { return inStream(stream, user); };
        hooks.otherMembers = [this](const QString& stream) { return othersIn.value(stream, 1); };
        hooks.nowMs = [this] { return nowMs; };
        m_members.push_back(
            {userId, std::make_unique<convene::call::CallSession>(userId, instance, std::move(hooks), timing)});
        return *m_members.back().session;
    }

    int pump()
    {
        int delivered = 0;
        while (!m_queue.empty()) {
            const Message message = m_queue.front();
            m_queue.pop_front();
            for (Member& member : m_members) {
                const QString endpoint = member.session->endpoint();
                if (endpoint == message.endpoint || offline.contains(endpoint))
                    continue;
                if (!message.recipient.isEmpty() && member.userId != message.recipient)
                    continue;
                received.push_back({endpoint, message});
                member.session->onSignal(message.stream, message.userId, message.payload, message.recipient);
                ++delivered;
            }
        }
        return delivered;
    }

    // A message as another app (or someone forging one) would send it: `userId` is what the
    // backend vouches for, the payload is whatever they wrote.
    void inject(const QString& stream, const QString& userId, const QByteArray& payload, const QString& recipient = {})
    {
        m_queue.push_back({stream, userId, QString(), payload, recipient});
    }

    struct Message {
        QString stream;
        QString userId;
        QString endpoint; // of the sending session; empty for injected messages
        QByteArray payload;
        QString recipient; // empty: everyone in the stream
    };
    struct Delivery {
        QString endpoint; // the session it reached
        Message message;
    };
    std::vector<Message> sent;
    std::vector<Delivery> received;
    QSet<QString> offline; // endpoints cut off from the channel
    QSet<QString> outsiders; // "user@stream" not a member
    QHash<QString, int> othersIn; // stream -> people a call rings besides the caller
    qint64 nowMs = 1'700'000'000'000;

private:
    bool inStream(const QString& stream, const QString& userId) const
    {
        return !outsiders.contains(userId + QLatin1Char('@') + stream);
    }

    void post(const Message& message)
    {
        if (!offline.contains(message.endpoint))
            m_queue.push_back(message);
        sent.push_back(message);
    }

    std::deque<Message> m_queue;
    std::vector<Member> m_members;
};
