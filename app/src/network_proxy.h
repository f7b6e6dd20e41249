#pragma once

#include <convene/core/result.h>

#include <QNetworkProxy>
#include <QString>

namespace convene {

// The proxy a `proxy` setting names: http://[user:password@]host:port or socks5://…
Result<QNetworkProxy> proxyFromSetting(const QString& setting);

// Network backends connect through the proxy of the setting (or policy), else through the
// system's. A setting that names no usable proxy is an error, and the system's is used.
Result<void> applyProxySetting(const QString& setting);

} // namespace convene
