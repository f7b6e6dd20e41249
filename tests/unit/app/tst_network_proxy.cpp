#include "network_proxy.h"

#include <catch2/catch.hpp>

#include "catch_qt_strings.h"

#include <QNetworkProxyFactory>

using namespace convene;

TEST_CASE("A proxy setting names an HTTP or SOCKS5 proxy, with credentials if it needs them")
{
    const auto http = proxyFromSetting(QStringLiteral("http://alice:p%40ss@proxy.example.com:3128"));
    REQUIRE(http.ok());
    CHECK(http->type() == QNetworkProxy::HttpProxy);
    CHECK(http->hostName() == QStringLiteral("proxy.example.com"));
    CHECK(http->port() == 3128);
    CHECK(http->user() == QStringLiteral("alice"));
    CHECK(http->password() == QStringLiteral("p@ss"));

    const auto socks = proxyFromSetting(QStringLiteral(" SOCKS5://10.1.2.3:1080/ "));
    REQUIRE(socks.ok());
    CHECK(socks->type() == QNetworkProxy::Socks5Proxy);
    CHECK(socks->port() == 1080);

    for (const QString& bad : {QStringLiteral("proxy.example.com:3128"), QStringLiteral("http://proxy.example.com"),
                               QStringLiteral("ftp://proxy.example.com:21"), QStringLiteral("http://:3128"),
                               QStringLiteral("http://proxy.example.com:3128/path?x=1"), QStringLiteral("not a url")}) {
        INFO(bad.toStdString());
        const auto refused = proxyFromSetting(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.contains(QStringLiteral("http://proxy.example.com:3128")));
    }
}

TEST_CASE("The proxy setting is applied to every connection; empty or unusable means the system's")
{
    REQUIRE(applyProxySetting(QStringLiteral("http://proxy.example.com:3128")).ok());
    CHECK(QNetworkProxy::applicationProxy().type() == QNetworkProxy::HttpProxy);
    CHECK(QNetworkProxy::applicationProxy().hostName() == QStringLiteral("proxy.example.com"));
    CHECK_FALSE(QNetworkProxyFactory::usesSystemConfiguration());

    REQUIRE(applyProxySetting(QString()).ok());
    CHECK(QNetworkProxyFactory::usesSystemConfiguration());

    REQUIRE(applyProxySetting(QStringLiteral("http://proxy.example.com:3128")).ok());
    CHECK_FALSE(applyProxySetting(QStringLiteral("proxy:3128")).ok());
    CHECK(QNetworkProxyFactory::usesSystemConfiguration());
}
