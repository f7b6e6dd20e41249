#pragma once

// A chat cache for model tests: the sync schema in a temporary file, filled the way sync fills
// it (CacheWriter for ordered events, a direct insert for a pending change of our own).
#include <convene/chat/chat_events.h>
#include <convene/store/change_notifier.h>
#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>

#include "catch_qt_strings.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>

struct ChatCache {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("cache.db"));
    std::unique_ptr<convene::store::Database> db;
    std::unique_ptr<convene::sync::CacheWriter> writer;
    convene::store::ChangeNotifier changes;
    QHash<QString, int64_t> lastNumber; // events numbered 1, 2, 3, … per stream, as tests name them
    QSet<QString> touched; // streams written since the last notification, as sync reports them
    int64_t clock = 1'750'000'000'000; // ms; each event a minute after the previous

    explicit ChatCache(const QString& me = QStringLiteral("me"))
    {
        auto opened = convene::store::Database::open(path);
        REQUIRE(opened.ok());
        db = std::move(opened).value();
        convene::store::MigrationRunner runner;
        runner.add(convene::sync::cacheSchema());
        REQUIRE(runner.migrate(*db).ok());
        writer = std::make_unique<convene::sync::CacheWriter>(*db, me);
    }

    void stream(const QString& id, const QString& kind, const QString& name, const QString& topic = {})
    {
        auto insert = db->prepare(QStringLiteral("INSERT INTO streams(id, kind, name, topic) VALUES(?, ?, ?, ?)"));
        REQUIRE((*insert)->bind(1, id).bind(2, kind).bind(3, name).bind(4, topic).run().ok());
    }

    // The server id the test backend gives the stream's `number`th event.
    static QString serverId(const QString& stream, int64_t number)
    {
        return number > 0 ? QStringLiteral("%1#%2").arg(stream).arg(number) : QString();
    }
    // Where the cache places the `number`th event of a stream filled from its first event on.
    static int64_t position(int64_t number) { return 999'999'999 + number; }

    // Returns the event's number; `ref` names another event of the stream by its number.
    int64_t event(const QString& stream, const QString& kind, const QString& author, const QJsonObject& payload = {},
                  const QString& body = {}, int64_t ref = 0)
    {
        convene::sync::RemoteEvent e;
        e.stream = stream;
        const int64_t number = ++lastNumber[stream];
        e.serverId = serverId(stream, number);
        e.cursor = QString::number(number);
        e.kind = kind;
        e.author = author;
        e.payload = payload.isEmpty() ? QByteArray() : convene::chat::jsonPayload(payload);
        e.body = body;
        e.ref = serverId(stream, ref);
        e.serverTime = clock += 60'000;
        touched.insert(stream);
        convene::store::ChangeSet set;
        REQUIRE(writer->applyEvents({e}, set).ok());
        if (number == 1) // the test backend's history starts here
            REQUIRE(
                db->exec(QStringLiteral("UPDATE streams SET history_complete = 1 WHERE id = '%1'").arg(stream)).ok());
        return number;
    }

    // The user has read `stream` up to its `number`th event.
    void read(const QString& me, const QString& stream, int64_t number)
    {
        convene::chat::ReadMarker marker{stream, serverId(stream, number), 0};
        event(convene::chat::userStream(me), convene::chat::kind::read, me,
              QJsonDocument::fromJson(marker.toPayload()).object());
    }

    int64_t say(const QString& stream, const QString& author, const QString& text, int64_t threadRoot = 0)
    {
        return event(stream, convene::chat::kind::message, author, {{QStringLiteral("text"), text}}, text, threadRoot);
    }

    void profile(const QString& user, const QString& name, const QString& title = {})
    {
        event(convene::chat::kDirectoryStream, convene::chat::kind::profile, user,
              {{QStringLiteral("name"), name}, {QStringLiteral("title"), title}});
    }

    void join(const QString& stream, const QString& user) { event(stream, convene::chat::kind::join, user); }

    // Our own change waiting in the outbox, as sync writes it before the backend confirms it.
    void pending(const QString& stream, const QString& author, const QString& text, int state = 1)
    {
        auto insert = db->prepare(QStringLiteral(
            "INSERT INTO entries(stream, client_id, kind, author, body, payload, state, created_at, error) "
            "VALUES(?, ?, 'message', ?, ?, ?, ?, ?, ?)"));
        (*insert)
            ->bind(1, stream)
            .bind(2, QUuid::createUuid().toRfc4122())
            .bind(3, author)
            .bind(4, text)
            .bind(5, convene::chat::messagePayload(text))
            .bind(6, state)
            .bind(7, clock += 60'000);
        touched.insert(stream);
        if (state == 2)
            (*insert)->bind(8, QStringLiteral("Too large"));
        else
            (*insert)->bind(8, nullptr);
        REQUIRE((*insert)->run().ok());
    }

    // What sync does after writing: tell the models which streams changed, then let the
    // notification arrive.
    void notify(const QString& stream)
    {
        touched.insert(stream);
        changes.post({{QStringLiteral("entries"), QStringLiteral("streams")}, touched});
        touched.clear();
        QCoreApplication::processEvents();
    }
};
