#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace convene::chat {

// Who is typing where, from ephemeral "typing" messages; each entry fades after a few seconds
// without a repeat.
class TypingTracker : public QObject {
    Q_OBJECT

public:
    static constexpr int kExpiryMs = 6000;
    static constexpr int kResendMs = 3000; // how often our own typing is announced
    // A typing notice may overtake the message it was about; after the message it is stale.
    static constexpr int kStaleAfterMessageMs = 1500;

    explicit TypingTracker(QObject* parent = nullptr);

    void received(const QString& stream, const QString& user);
    void stopped(const QString& stream, const QString& user); // they sent their message
    QStringList typing(const QString& stream) const; // user ids, in order of arrival
    // Whether our own typing in `stream` should be announced now (throttled).
    bool shouldAnnounce(const QString& stream);

signals:
    void changed();

private:
    void expire();

    QHash<QString, QList<std::pair<QString, qint64>>> m_typing; // stream -> (user, expires at)
    QHash<QString, qint64> m_lastAnnounced;
    QHash<QString, qint64> m_stoppedAt; // "stream\nuser" -> when their message arrived
    QTimer m_timer;
};

} // namespace convene::chat
