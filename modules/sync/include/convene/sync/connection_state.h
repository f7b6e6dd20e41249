#pragma once

#include <QMetaType>
#include <QString>

namespace convene::sync {

enum class ConnectionState { Offline, Connecting, Online, Error };

inline QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Offline: return QStringLiteral("offline");
    case ConnectionState::Connecting: return QStringLiteral("connecting");
    case ConnectionState::Online: return QStringLiteral("online");
    case ConnectionState::Error: return QStringLiteral("error");
    }
    return QStringLiteral("offline");
}

} // namespace convene::sync

Q_DECLARE_METATYPE(convene::sync::ConnectionState)
