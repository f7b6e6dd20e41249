// Links in messages that lead into the app: ChatController::openAppLink passes on document
// links (convene://docs/<id>) as appLinkActivated and nothing else, so a call or any other link
// in someone's message never acts by itself.
#include <convene/chat/chat_controller.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

using namespace convene;

namespace {

// A controller over a sync service that is never started: links need no cache.
struct Chat {
    QTemporaryDir dir;
    QSettings state{dir.filePath(QStringLiteral("state.ini")), QSettings::IniFormat};
    std::unique_ptr<sync::SyncService> sync;
    std::unique_ptr<chat::ChatController> chat;

    Chat()
    {
        sync::SyncEngine::Options options;
        options.cachePath = dir.filePath(QStringLiteral("cache.db"));
        sync = std::make_unique<sync::SyncService>(options);
        chat = std::make_unique<chat::ChatController>(*sync, QStringLiteral("me"), state,
                                                      dir.filePath(QStringLiteral("blobs")));
    }
};

} // namespace

TEST_CASE("A document link is passed on to the app")
{
    Chat c;
    QSignalSpy activated(c.chat.get(), &chat::ChatController::appLinkActivated);
    c.chat->openAppLink(QStringLiteral("convene://docs/abc"));
    c.chat->openAppLink(QStringLiteral("convene://docs/%E8%B7%AF%E7%BA%BF%E5%9B%BE"));
    REQUIRE(activated.count() == 2);
    CHECK(activated.at(0).at(0).toUrl() == QUrl(QStringLiteral("convene://docs/abc")));
    const QUrl second = activated.at(1).at(0).toUrl();
    CHECK(second.host() == QStringLiteral("docs"));
    CHECK(second.path() == QStringLiteral("/路线图"));
}

TEST_CASE("Any other link is ignored")
{
    Chat c;
    QSignalSpy activated(c.chat.get(), &chat::ChatController::appLinkActivated);
    for (const QString& link : {QString(), QStringLiteral("convene://calls/channel:general"),
                                QStringLiteral("convene://chat/channel:general/4"), QStringLiteral("convene://docs"),
                                QStringLiteral("convene://docs/"), QStringLiteral("convene://docs/a/b"),
                                QStringLiteral("convene://docs/abc?edit=1"), QStringLiteral("convene://docs/abc#top"),
                                QStringLiteral("convene://docs@evil.example/abc"),
                                QStringLiteral("https://example.com"), QStringLiteral("mailto:a@b.org"),
                                QStringLiteral("javascript:alert(1)"), QStringLiteral("file:///etc/passwd")}) {
        INFO(link.toStdString());
        c.chat->openAppLink(link);
        CHECK(activated.isEmpty());
    }
}
