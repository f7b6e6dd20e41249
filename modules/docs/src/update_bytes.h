#pragma once
// Yjs updates as the CRDT takes them (bytes) and as sync carries them (QByteArray).
#include <QByteArray>

#include <cstdint>
#include <span>
#include <vector>

namespace convene::docs {

inline std::span<const uint8_t> bytesOf(const QByteArray& data)
{
    return {reinterpret_cast<const uint8_t*>(data.constData()), size_t(data.size())};
}

inline QByteArray toByteArray(const std::vector<uint8_t>& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

} // namespace convene::docs
