// What another member sends is shown safely, whatever it holds.
// Text is shown as written, never read as markup: Mallory, a member of the same local workspace,
// names herself, her title, #general and its topic, a reaction, a file, a calendar event and a
// document with image tags pointing at a loopback server of the test, and types in #general. Bob
// opens every view that shows those texts (the sidebar, the header, the conversation with its
// reactions, typing line and composer, a thread, the channel details, the new message dialog,
// search results, a hovered tooltip, the calendar and the docs list): each text is visible as
// written, and no client ever connects to the server.
// Files: images are drawn from bounded previews of raster formats decided by their bytes; one too
// large says so; an SVG calling itself a PNG is a file; a message shows at most ten files.
#include "app_controller.h"
#include "app_root.h"
#include "hostile_content_support.h"
#include "scenario.h"

#include <convene/calendar/calendar_controller.h>
#include <convene/calendar/event_draft.h>
#include <convene/chat/attachment_uploads.h>
#include <convene/chat/blob_cache.h>
#include <convene/chat/chat_controller.h>
#include <convene/chat/message_list_model.h>
#include <convene/chat/message_writer.h>
#include <convene/docs/docs_controller.h>
#include <convene/sync/sync_service.h>

#include "catch_qt_strings.h"
#include "uniform_png.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using convene::chat::MessageListModel;
using convene::test::Scenario;
using hostile::FetchTrap;
using hostile::showsLiterally;

namespace {

const QString kGeneral = QStringLiteral("channel:general");

convene::chat::ChatController& chatOf(Scenario& s)
{
    return s.app().chat();
}

MessageListModel& timelineOf(Scenario& s)
{
    return *qobject_cast<MessageListModel*>(chatOf(s).timeline());
}

int rowOfText(const MessageListModel& model, const QString& text)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row), MessageListModel::TextRole).toString() == text)
            return row;
    return -1;
}

qint64 posOf(Scenario& s, const QString& text)
{
    const int row = rowOfText(timelineOf(s), text);
    return row < 0 ? 0 : timelineOf(s).data(timelineOf(s).index(row), MessageListModel::PosRole).toLongLong();
}

// An entry as a client that skips every check of its own would send it.
void submitRaw(Scenario& s, const QString& stream, const QString& kind, const QJsonObject& payload)
{
    convene::sync::Mutation m;
    m.stream = stream;
    m.kind = kind;
    m.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    s.app().sync().submit(m);
}

void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

bool shows(Scenario& s, const QString& literal, int timeoutMs = 5000)
{
    return s.waitFor([&] { return showsLiterally(s.window()->contentItem(), literal); }, timeoutMs);
}

// Puts bytes in the workspace the way any client could, and returns the blob's id.
QString uploadBlob(Scenario& s, const QByteArray& data, const QString& mimeType)
{
    QString id;
    QObject context;
    QObject::connect(
        &s.app().sync(), &convene::sync::SyncService::blobUploaded, &context,
        [&, request = s.app().sync().uploadBlob(data, mimeType)](quint64 done, const convene::sync::BlobRef& blob) {
            if (done == request)
                id = blob.id;
        });
    REQUIRE(s.waitFor([&] { return !id.isEmpty(); }, 10000));
    return id;
}

QJsonObject attachment(const QString& blob, const QString& name, const QString& mime, qint64 size)
{
    // The sender's word for its type and size is all a message says; width and height lie.
    return {{QStringLiteral("blob"), blob},         {QStringLiteral("name"), name}, {QStringLiteral("mime"), mime},
            {QStringLiteral("size"), double(size)}, {QStringLiteral("width"), 1},   {QStringLiteral("height"), 1}};
}

void collectItems(QQuickItem* item, const char* className, QList<QQuickItem*>& found)
{
    if (!item || !item->isVisible())
        return;
    if (hostile::inheritsClass(item, className))
        found << item;
    const auto children = item->childItems();
    for (QQuickItem* child : children)
        collectItems(child, className, found);
}

QList<QQuickItem*> visibleItems(QQuickItem* root, const char* className)
{
    QList<QQuickItem*> found;
    collectItems(root, className, found);
    return found;
}

int visibleCardsIn(QQuickItem* message)
{
    const QList<QQuickItem*> items = visibleItems(message, "QQuickItem");
    return int(std::count_if(items.cbegin(), items.cend(), [](const QQuickItem* i) {
        return i->objectName().startsWith(QLatin1String("attachmentCard_"));
    }));
}

void hover(Scenario& s, QQuickItem* item)
{
    const QPoint center = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QTest::mouseMove(s.window(), center - QPoint(3, 3));
    QTest::mouseMove(s.window(), center);
}

} // namespace

TEST_CASE("Names, channels, topics, reactions, files, typing, events and documents from another member are shown "
          "as written and fetch nothing")
{
    FetchTrap trap;
    REQUIRE(trap.listening());
    // Each text names what it stands for, so a fetch says which view read it as markup.
    const QString name = trap.image(QStringLiteral("name")) + QStringLiteral("<b>Mallory</b>");
    const QString title = trap.image(QStringLiteral("title")) + QStringLiteral("<i>Lead</i>");
    const QString channel = trap.image(QStringLiteral("channel")) + QStringLiteral("<a href=\"http://x\">x</a>");
    const QString topic = trap.image(QStringLiteral("topic")) + QStringLiteral("<b>topic</b>");
    const QString reaction = QStringLiteral("<img src=http://127.1:%1/r>").arg(trap.port()); // at most 32 characters
    const QString file = trap.image(QStringLiteral("file")) + QStringLiteral(".txt");
    const QString event = trap.image(QStringLiteral("event")) + QStringLiteral("<b>review</b>");
    const QString place = trap.image(QStringLiteral("place"));
    const QString document = trap.image(QStringLiteral("doc")) + QStringLiteral("<b>plan</b>");
    const QString text = QStringLiteral("hostile words %1 <b>bold</b>").arg(trap.image(QStringLiteral("message")));

    QTemporaryDir shared;
    const QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario mallory(Scenario::member(workspace, name, QStringLiteral("chat")));
    Scenario bob(Scenario::member(workspace, QStringLiteral("Bob"), QStringLiteral("chat")));
    const QString malloryId = chatOf(mallory).userId();
    const QString bobId = chatOf(bob).userId();
    REQUIRE(mallory.waitFor([&] { return chatOf(mallory).peopleDirectory().contains(bobId); }, 5000));
    REQUIRE(bob.waitFor([&] { return chatOf(bob).peopleDirectory().name(malloryId) == name; }, 5000));

    // Mallory's client names things without any of the checks a well-behaved client makes.
    chatOf(mallory).openConversation(kGeneral);
    REQUIRE(mallory.waitFor([&] { return chatOf(mallory).currentStream() == kGeneral; }));
    submitRaw(mallory, kGeneral, QStringLiteral("stream.update"), {{QStringLiteral("name"), channel}});
    submitRaw(mallory, kGeneral, QStringLiteral("stream.update"), {{QStringLiteral("topic"), topic}});
    submitRaw(mallory, QStringLiteral("directory"), QStringLiteral("profile"),
              {{QStringLiteral("name"), name}, {QStringLiteral("title"), title}});
    auto* uploads = qobject_cast<convene::chat::AttachmentUploads*>(chatOf(mallory).uploads());
    REQUIRE(uploads->addData(file, "notes\n", QStringLiteral("text/plain")).isEmpty());
    REQUIRE(mallory.waitFor([&] { return !uploads->busy(); }, 5000));
    REQUIRE(chatOf(mallory).writer()->send(text).isEmpty());
    REQUIRE(mallory.waitFor([&] { return posOf(mallory, text) > 0; }, 5000));
    REQUIRE(chatOf(mallory).writer()->toggleReaction(posOf(mallory, text), reaction).isEmpty());

    auto& calendar = *mallory.controller().calendar();
    const QDateTime start(QDate::currentDate(), QTime(12, 0));
    std::unique_ptr<convene::calendar::EventDraft> draft(calendar.newDraft(start, start.addSecs(3600), false));
    REQUIRE(draft);
    draft->setProperty("title", event);
    draft->setProperty("location", place);
    draft->setProperty("attendees", QStringList{bobId});
    REQUIRE(calendar.save(draft.get(), convene::calendar::CalendarController::Scope::AllEvents).isEmpty());
    REQUIRE(mallory.controller().docs()->create(document).isEmpty());

    // Bob's sidebar, header and conversation.
    focusWindow(bob);
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("channel_") + kGeneral); }, 5000));
    bob.click(QStringLiteral("channel_") + kGeneral);
    REQUIRE(bob.waitFor([&] { return chatOf(bob).currentStream() == kGeneral; }));
    CHECK(shows(bob, QStringLiteral("#") + channel)); // the composer's placeholder
    CHECK(shows(bob, channel));
    CHECK(shows(bob, topic));
    REQUIRE(bob.waitFor([&] { return posOf(bob, text) > 0; }, 5000));
    CHECK(shows(bob, name));
    CHECK(shows(bob, file));
    CHECK(shows(bob, reaction));
    CHECK(shows(bob, QStringLiteral("<b>bold</b>"))); // the message itself, through the safe renderer
    // She keeps typing: an announcement right after her message arrived is taken as stale.
    CHECK(bob.waitFor(
        [&] {
            chatOf(mallory).typing();
            return showsLiterally(bob.window()->contentItem(), QStringLiteral("%1 is typing").arg(name));
        },
        8000));

    // Who reacted, on hover.
    QQuickItem* chip = bob.item(QStringLiteral("reaction_") + reaction);
    hover(bob, chip);
    CHECK(shows(bob, QStringLiteral("%1 reacted with %2").arg(name, reaction)));
    QTest::mouseMove(bob.window(), QPoint(2, 2));

    // The thread panel names the conversation.
    chatOf(bob).openThread(posOf(bob, text));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("threadPanel")); }));
    CHECK(shows(bob, QStringLiteral("#") + channel));
    chatOf(bob).closeThread();

    // The channel's details: its name as the title, Mallory and her title among the members, and
    // the button that adds the person the filter finds.
    bob.click(QStringLiteral("detailsButton"));
    REQUIRE(bob.waitFor([&] { return bob.find(QStringLiteral("channelDetailsDialog"))->property("opened").toBool(); }));
    CHECK(shows(bob, QStringLiteral("#") + channel));
    CHECK(shows(bob, title));
    bob.click(QStringLiteral("addMemberField"));
    bob.typeText(QStringLiteral("127.0.0.1")); // only her name has it
    CHECK(shows(bob, QStringLiteral("Add %1").arg(name)));
    bob.click(QStringLiteral("channelDetailsDialog_close"));
    REQUIRE(
        bob.waitFor([&] { return !bob.find(QStringLiteral("channelDetailsDialog"))->property("visible").toBool(); }));

    // A new direct message: the people list, and whom it goes to.
    bob.click(QStringLiteral("newConversationButton"));
    bob.click(QStringLiteral("newMessageMenuItem"));
    REQUIRE(bob.waitFor([&] { return bob.find(QStringLiteral("newMessageDialog"))->property("opened").toBool(); }));
    CHECK(shows(bob, title));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("person_") + malloryId); }));
    bob.click(QStringLiteral("person_") + malloryId);
    CHECK(shows(bob, QStringLiteral("To: %1").arg(name)));
    bob.click(QStringLiteral("newMessageDialog_close"));
    REQUIRE(bob.waitFor([&] { return !bob.find(QStringLiteral("newMessageDialog"))->property("visible").toBool(); }));

    // Search results name the conversation, the author and the words found.
    bob.click(QStringLiteral("searchButton"));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("searchPanel")); }));
    bob.click(QStringLiteral("searchField"));
    bob.typeText(QStringLiteral("hostile"));
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("searchResult_0")); }, 5000));
    CHECK(shows(bob, QStringLiteral("#") + channel));
    CHECK(shows(bob, trap.image(QStringLiteral("message"))));
    bob.click(QStringLiteral("closeSearchButton"));

    // The event in Bob's calendar, the document in his list.
    bob.controller().setCurrentView(QStringLiteral("calendar"));
    CHECK(shows(bob, event, 10000));
    bob.controller().setCurrentView(QStringLiteral("docs"));
    CHECK(shows(bob, document, 10000));

    // Anything a label asked for would have arrived by now.
    QTest::qWait(1500);
    INFO("fetched: " << trap.paths().join(QStringLiteral(", ")).toStdString());
    CHECK(trap.connections() == 0);
}

TEST_CASE("Files from another member: images drawn small from their bytes, SVG and the like as files, at most ten "
          "per message")
{
    using convene::test::PngColor;
    using convene::test::uniformPng;
    FetchTrap trap;
    REQUIRE(trap.listening());
    QTemporaryDir shared;
    const QString workspace = shared.filePath(QStringLiteral("team.convene"));
    Scenario mallory(Scenario::member(workspace, QStringLiteral("Mallory"), QStringLiteral("chat")));
    // Bob keeps at most 64 MB of downloaded files (the default is 512 MB).
    QTemporaryDir bobProfile;
    {
        QFile settings(QDir(bobProfile.path()).filePath(QStringLiteral("settings.ini")));
        REQUIRE(settings.open(QIODevice::WriteOnly));
        settings.write("[chat]\nblobCacheMegabytes=64\n");
    }
    Scenario::Config bobConfig = Scenario::member(workspace, QStringLiteral("Bob"), QStringLiteral("chat"));
    bobConfig.options.profileDir = bobProfile.path();
    Scenario bob(bobConfig);
    CHECK(chatOf(bob).blobs()->capacity() == 64LL * 1024 * 1024);
    CHECK(chatOf(mallory).blobs()->capacity() == 512LL * 1024 * 1024);

    // The composer takes ten files for one message, and says so of the eleventh.
    auto* uploads = qobject_cast<convene::chat::AttachmentUploads*>(chatOf(mallory).uploads());
    for (int i = 0; i < 10; ++i)
        REQUIRE(
            uploads->addData(QStringLiteral("note %1.txt").arg(i), "note\n", QStringLiteral("text/plain")).isEmpty());
    const QString refused = uploads->addData(QStringLiteral("note 10.txt"), "note\n", QStringLiteral("text/plain"));
    CHECK(refused.contains(QStringLiteral("at most 10")));
    CHECK(uploads->rowCount() == 10);
    REQUIRE(mallory.waitFor([&] { return !uploads->busy(); }, 5000));
    uploads->clear();

    // A photo that decodes to 120 MB, a picture that asks for 400 million pixels of one byte, an
    // SVG that says it is a PNG (and points outside), and a small PNG.
    const QByteArray photo = uniformPng(6000, 5000, PngColor::Rgb);
    const QByteArray huge = uniformPng(20000, 20000, PngColor::Palette);
    const QByteArray svg =
        QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                       "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"400\" height=\"300\">"
                       "<rect width=\"400\" height=\"300\" fill=\"red\"/>"
                       "<image xlink:href=\"http://127.0.0.1:%1/svg\" width=\"10\" height=\"10\"/></svg>")
            .arg(trap.port())
            .toUtf8();
    QImage small(64, 48, QImage::Format_RGB32);
    small.fill(Qt::darkCyan);
    QByteArray smallPng;
    {
        QBuffer buffer(&smallPng);
        REQUIRE(buffer.open(QIODevice::WriteOnly));
        REQUIRE(small.save(&buffer, "PNG"));
    }
    const QString png = QStringLiteral("image/png");
    QJsonArray pictures{
        attachment(uploadBlob(mallory, photo, png), QStringLiteral("photo.png"), png, photo.size()),
        attachment(uploadBlob(mallory, huge, png), QStringLiteral("huge.png"), png, huge.size()),
        attachment(uploadBlob(mallory, svg, png), QStringLiteral("chart.png"), png, svg.size()),
        attachment(uploadBlob(mallory, smallPng, png), QStringLiteral("small.png"), png, smallPng.size())};
    QJsonArray fifteen;
    for (int i = 0; i < 15; ++i)
        fifteen.append(attachment(QStringLiteral("blob-%1").arg(i), QStringLiteral("file %1.txt").arg(i),
                                  QStringLiteral("text/plain"), 5));
    submitRaw(mallory, kGeneral, QStringLiteral("message"),
              {{QStringLiteral("text"), QStringLiteral("pictures")}, {QStringLiteral("attachments"), pictures}});
    submitRaw(mallory, kGeneral, QStringLiteral("message"),
              {{QStringLiteral("text"), QStringLiteral("fifteen files")}, {QStringLiteral("attachments"), fifteen}});

    focusWindow(bob);
    REQUIRE(bob.waitFor([&] { return bob.isShown(QStringLiteral("channel_") + kGeneral); }, 5000));
    bob.click(QStringLiteral("channel_") + kGeneral);
    REQUIRE(bob.waitFor([&] { return posOf(bob, QStringLiteral("fifteen files")) > 0; }, 5000));
    QQuickItem* root = bob.window()->contentItem();

    // Of fifteen files, ten cards and a word about the rest.
    QQuickItem* many = bob.item(QStringLiteral("message_%1").arg(posOf(bob, QStringLiteral("fifteen files"))));
    CHECK(bob.waitFor([&] { return visibleCardsIn(many) == 10; }));
    CHECK(shows(bob, QStringLiteral("5 more attachments not shown")));

    // The too-large picture says so; the SVG is a file by its name; the photo and the small PNG
    // are drawn, from previews no bigger than a card needs, in a raster format.
    CHECK(shows(bob, QStringLiteral("Image too large to preview"), 20000));
    CHECK(shows(bob, QStringLiteral("chart.png")));
    const auto drawn = [&] {
        int ready = 0;
        for (QQuickItem* image : visibleItems(root, "QQuickImage"))
            if (image->property("status").toInt() == 1 && image->property("source").toUrl().isLocalFile())
                ++ready;
        return ready;
    };
    CHECK(bob.waitFor([&] { return drawn() >= 2; }, 20000));
    const QString blobs = QDir(bob.profileDir()).absolutePath();
    for (QQuickItem* image : visibleItems(root, "QQuickImage")) {
        const QUrl source = image->property("source").toUrl();
        if (!source.isLocalFile() || !QDir::cleanPath(source.toLocalFile()).startsWith(blobs))
            continue; // the app's own icons
        INFO(source.toString().toStdString());
        QImageReader reader(source.toLocalFile());
        reader.setDecideFormatFromContent(true);
        CHECK(QByteArrayList({"png", "jpeg", "gif", "webp", "bmp"}).contains(reader.format()));
        CHECK(image->implicitWidth() <= 1024);
        CHECK(image->implicitHeight() <= 1024);
    }
    CHECK_FALSE(bob.screenshot(QStringLiteral("chat/attachments-from-others")).isEmpty());
    QTest::qWait(500);
    INFO("fetched: " << trap.paths().join(QStringLiteral(", ")).toStdString());
    CHECK(trap.connections() == 0);
}
