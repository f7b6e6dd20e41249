#include <convene/chat/channel_list_model.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>

#include "catch_qt_strings.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace convene;

namespace {

sync::RemoteEvent message(const QString& stream, int64_t seq, const QString& text, int64_t time)
{
    sync::RemoteEvent e;
    e.stream = stream;
    e.seq = seq;
    e.kind = QStringLiteral("message");
    e.author = QStringLiteral("someone");
    e.body = text;
    e.serverTime = time;
    return e;
}

struct Cache {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("cache.db"));
    std::unique_ptr<store::Database> db;
    std::unique_ptr<sync::CacheWriter> writer;

    Cache()
    {
        auto opened = store::Database::open(path);
        REQUIRE(opened.ok());
        db = std::move(opened).value();
        store::MigrationRunner runner;
        runner.add(sync::cacheSchema());
        REQUIRE(runner.migrate(*db).ok());
        writer = std::make_unique<sync::CacheWriter>(*db, QStringLiteral("me"));
    }

    void stream(const QString& id, const QString& kind, const QString& name)
    {
        auto insert = db->prepare(QStringLiteral("INSERT INTO streams(id, kind, name) VALUES(?, ?, ?)"));
        REQUIRE((*insert)->bind(1, id).bind(2, kind).bind(3, name).run().ok());
    }

    void apply(const QList<sync::RemoteEvent>& events)
    {
        store::ChangeSet changes;
        REQUIRE(writer->applyEvents(events, changes).ok());
    }
};

QString at(const chat::ChannelListModel& model, int row, int role)
{
    return model.data(model.index(row), role).toString();
}

} // namespace

TEST_CASE("Conversations are listed by latest activity with the last message as preview")
{
    Cache cache;
    cache.stream(QStringLiteral("channel:general"), QStringLiteral("channel"), QStringLiteral("general"));
    cache.stream(QStringLiteral("dm:a+b"), QStringLiteral("dm"), QStringLiteral("Li Wei"));
    cache.stream(QStringLiteral("calendar:team"), QStringLiteral("calendar"), QStringLiteral("Team calendar"));
    cache.apply({message(QStringLiteral("channel:general"), 1, QStringLiteral("first"), 1000),
                 message(QStringLiteral("channel:general"), 2, QStringLiteral("明天的会议"), 3000),
                 message(QStringLiteral("dm:a+b"), 1, QStringLiteral("hi"), 2000),
                 message(QStringLiteral("calendar:team"), 1, QStringLiteral("All hands"), 9000)});

    store::ChangeNotifier changes;
    chat::ChannelListModel model(cache.path, changes);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    REQUIRE(model.rowCount() == 2); // calendars and documents are not conversations
    CHECK(at(model, 0, chat::ChannelListModel::NameRole) == QStringLiteral("general"));
    CHECK(at(model, 0, chat::ChannelListModel::PreviewRole) == QStringLiteral("明天的会议"));
    CHECK(model.data(model.index(0), chat::ChannelListModel::LastActivityRole).toDateTime().toMSecsSinceEpoch() == 3000);
    CHECK(at(model, 1, chat::ChannelListModel::KindRole) == QStringLiteral("dm"));
    CHECK(model.roleNames().value(chat::ChannelListModel::StreamIdRole) == "streamId");
}

TEST_CASE("The list follows change notifications from sync")
{
    Cache cache;
    store::ChangeNotifier changes;
    chat::ChannelListModel model(cache.path, changes);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 0);

    cache.stream(QStringLiteral("channel:design"), QStringLiteral("channel"), QStringLiteral("design"));
    cache.apply({message(QStringLiteral("channel:design"), 1, QStringLiteral("new mockups"), 5000)});
    changes.post({{QStringLiteral("entries")}, {QStringLiteral("channel:design")}});
    QCoreApplication::processEvents();
    REQUIRE(model.rowCount() == 1);
    CHECK(at(model, 0, chat::ChannelListModel::PreviewRole) == QStringLiteral("new mockups"));

    // Changes elsewhere (the outbox alone) do not reload the list.
    changes.post({{QStringLiteral("outbox")}, {}});
    QCoreApplication::processEvents();
    CHECK(model.rowCount() == 1);
}

TEST_CASE("A profile without a cache yet gives an empty list, filled once sync creates it")
{
    QTemporaryDir dir;
    store::ChangeNotifier changes;
    chat::ChannelListModel model(dir.filePath(QStringLiteral("cache.db")), changes);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 0);
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("cache.db")))); // a reader never creates it
}
