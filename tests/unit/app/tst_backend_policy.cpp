// The allowedBackends policy at start-up: a backend it does not allow is never started, the app
// opens the first allowed one and says so, and only allowed backends are offered.
#include "map_policy_source.h"

#include "account/sign_in_controller.h"
#include "app_controller.h"
#include "app_root.h"

#include <convene/core/policy_source.h>

#include "catch_qt_strings.h"

#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>

Q_IMPORT_QML_PLUGIN(Convene_UiPlugin)
Q_IMPORT_QML_PLUGIN(Convene_AppPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatCorePlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallPlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallCorePlugin)

using namespace convene;

namespace {

using FixedPolicy = test::MapPolicySource;

struct App {
    explicit App(const QString& allowed, const QString& backendOption = {})
    {
        static const bool once = [] { // before the first window, as main() does
            QQuickStyle::setStyle(QStringLiteral("Basic"));
            QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
            return true;
        }();
        (void)once;
        AppOptions options;
        options.profileDir = profile.path();
        options.backend = backendOption;
        root = std::make_unique<AppRoot>(options, std::make_unique<FixedPolicy>(QVariantMap{
                                                      {QStringLiteral("allowedBackends"), allowed},
                                                      {QStringLiteral("displayName"), QStringLiteral("Tess")}}));
    }
    QString toast() const
    {
        QObject* toast = root->window()->findChild<QObject*>(QStringLiteral("toast"));
        if (!toast)
            toast = root->window()->contentItem()->findChild<QObject*>(QStringLiteral("toast"));
        return toast ? toast->property("text").toString() : QString();
    }
    QTemporaryDir profile;
    std::unique_ptr<AppRoot> root;
};

} // namespace

TEST_CASE("--backend xmpp where the policy allows only local opens the local workspace and says why")
{
    App app(QStringLiteral("local"), QStringLiteral("xmpp"));
    REQUIRE(app.root->start().ok());
    CHECK(app.root->signIn() == nullptr);
    REQUIRE(app.root->window() != nullptr);
    CHECK(app.root->window()->objectName() == QStringLiteral("mainWindow"));
    CHECK(app.toast().contains(QStringLiteral("does not allow the backend “xmpp”")));
    CHECK(app.root->controller().backends() == QStringList{QStringLiteral("local")});
    CHECK_FALSE(app.root->controller().canSignIn()); // no network backend to sign in to
}

TEST_CASE("A stored local backend where the policy allows only xmpp opens its sign-in, without the demo")
{
    App app(QStringLiteral("xmpp"));
    REQUIRE(app.root->start().ok());
    REQUIRE(app.root->signIn() != nullptr);
    CHECK(app.root->signIn()->notice().contains(QStringLiteral("does not allow the backend “local”")));
    CHECK_FALSE(app.root->signIn()->canUseDemo());
    CHECK(app.root->controller().backends() == QStringList{QStringLiteral("xmpp")});
}

TEST_CASE("An allowed backend starts without a notice; both are offered when both are allowed")
{
    App app(QStringLiteral("local, xmpp"));
    REQUIRE(app.root->start().ok());
    CHECK(app.root->signIn() == nullptr);
    CHECK(app.toast().isEmpty());
    CHECK(app.root->controller().backends() == QStringList{QStringLiteral("local"), QStringLiteral("xmpp")});
    CHECK(app.root->controller().canSignIn());
}

TEST_CASE("When no allowed backend is installed the app does not start")
{
    App app(QStringLiteral("carrier-pigeon"));
    const Result<void> started = app.root->start();
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().code == ErrorCode::PermissionDenied);
    CHECK(started.error().message.contains(QStringLiteral("carrier-pigeon")));
}
