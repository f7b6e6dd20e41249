#include "network_proxy.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>
#include <QUrl>

namespace convene {

Result<QNetworkProxy> proxyFromSetting(const QString& setting)
{
    const QUrl url(setting.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::NoProxy;
    if (scheme == u"http")
        type = QNetworkProxy::HttpProxy;
    else if (scheme == u"socks5")
        type = QNetworkProxy::Socks5Proxy;
    if (!url.isValid() || type == QNetworkProxy::NoProxy || url.host().isEmpty() || url.port() <= 0 ||
        (!url.path().isEmpty() && url.path() != u"/") || url.hasQuery())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate(
                             "NetworkProxy", "The proxy %1 is not a proxy address such as "
                                             "http://proxy.example.com:3128 or socks5://proxy.example.com:1080.")
                             .arg(setting.left(200)));
    return QNetworkProxy(type, url.host(), quint16(url.port()), url.userName(QUrl::FullyDecoded),
                         url.password(QUrl::FullyDecoded));
}

Result<void> applyProxySetting(const QString& setting)
{
    if (setting.trimmed().isEmpty()) {
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        return {};
    }
    Result<QNetworkProxy> proxy = proxyFromSetting(setting);
    if (!proxy) {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
        return proxy.error();
    }
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    QNetworkProxy::setApplicationProxy(*proxy);
    return {};
}

} // namespace convene
