#include "convene/call/speaker_detector.h"

namespace convene::call {

bool SpeakerDetector::update(const QHash<QString, double>& levels, qint64 nowMs)
{
    QString loudest;
    double loudestLevel = kSpeakingLevel;
    for (auto it = levels.constBegin(); it != levels.constEnd(); ++it) {
        if (it.value() >= kSpeakingLevel)
            m_lastLoudMs.insert(it.key(), nowMs);
        if (it.value() >= loudestLevel) {
            loudest = it.key();
            loudestLevel = it.value();
        }
    }

    QSet<QString> speaking;
    for (auto it = m_lastLoudMs.constBegin(); it != m_lastLoudMs.constEnd(); ++it)
        if (nowMs - it.value() <= kHoldMs && levels.contains(it.key()))
            speaking.insert(it.key());

    QString active = m_active;
    if (!levels.contains(active))
        active.clear();
    if (!loudest.isEmpty() && loudest != active) {
        if (m_challenger != loudest) {
            m_challenger = loudest;
            m_challengerSinceMs = nowMs;
        }
        if (active.isEmpty() || !speaking.contains(active) || nowMs - m_challengerSinceMs >= kSwitchAfterMs)
            active = loudest;
    } else {
        m_challenger.clear();
    }

    const bool changed = speaking != m_speaking || active != m_active;
    m_speaking = std::move(speaking);
    m_active = active;
    return changed;
}

void SpeakerDetector::forget(const QString& id)
{
    m_lastLoudMs.remove(id);
    m_speaking.remove(id);
    if (m_active == id)
        m_active.clear();
}

} // namespace convene::call
