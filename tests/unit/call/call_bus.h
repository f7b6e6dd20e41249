#pragma once

#include <convene/call/call_session.h>

#include <deque>
#include <memory>
#include <vector>

// Several call sessions on one fake ephemeral channel: what one sends, all others receive on
// the next pump(), with the sender's user id as the backend would vouch for it.
class CallBus {
public:
    struct Member {
        QString userId;
        std::unique_ptr<convene::call::CallSession> session;
    };

    convene::call::CallSession& add(const QString& userId, const QString& endpoint,
                                    convene::call::CallSession::Timing timing = {})
    {
        convene::call::CallSession::Hooks hooks;
        hooks.send = [this, userId, endpoint](const QString& stream, const QByteArray& payload) {
            if (!offline.contains(endpoint))
                m_queue.push_back({stream, userId, endpoint, payload});
            sent.push_back({stream, userId, endpoint, payload});
        };
        hooks.isMember = [this, userId](const QString& stream) {
            return !outsiders.contains(userId + QLatin1Char('@') + stream);
        };
        hooks.otherMembers = [this](const QString& stream) { return othersIn.value(stream, 1); };
        hooks.nowMs = [this] { return nowMs; };
        m_members.push_back(
            {userId, std::make_unique<convene::call::CallSession>(userId, endpoint, std::move(hooks), timing)});
        return *m_members.back().session;
    }

    int pump()
    {
        int delivered = 0;
        while (!m_queue.empty()) {
            const Message message = m_queue.front();
            m_queue.pop_front();
            for (Member& member : m_members)
                if (member.session->endpoint() != message.endpoint && !offline.contains(member.session->endpoint())) {
                    member.session->onSignal(message.stream, message.userId, message.payload);
                    ++delivered;
                }
        }
        return delivered;
    }

    struct Message {
        QString stream;
        QString userId;
        QString endpoint;
        QByteArray payload;
    };
    std::vector<Message> sent;
    QSet<QString> offline; // endpoints cut off from the channel
    QSet<QString> outsiders; // "user@stream" not a member
    QHash<QString, int> othersIn; // stream -> people a call rings besides the caller
    qint64 nowMs = 1'700'000'000'000;

private:
    std::deque<Message> m_queue;
    std::vector<Member> m_members;
};
