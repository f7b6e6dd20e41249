#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace convene::call {

// Who is speaking and who is the active speaker, from meter levels (0..1) arriving ten times a
// second. Speaking holds briefly over pauses between words; the active speaker changes only
// when someone else has been louder for a moment, so the highlight does not flicker.
class SpeakerDetector {
public:
    // Returns true when the speaking set or the active speaker changed.
    bool update(const QHash<QString, double>& levels, qint64 nowMs);

    bool isSpeaking(const QString& id) const { return m_speaking.contains(id); }
    QString activeSpeaker() const { return m_active; }
    void forget(const QString& id);

    static constexpr double kSpeakingLevel = 0.35; // about -42 dBFS
    static constexpr qint64 kHoldMs = 600;
    static constexpr qint64 kSwitchAfterMs = 300;

private:
    QHash<QString, qint64> m_lastLoudMs;
    QSet<QString> m_speaking;
    QString m_active;
    QString m_challenger;
    qint64 m_challengerSinceMs = 0;
};

} // namespace convene::call
