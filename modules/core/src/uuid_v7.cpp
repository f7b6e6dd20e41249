#include "convene/core/uuid_v7.h"

#include <QDateTime>

#include <array>

namespace convene {

namespace {
constexpr uint16_t kCounterMax = 0x0FFF;
}

UuidV7Generator::UuidV7Generator()
    : UuidV7Generator([] { return QDateTime::currentMSecsSinceEpoch(); }, std::random_device{}())
{ }

UuidV7Generator::UuidV7Generator(Clock clock, uint64_t seed) : m_clock(std::move(clock)), m_random(seed) { }

QUuid UuidV7Generator::next()
{
    int64_t ms = m_clock();
    if (ms <= m_lastMs) {
        // Same millisecond or the wall clock stepped back: keep the previous time and count.
        ms = m_lastMs;
        if (m_counter == kCounterMax) {
            ++ms;
            m_counter = uint16_t(m_random() & 0x01FF);
        } else {
            ++m_counter;
        }
    } else {
        // Start low in a fresh millisecond so the counter rarely overflows.
        m_counter = uint16_t(m_random() & 0x01FF);
    }
    m_lastMs = ms;

    std::array<uint8_t, 16> b{};
    for (int i = 0; i < 6; ++i)
        b[size_t(i)] = uint8_t(uint64_t(ms) >> (40 - 8 * i));
    b[6] = uint8_t(0x70 | (m_counter >> 8));
    b[7] = uint8_t(m_counter & 0xFF);
    const uint64_t tail = m_random();
    for (int i = 0; i < 8; ++i)
        b[8 + size_t(i)] = uint8_t(tail >> (56 - 8 * i));
    b[8] = uint8_t(0x80 | (b[8] & 0x3F));

    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char*>(b.data()), qsizetype(b.size())));
}

int64_t UuidV7Generator::timestampMs(const QUuid& id)
{
    const QByteArray bytes = id.toRfc4122();
    int64_t ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | uint8_t(bytes[i]);
    return ms;
}

bool UuidV7Generator::isV7(const QUuid& id)
{
    const QByteArray bytes = id.toRfc4122();
    return (uint8_t(bytes[6]) >> 4) == 7 && (uint8_t(bytes[8]) >> 6) == 2;
}

} // namespace convene
