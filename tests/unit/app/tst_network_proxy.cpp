#include "map_policy_source.h"

#include "app_controller.h"
#include "network_proxy.h"

#include <convene/core/policy_source.h>
#include <convene/core/setting_keys.h>

#include <catch2/catch.hpp>

#include "catch_qt_strings.h"

#include <QNetworkProxyFactory>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace convene;

namespace {

using FixedPolicy = test::MapPolicySource;

const QString kProxy = QString::fromLatin1(SettingKey::Proxy);

} // namespace

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

TEST_CASE("The proxy setting applies at start and again whenever it changes; an unusable one is reported")
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")), std::make_unique<FixedPolicy>(QVariantMap{}));
    REQUIRE(settings.setValue(kProxy, QStringLiteral("proxy.example.com:3128")).ok()); // not a proxy address
    AppController app(settings, {});
    CHECK(app.proxyProblem().contains(QStringLiteral("proxy.example.com:3128")));
    CHECK(QNetworkProxyFactory::usesSystemConfiguration());

    QSignalSpy problem(&app, &AppController::proxyProblemChanged);
    REQUIRE(settings.setValue(kProxy, QStringLiteral("socks5://socks.example.com:1080")).ok());
    CHECK(app.proxyProblem().isEmpty());
    CHECK(problem.count() == 1);
    CHECK(QNetworkProxy::applicationProxy().type() == QNetworkProxy::Socks5Proxy);
    CHECK(QNetworkProxy::applicationProxy().hostName() == QStringLiteral("socks.example.com"));

    REQUIRE(settings.setValue(kProxy, QStringLiteral("ftp://files.example.com:21")).ok());
    CHECK(app.proxyProblem().contains(QStringLiteral("ftp://files.example.com:21")));
    CHECK(problem.count() == 2);
    CHECK(QNetworkProxyFactory::usesSystemConfiguration());
    CHECK(QNetworkProxy::applicationProxy().type() != QNetworkProxy::Socks5Proxy);

    REQUIRE(settings.setValue(kProxy, QString()).ok());
    CHECK(app.proxyProblem().isEmpty());
    CHECK(QNetworkProxyFactory::usesSystemConfiguration());
}

TEST_CASE("A proxy set by policy applies at start")
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("settings.ini")),
                      std::make_unique<FixedPolicy>(QVariantMap{{kProxy, QStringLiteral("http://corp.example:8080")}}));
    AppController app(settings, {});
    CHECK(app.proxyProblem().isEmpty());
    CHECK(QNetworkProxy::applicationProxy().type() == QNetworkProxy::HttpProxy);
    CHECK(QNetworkProxy::applicationProxy().hostName() == QStringLiteral("corp.example"));
    CHECK(QNetworkProxy::applicationProxy().port() == 8080);
    REQUIRE(applyProxySetting(QString()).ok()); // leave the process as it was
}
