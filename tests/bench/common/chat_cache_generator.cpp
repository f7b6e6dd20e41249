#include "chat_cache_generator.h"

#include "bench_sentences.h"

#include <convene/chat/chat_events.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>

#include <QElapsedTimer>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

namespace convene::bench {

namespace {

void apply(sync::CacheWriter& writer, QList<sync::RemoteEvent>& batch, Counts& counts)
{
    store::ChangeSet changes;
    QElapsedTimer clock;
    clock.start();
    const auto applied = writer.applyEvents(batch, changes);
    counts.ingestSeconds += double(clock.nsecsElapsed()) / 1e9;
    if (!applied)
        fail("ingest", applied.error().message);
    batch.clear();
}

} // namespace

QString benchChannelId()
{
    return QStringLiteral("channel:bench");
}

std::vector<Channel> benchChannels(int64_t total, int64_t channelSize)
{
    std::vector<Channel> channels;
    channels.push_back({benchChannelId(), QStringLiteral("bench"), channelSize, 0, 0, {}, 0});
    for (int c = 0; c < kOtherChannels; ++c) {
        const int64_t share = (total - channelSize) / kOtherChannels + (c < (total - channelSize) % kOtherChannels);
        channels.push_back(
            {QStringLiteral("channel:bench-%1").arg(c), QStringLiteral("channel-%1").arg(c), share, 0, 0, {}, 0});
    }
    return channels;
}

void fail(const char* what, const QString& message)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(message));
    std::exit(1);
}

std::unique_ptr<store::Database> openCache(const QString& path)
{
    auto db = store::Database::open(path);
    if (!db)
        fail("open", db.error().message);
    store::MigrationRunner runner;
    runner.add(sync::cacheSchema());
    if (auto migrated = runner.migrate(**db); !migrated)
        fail("migrate", migrated.error().message);
    return std::move(db).value();
}

sync::RemoteEvent newEvent(const QString& stream, int64_t& counter)
{
    sync::RemoteEvent e;
    e.stream = stream;
    ++counter;
    e.serverId = stream + u'#' + QString::number(counter);
    e.cursor = QString::number(counter);
    return e;
}

QString author(std::mt19937_64& random)
{
    // Now and then the user of the app, who is "me".
    if (random() % 50 == 0)
        return QStringLiteral("me");
    return QStringLiteral("user-%1").arg(random() % kUsers);
}

sync::RemoteEvent makeEvent(Channel& channel, std::mt19937_64& random, Counts& counts, int64_t index)
{
    static const QByteArray reactions[] = {
        chat::jsonPayload({{QStringLiteral("emoji"), QStringLiteral("👍")}, {QStringLiteral("on"), true}}),
        chat::jsonPayload({{QStringLiteral("emoji"), QStringLiteral("🎉")}, {QStringLiteral("on"), true}}),
        chat::jsonPayload({{QStringLiteral("emoji"), QStringLiteral("❤️")}, {QStringLiteral("on"), true}}),
    };
    sync::RemoteEvent e = newEvent(channel.id, channel.events);
    e.serverTime = 1'700'000'000'000 + index * 2000 + int64_t(random() % 1000);
    const int roll = int(random() % 100);
    const bool haveTarget = !channel.recent.empty();
    const Channel::Recent* target = haveTarget ? &channel.recent[random() % channel.recent.size()] : nullptr;
    if (target && roll < 3) {
        e.kind = chat::kind::reaction;
        e.ref = target->serverId;
        e.author = author(random);
        e.payload = reactions[random() % 10 < 7 ? 0 : 1 + random() % 2];
        ++counts.reactions;
    } else if (target && roll < 4) {
        e.kind = chat::kind::edit;
        e.ref = target->serverId;
        e.author = target->author;
        e.body = sentence(random);
        e.payload = chat::messagePayload(e.body);
        ++counts.edits;
    } else if (target && roll < 6) {
        e.kind = chat::kind::message;
        e.ref = target->serverId;
        e.author = author(random);
        e.body = sentence(random);
        e.payload = chat::messagePayload(e.body);
        ++counts.replies;
    } else {
        e.kind = chat::kind::message;
        e.author = author(random);
        e.body = sentence(random);
        e.payload = chat::messagePayload(e.body);
        ++channel.messages;
        ++counts.messages;
        if (channel.recent.size() < size_t(kRecent)) {
            channel.recent.push_back({e.serverId, e.author});
        } else {
            channel.recent[channel.next] = {e.serverId, e.author};
            channel.next = (channel.next + 1) % channel.recent.size();
        }
    }
    ++counts.events;
    return e;
}

Counts ingest(store::Database& db, std::vector<Channel>& channels)
{
    Counts counts;
    auto stream = db.prepare(QStringLiteral("INSERT INTO streams(id, kind, name) VALUES(?, 'channel', ?)"));
    if (!stream)
        fail("streams", stream.error().message);
    for (const Channel& c : channels)
        if (auto inserted = (*stream)->bind(1, c.id).bind(2, c.name).run(); !inserted)
            fail("streams", inserted.error().message);

    sync::CacheWriter writer(db, QStringLiteral("me"));
    QList<sync::RemoteEvent> batch;
    batch.reserve(kCacheBatch);
    int64_t directoryEvents = 0;
    for (int u = 0; u <= kUsers; ++u) {
        sync::RemoteEvent e = newEvent(chat::kDirectoryStream, directoryEvents);
        e.kind = chat::kind::profile;
        e.author = u < kUsers ? QStringLiteral("user-%1").arg(u) : QStringLiteral("me");
        e.payload = chat::jsonPayload({{QStringLiteral("name"), QStringLiteral("Member %1").arg(u)},
                                       {QStringLiteral("title"), QStringLiteral("Engineer")}});
        e.serverTime = 1'699'999'000'000 + u;
        batch << e;
    }
    apply(writer, batch, counts);

    // Each next event goes to a channel picked in proportion to the messages it still has to
    // get, so that every channel's history spreads over the whole time range.
    std::mt19937_64 random(42);
    int64_t remaining = 0;
    for (const Channel& c : channels)
        remaining += c.target;
    int64_t index = 0;
    while (remaining > 0) {
        int64_t pick = int64_t(random() % uint64_t(remaining));
        Channel* channel = nullptr;
        for (Channel& c : channels) {
            pick -= c.target - c.messages;
            if (pick < 0) {
                channel = &c;
                break;
            }
        }
        const int64_t before = channel->messages;
        batch << makeEvent(*channel, random, counts, index++);
        remaining -= channel->messages - before;
        if (batch.size() == kCacheBatch)
            apply(writer, batch, counts);
    }
    if (!batch.isEmpty())
        apply(writer, batch, counts);
    // Every channel's history is cached from its first event on: sync records that when the
    // backend's oldest page says there is nothing older (SyncEngine marks history_complete).
    auto complete = db.prepare(QStringLiteral("UPDATE streams SET history_complete = 1 WHERE id = ?"));
    if (!complete)
        fail("history", complete.error().message);
    for (const Channel& c : channels)
        if (auto marked = (*complete)->bind(1, c.id).run(); !marked)
            fail("history", marked.error().message);
    return counts;
}

void mergeIndex(store::Database& db, Counts& counts)
{
    sync::CacheWriter writer(db, QStringLiteral("me"));
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const Result<bool> merged = writer.mergeIndex();
        if (!merged)
            fail("merge", merged.error().message);
        ++counts.mergeSlices;
        if (!*merged)
            break;
    }
    counts.mergeSeconds = double(clock.nsecsElapsed()) / 1e9;
}

} // namespace convene::bench
