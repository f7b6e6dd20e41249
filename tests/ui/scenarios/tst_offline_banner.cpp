// Offline that says so: after the connection has been down for a while a banner under the
// header gives the reason, the number of changes waiting and "Retry now"; the header keeps the
// workspace's name the backend gave last, also after a restart made while offline.
#include "app_controller.h"
#include "app_root.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>
#include <convene/core/settings.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QAccessible>
#include <QDir>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using convene::chat::MessageListModel;
using convene::test::QmlWarnings;
using convene::test::Scenario;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

// A profile whose user has a name, so that the workspace opens at once.
Scenario::Config named()
{
    Scenario::Config config;
    config.policy = {{QStringLiteral("displayName"), QStringLiteral("Quinn")}};
    return config;
}
// Longer than the banner waits after the connection goes down, with room for a slow machine.
constexpr int kBannerWaitMs = 25'000;

QString textOf(Scenario& s, const QString& name)
{
    return s.find(name)->property("text").toString();
}

QString accessibleName(QQuickItem* item)
{
    QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(item);
    return accessible ? accessible->text(QAccessible::Name) : QString();
}

// A profile on a workspace file of its own named "team", as `--workspace team.convene` gives.
Scenario::Config onTeamWorkspace(const QTemporaryDir& dir)
{
    Scenario::Config config = named();
    config.options.language = QStringLiteral("en");
    config.options.workspace = QDir(dir.path()).filePath(QStringLiteral("team.convene"));
    return config;
}

// Rows of the timeline the server has, among those sent while offline.
int sentRows(Scenario& s)
{
    const auto& model = *qobject_cast<MessageListModel*>(s.app().chat().timeline());
    int rows = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        if (index.data(MessageListModel::TextRole).toString().contains(QStringLiteral("while offline")) &&
            index.data(MessageListModel::StateRole).toString() == QStringLiteral("sent"))
            ++rows;
    }
    return rows;
}

bool isOnline(Scenario& s)
{
    return textOf(s, QStringLiteral("connectionStatusText")) == QStringLiteral("Online");
}

void send(Scenario& s, const QString& text)
{
    REQUIRE(s.clickToFocus(QStringLiteral("composer_input")));
    s.typeText(text);
    s.press(QKeySequence(Qt::Key_Return));
}

} // namespace

TEST_CASE("Down for a while: a banner with the reason and the queued changes, and Retry now reconnects")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    QTemporaryDir dir;
    Scenario s(onTeamWorkspace(dir));
    REQUIRE(s.waitFor([&] { return isOnline(s); }, 10'000));
    CHECK(textOf(s, QStringLiteral("workspaceName")) == QStringLiteral("Convene Demo"));
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("channel_") + kGeneral); }, 5000));
    s.click(QStringLiteral("channel_") + kGeneral);
    REQUIRE(s.waitFor([&] { return s.app().chat().currentStream() == kGeneral; }));
    CHECK_FALSE(s.isShown(QStringLiteral("offlineBanner")));

    s.app().sync().setBackendFaults({{QStringLiteral("offline"), true}});
    REQUIRE(s.waitFor([&] { return textOf(s, QStringLiteral("connectionStatusText")) == QStringLiteral("Offline"); },
                      5000));
    CHECK_FALSE(s.isShown(QStringLiteral("offlineBanner"))); // a moment's interruption is no news
    send(s, QStringLiteral("First while offline"));
    send(s, QStringLiteral("Second while offline 第二条"));

    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("offlineBanner")); }, kBannerWaitMs));
    CHECK(textOf(s, QStringLiteral("offlineBannerHeadline")) == QStringLiteral("You are offline."));
    CHECK(textOf(s, QStringLiteral("offlineBannerReason")).contains(QStringLiteral("unreachable")));
    // The two messages, and whatever else went into the outbox meanwhile (read markers).
    const auto queuedText = [&] {
        const int queued = s.app().sync().queuedCount();
        // (English plurals come from the catalogue: "change(s)" until it has this message)
        return queued >= 2 ? QStringLiteral("%1 change").arg(queued) : QString();
    };
    CHECK(s.waitFor([&] {
        return !queuedText().isEmpty() && textOf(s, QStringLiteral("offlineBannerQueued")).contains(queuedText());
    }));
    const QString announced = accessibleName(s.item(QStringLiteral("offlineBanner")));
    CHECK(announced.contains(QStringLiteral("unreachable")));
    CHECK(announced.contains(queuedText()));
    CHECK(s.isShown(QStringLiteral("offlineBannerRetry")));
    CHECK(textOf(s, QStringLiteral("workspaceName")) == QStringLiteral("Convene Demo"));
    s.screenshot(QStringLiteral("offline_banner_en_light"));

    // The backend is back, but the next attempt of the backoff may be far off: Retry now connects.
    s.app().sync().setBackendFaults({{QStringLiteral("offline"), false}});
    s.click(QStringLiteral("offlineBannerRetry"));
    CHECK(s.waitFor([&] { return isOnline(s); }, 3000));
    CHECK(s.waitFor([&] { return !s.isShown(QStringLiteral("offlineBanner")); }));
    CHECK(s.waitFor([&] { return sentRows(s) == 2; }, 10'000));
    CHECK(s.waitFor([&] { return s.app().sync().queuedCount() == 0; }, 10'000));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("The workspace keeps its name while offline, also after a restart made offline")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    QTemporaryDir dir;
    Scenario s(onTeamWorkspace(dir));
    REQUIRE(s.waitFor([&] { return isOnline(s); }, 10'000));
    REQUIRE(textOf(s, QStringLiteral("workspaceName")) == QStringLiteral("Convene Demo"));

    s.app().sync().setBackendFaults({{QStringLiteral("offline"), true}});
    REQUIRE(s.waitFor([&] { return textOf(s, QStringLiteral("connectionStatusText")) == QStringLiteral("Offline"); },
                      5000));
    CHECK(textOf(s, QStringLiteral("workspaceName")) == QStringLiteral("Convene Demo"));

    // Started again while the workspace is unreachable: the backend has not named it yet.
    s.app().settings().state().setValue(QStringLiteral("testing/localBackendFaults"), QStringLiteral("offline=1"));
    s.restart();
    REQUIRE(s.waitFor([&] { return textOf(s, QStringLiteral("connectionStatusText")) == QStringLiteral("Offline"); },
                      5000));
    CHECK(textOf(s, QStringLiteral("workspaceName")) == QStringLiteral("Convene Demo"));
    CHECK(s.window()->title().contains(QStringLiteral("Convene Demo")));
    CHECK(s.waitFor([&] { return s.isShown(QStringLiteral("offlineBanner")); }, kBannerWaitMs));
    s.screenshot(QStringLiteral("offline_banner_after_restart"));
    CHECK(warnings.messages().isEmpty());
}

TEST_CASE("A workspace file that cannot be opened is the banner's reason")
{
    QmlWarnings warnings(QStringLiteral(".qml"));
    QTemporaryDir dir;
    Scenario::Config config = named();
    config.options.language = QStringLiteral("zh_CN");
    config.options.theme = QStringLiteral("dark");
    // A directory where the workspace file should be: the backend cannot open it.
    config.options.workspace = dir.path();
    Scenario s(config);
    REQUIRE(s.waitFor([&] { return s.isShown(QStringLiteral("offlineBanner")); }, kBannerWaitMs));
    CHECK(textOf(s, QStringLiteral("offlineBannerReason")).contains(dir.path()));
    CHECK(s.find(QStringLiteral("offlineBannerRetry"))->property("enabled").toBool());
    s.screenshot(QStringLiteral("offline_banner_zh_dark"));
    CHECK(warnings.messages().isEmpty());
}
