// The contract every backend passes. Each test runs once per backend named in kBackends.
#include "contract_helpers.h"

#include <convene/core/uuid_v7.h>
#include <convene/sync/sync_service.h>

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <optional>

using namespace convene;
using convene::test::BackendHarness;

namespace {

const QStringList kBackends{QStringLiteral("local"), QStringLiteral("xmpp")};

sync::Mutation message(const QString& stream, const QString& text)
{
    sync::Mutation m;
    m.clientId = test::contractIds().next();
    m.stream = stream;
    m.kind = QStringLiteral("message");
    m.body = text;
    m.payload = QStringLiteral("{\"text\":\"%1\"}").arg(text).toUtf8();
    m.createdAt = 1;
    return m;
}

struct Setup {
    Setup() { sync::registerSyncMetaTypes(); }
} setup;

using test::environment;

// Makes sure both clients are in a stream, as after each has listed it: a stream exists once
// something was written to it, and a client hears a stream live once it knows it.
void share(BackendHarness& writer, BackendHarness& reader, const QString& stream)
{
    writer.submit(message(stream, QStringLiteral("hello")));
    QSignalSpy listed(reader.backend.get(), &sync::Backend::streamsListed);
    reader.backend->listStreams();
    REQUIRE(listed.wait(10000));
}

} // namespace

TEST_CASE("Contract: events of a stream keep submission order, each with its own server id and cursor")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            QSignalSpy acks(a.backend.get(), &sync::Backend::submitted);
            QList<QUuid> sent;
            for (int i = 0; i < 40; ++i) {
                const sync::Mutation m = message(QStringLiteral("channel:order"), QString::number(i));
                sent << m.clientId;
                a.backend->submit(m);
            }
            REQUIRE(QTest::qWaitFor([&] { return acks.count() == 40; }, 5000));
            QStringList serverIds;
            for (int i = 0; i < 40; ++i) {
                const auto ack = acks.at(i).at(0).value<sync::Ack>();
                CHECK(ack.clientId == sent.at(i));
                CHECK(ack.stream == QStringLiteral("channel:order"));
                CHECK_FALSE(ack.serverId.isEmpty());
                serverIds << ack.serverId;
            }
            CHECK(QSet<QString>(serverIds.begin(), serverIds.end()).size() == 40);
            const sync::HistoryPage page =
                a.history({QStringLiteral("channel:order"), sync::HistoryQuery::Direction::After, {}, 100});
            REQUIRE(page.events.size() == 40);
            CHECK_FALSE(page.more);
            QSet<QString> cursors;
            for (int i = 0; i < 40; ++i) {
                const sync::RemoteEvent& e = page.events.at(i);
                CHECK(e.body == QString::number(i));
                CHECK(e.serverId == serverIds.at(i));
                CHECK(e.clientId == sent.at(i));
                CHECK(e.author == env->userId(QStringLiteral("alice")));
                CHECK_FALSE(e.cursor.isEmpty());
                cursors.insert(e.cursor);
            }
            CHECK(cursors.size() == 40);
        }
    }
}

TEST_CASE("Contract: resending a client id is harmless and returns the first acknowledgement")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            const sync::Mutation m = message(QStringLiteral("channel:dedupe"), QStringLiteral("once"));
            const sync::Ack first = a.submit(m);
            const sync::Ack again = a.submit(m);
            CHECK(again.serverId == first.serverId);
            CHECK(again.serverTime == first.serverTime);
            const sync::HistoryPage page =
                a.history({QStringLiteral("channel:dedupe"), sync::HistoryQuery::Direction::After, {}, 10});
            REQUIRE(page.events.size() == 1);
            CHECK(page.events.first().serverId == first.serverId);
        }
    }
}

TEST_CASE("Contract: history pages forwards and backwards from opaque cursors without gaps or overlaps")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            const QString stream = QStringLiteral("channel:paging");
            for (int i = 1; i <= 120; ++i)
                a.backend->submit(message(stream, QString::number(i)));
            QSignalSpy acks(a.backend.get(), &sync::Backend::submitted);
            REQUIRE(QTest::qWaitFor([&] { return acks.count() == 120; }, 5000));

            QList<sync::RemoteEvent> seen;
            QString after;
            for (int pages = 0;; ++pages) {
                REQUIRE(pages < 5);
                const sync::HistoryPage page = a.history({stream, sync::HistoryQuery::Direction::After, after, 50});
                seen += page.events;
                if (!page.more)
                    break;
                REQUIRE_FALSE(page.events.isEmpty());
                after = page.events.last().cursor;
            }
            REQUIRE(seen.size() == 120);
            for (int i = 0; i < 120; ++i)
                CHECK(seen.at(i).body == QString::number(i + 1));

            const sync::HistoryPage newest = a.history({stream, sync::HistoryQuery::Direction::Before, {}, 50});
            REQUIRE(newest.events.size() == 50);
            CHECK(newest.events.first().body == QStringLiteral("71"));
            CHECK(newest.events.last().body == QStringLiteral("120"));
            CHECK(newest.more);
            const sync::HistoryPage older =
                a.history({stream, sync::HistoryQuery::Direction::Before, newest.events.first().cursor, 50});
            REQUIRE(older.events.size() == 50);
            CHECK(older.events.first().body == QStringLiteral("21"));
            CHECK(older.events.last().body == QStringLiteral("70"));
            const sync::HistoryPage oldest =
                a.history({stream, sync::HistoryQuery::Direction::Before, seen.at(10).cursor, 50});
            CHECK(oldest.events.size() == 10);
            CHECK_FALSE(oldest.more);
            const sync::HistoryPage end =
                a.history({stream, sync::HistoryQuery::Direction::After, seen.last().cursor, 50});
            CHECK(end.events.isEmpty());
            CHECK_FALSE(end.more);
        }
    }
}

TEST_CASE("Contract: references name their target by server id, or by client id while it is unsent")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            const QString stream = QStringLiteral("channel:refs");
            const sync::Ack root = a.submit(message(stream, QStringLiteral("root")));

            sync::Mutation reply = message(stream, QStringLiteral("reply"));
            reply.ref = root.serverId;
            a.submit(reply);
            // A reaction to a message sent just before it, named by client id as the sender
            // could not know the server id yet.
            const sync::Mutation fresh = message(stream, QStringLiteral("fresh"));
            sync::Mutation reaction = message(stream, QString());
            reaction.kind = QStringLiteral("reaction");
            reaction.refClientId = fresh.clientId;
            QSignalSpy acks(a.backend.get(), &sync::Backend::submitted);
            a.backend->submit(fresh);
            a.backend->submit(reaction);
            REQUIRE(QTest::qWaitFor([&] { return acks.count() == 2; }, 5000));

            const sync::HistoryPage page = a.history({stream, sync::HistoryQuery::Direction::After, {}, 10});
            REQUIRE(page.events.size() == 4);
            CHECK(page.events.at(0).ref.isEmpty());
            CHECK(page.events.at(1).ref == root.serverId);
            CHECK(page.events.at(3).ref == page.events.at(2).serverId);

            sync::Mutation dangling = message(stream, QStringLiteral("to nowhere"));
            dangling.ref = QStringLiteral("no-such-entry");
            QSignalSpy rejected(a.backend.get(), &sync::Backend::rejected);
            a.backend->submit(dangling);
            REQUIRE(rejected.wait(3000));
            CHECK(rejected.takeFirst().at(1).value<Error>().code == ErrorCode::InvalidArgument);
        }
    }
}

TEST_CASE("Contract: the submitter receives its own events live, in the stream's order")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            QSignalSpy live(a.backend.get(), &sync::Backend::eventsReceived);
            const sync::Mutation m = message(QStringLiteral("channel:echo"), QStringLiteral("echo"));
            const sync::Ack ack = a.submit(m);
            REQUIRE(QTest::qWaitFor(
                [&] {
                    for (const auto& args : live)
                        for (const sync::RemoteEvent& e : args.at(0).value<QList<sync::RemoteEvent>>())
                            if (e.clientId == m.clientId)
                                return e.serverId == ack.serverId && !e.cursor.isEmpty();
                    return false;
                },
                3000));
        }
    }
}

TEST_CASE("Contract: live events reach another client of the workspace within 100 ms (median)")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            BackendHarness b(*env, QStringLiteral("bob"));
            share(a, b, QStringLiteral("channel:live"));
            QList<qint64> latencies;
            for (int i = 0; i < 15; ++i) {
                QSignalSpy live(b.backend.get(), &sync::Backend::eventsReceived);
                const sync::Mutation m = message(QStringLiteral("channel:live"), QStringLiteral("hello %1").arg(i));
                QElapsedTimer clock;
                clock.start();
                a.backend->submit(m);
                bool arrived = false;
                REQUIRE(QTest::qWaitFor(
                    [&] {
                        for (const auto& args : live)
                            for (const sync::RemoteEvent& e : args.at(0).value<QList<sync::RemoteEvent>>())
                                if (e.clientId == m.clientId) {
                                    arrived = true;
                                    CHECK(e.author == env->userId(QStringLiteral("alice")));
                                    CHECK(e.body == m.body);
                                }
                        return arrived;
                    },
                    3000));
                latencies << clock.elapsed();
            }
            std::sort(latencies.begin(), latencies.end());
            INFO("median latency " << latencies.at(latencies.size() / 2) << " ms");
            CHECK(latencies.at(latencies.size() / 2) < 100);
        }
    }
}

// The first event with this client id among those a client has received live.
std::optional<sync::RemoteEvent> receivedLive(const QSignalSpy& live, const QUuid& clientId)
{
    for (const auto& args : live)
        for (const sync::RemoteEvent& e : args.at(0).value<QList<sync::RemoteEvent>>())
            if (e.clientId == clientId)
                return e;
    return std::nullopt;
}

TEST_CASE("Contract: calendar events and answers reach the other members byte for byte, with their author")
{
    // An iCalendar payload: CRLF line ends, folding, Chinese text and characters XML escapes.
    const QByteArray ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Convene//EN\r\nBEGIN:VEVENT\r\n"
        "UID:contract-1\r\nDTSTAMP:20261203T090000Z\r\nDTSTART;TZID=Asia/Shanghai:20261204T100000\r\n"
        "SUMMARY:产品评审 <R&D> \"Q4\"\r\nDESCRIPTION:line one\\nline two that is long enough to be f\r\n"
        " olded here\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            BackendHarness b(*env, QStringLiteral("bob"));
            const QString stream = QStringLiteral("calendar:contract");
            share(a, b, stream);

            QSignalSpy atBob(b.backend.get(), &sync::Backend::eventsReceived);
            sync::Mutation event;
            event.clientId = test::contractIds().next();
            event.stream = stream;
            event.kind = QStringLiteral("event");
            event.payload = ics;
            event.body = QStringLiteral("产品评审 <R&D> \"Q4\"");
            event.createdAt = 1;
            a.backend->submit(event);
            std::optional<sync::RemoteEvent> received;
            REQUIRE(
                QTest::qWaitFor([&] { return (received = receivedLive(atBob, event.clientId)).has_value(); }, 5000));
            CHECK(received->kind == event.kind);
            CHECK(received->payload == ics);
            CHECK(received->body == event.body);
            CHECK(received->author == env->userId(QStringLiteral("alice")));

            QSignalSpy atAlice(a.backend.get(), &sync::Backend::eventsReceived);
            sync::Mutation answer;
            answer.clientId = test::contractIds().next();
            answer.stream = stream;
            answer.kind = QStringLiteral("event.rsvp");
            answer.payload = R"({"uid":"contract-1","status":"accepted","note":"见 you there"})";
            answer.createdAt = 2;
            b.backend->submit(answer);
            REQUIRE(
                QTest::qWaitFor([&] { return (received = receivedLive(atAlice, answer.clientId)).has_value(); }, 5000));
            CHECK(received->payload == answer.payload);
            CHECK(received->author == env->userId(QStringLiteral("bob")));
        }
    }
}

TEST_CASE("Contract: a client that reconnects catches up from its cursor")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            BackendHarness b(*env, QStringLiteral("bob"));
            const QString stream = QStringLiteral("channel:catchup");
            a.submit(message(stream, QStringLiteral("before")));
            const sync::HistoryPage seen = b.history({stream, sync::HistoryQuery::Direction::Before, {}, 1});
            REQUIRE(seen.events.size() == 1);
            const QString cursor = seen.events.first().cursor;
            b.backend->disconnectFromServer();
            for (int i = 0; i < 5; ++i)
                a.submit(message(stream, QStringLiteral("while away %1").arg(i)));
            b.connect();

            QSignalSpy listed(b.backend.get(), &sync::Backend::streamsListed);
            b.backend->listStreams();
            REQUIRE(listed.wait(3000));
            const auto streams = listed.takeFirst().at(0).value<QList<sync::StreamInfo>>();
            const auto it =
                std::find_if(streams.begin(), streams.end(), [&](const sync::StreamInfo& s) { return s.id == stream; });
            REQUIRE(it != streams.end());
            const sync::HistoryPage missed = b.history({stream, sync::HistoryQuery::Direction::After, cursor, 100});
            REQUIRE(missed.events.size() == 5);
            CHECK(missed.events.first().body == QStringLiteral("while away 0"));
            CHECK(missed.events.last().cursor == it->headCursor);
            CHECK_FALSE(missed.more);
        }
    }
}

TEST_CASE("Contract: blobs round-trip byte for byte; unknown blobs fail clearly")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            BackendHarness b(*env, QStringLiteral("bob"));
            if (!a.backend->capabilities().blobs) {
                // A backend without files says so clearly, for every request.
                QSignalSpy failed(a.backend.get(), &sync::Backend::requestFailed);
                a.backend->uploadBlob(1, "x", QStringLiteral("text/plain"));
                REQUIRE(failed.wait(3000));
                CHECK(failed.takeFirst().at(1).value<Error>().code == ErrorCode::Unsupported);
                continue;
            }
            QByteArray data(300 * 1024, Qt::Uninitialized);
            QRandomGenerator(7).fillRange(reinterpret_cast<quint32*>(data.data()), data.size() / 4);

            QSignalSpy uploaded(a.backend.get(), &sync::Backend::blobUploaded);
            a.backend->uploadBlob(1, data, QStringLiteral("image/png"));
            REQUIRE(uploaded.wait(5000));
            const auto ref = uploaded.takeFirst().at(1).value<sync::BlobRef>();
            CHECK(ref.size == data.size());
            CHECK(ref.mimeType == QStringLiteral("image/png"));

            QSignalSpy downloaded(b.backend.get(), &sync::Backend::blobDownloaded);
            b.backend->downloadBlob(2, ref.id);
            REQUIRE(downloaded.wait(5000));
            CHECK(downloaded.takeFirst().at(1).toByteArray() == data);

            QSignalSpy failed(b.backend.get(), &sync::Backend::requestFailed);
            b.backend->downloadBlob(3, QStringLiteral("no-such-blob"));
            REQUIRE(failed.wait(5000));
            const auto args = failed.takeFirst();
            CHECK(args.at(0).toULongLong() == 3);
            CHECK(args.at(1).value<Error>().code == ErrorCode::NotFound);
        }
    }
}

TEST_CASE("Contract: ephemeral messages reach others, not the sender, and are not history")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            BackendHarness b(*env, QStringLiteral("bob"));
            share(a, b, QStringLiteral("channel:general"));
            QSignalSpy atA(a.backend.get(), &sync::Backend::ephemeralReceived);
            QSignalSpy atB(b.backend.get(), &sync::Backend::ephemeralReceived);
            a.backend->sendEphemeral({QStringLiteral("channel:general"), QStringLiteral("typing"), QString(), "{}"});
            REQUIRE(atB.wait(3000));
            const auto received = atB.takeFirst().at(0).value<sync::EphemeralMessage>();
            CHECK(received.kind == QStringLiteral("typing"));
            CHECK(received.sender == env->userId(QStringLiteral("alice")));
            CHECK(received.stream == QStringLiteral("channel:general"));
            QTest::qWait(150);
            CHECK(atA.isEmpty());
            const sync::HistoryPage page =
                a.history({QStringLiteral("channel:general"), sync::HistoryQuery::Direction::After, {}, 500});
            for (const sync::RemoteEvent& e : page.events)
                CHECK(e.kind != QStringLiteral("typing"));
        }
    }
}

TEST_CASE("Contract: an oversized payload is refused with a clear reason and not stored")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            sync::Mutation big = message(QStringLiteral("channel:big"), QStringLiteral("big"));
            big.payload = QByteArray(a.backend->capabilities().maxPayloadBytes + 1, 'x');
            QSignalSpy rejected(a.backend.get(), &sync::Backend::rejected);
            a.backend->submit(big);
            REQUIRE(rejected.wait(3000));
            const auto args = rejected.takeFirst();
            CHECK(args.at(0).toUuid() == big.clientId);
            const auto reason = args.at(1).value<Error>();
            CHECK(reason.code == ErrorCode::TooLarge);
            CHECK(reason.message.contains(QStringLiteral("KB")));
            const sync::HistoryPage page =
                a.history({QStringLiteral("channel:big"), sync::HistoryQuery::Direction::After, {}, 10});
            CHECK(page.events.isEmpty());
        }
    }
}

namespace {

using test::entryOf;
using test::listed;

// The events of the stream's newest page the client is given; a refusal gives none.
qsizetype readable(BackendHarness& client, const QString& stream)
{
    QSignalSpy pages(client.backend.get(), &sync::Backend::historyFetched);
    QSignalSpy failed(client.backend.get(), &sync::Backend::requestFailed);
    client.backend->fetchHistory(77, {stream, sync::HistoryQuery::Direction::Before, {}, 50});
    REQUIRE(QTest::qWaitFor([&] { return !pages.isEmpty() || !failed.isEmpty(); }, 10000));
    return pages.isEmpty() ? 0 : pages.first().at(1).value<sync::HistoryPage>().events.size();
}

// Whether the backend took the change (acknowledged it) rather than refusing it.
bool accepted(BackendHarness& client, const sync::Mutation& m)
{
    QSignalSpy acks(client.backend.get(), &sync::Backend::submitted);
    QSignalSpy refused(client.backend.get(), &sync::Backend::rejected);
    QSignalSpy failed(client.backend.get(), &sync::Backend::submitFailed);
    client.backend->submit(m);
    REQUIRE(QTest::qWaitFor([&] { return !acks.isEmpty() || !refused.isEmpty() || !failed.isEmpty(); }, 10000));
    return !acks.isEmpty();
}

} // namespace

TEST_CASE("Contract: a private channel is listed, read and heard live by its members only", "[security]")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            BackendHarness b(*env, QStringLiteral("bob"));
            const QString stream = QStringLiteral("private:contract");
            a.submit(entryOf(stream, QStringLiteral("stream.create"), R"({"kind":"private","name":"contract"})"));
            a.submit(message(stream, QStringLiteral("members only")));
            CHECK(listed(a, stream));
            CHECK(readable(a, stream) == 2);

            QSignalSpy heardByBob(b.backend.get(), &sync::Backend::eventsReceived);
            CHECK_FALSE(listed(b, stream));
            CHECK(readable(b, stream) == 0);
            a.submit(message(stream, QStringLiteral("still members only")));
            CHECK_FALSE(accepted(b, message(stream, QStringLiteral("let me in"))));
            QTest::qWait(300);
            for (const auto& args : heardByBob)
                for (const sync::RemoteEvent& e : args.at(0).value<QList<sync::RemoteEvent>>())
                    CHECK(e.stream != stream);
            CHECK(readable(a, stream) == 3); // Bob's message is not there
        }
    }
}

TEST_CASE("Contract: a direct conversation is listed and read by the people it names only", "[security]")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            const auto env = environment(name);
            BackendHarness a(*env, QStringLiteral("alice"));
            BackendHarness b(*env, QStringLiteral("bob"));
            BackendHarness c(*env, QStringLiteral("carol"));
            QStringList people{env->userId(QStringLiteral("alice")), env->userId(QStringLiteral("bob"))};
            people.sort();
            const QString stream = QStringLiteral("dm:") + people.join(u'+');
            a.submit(entryOf(stream, QStringLiteral("stream.create"), R"({"kind":"dm"})"));
            a.submit(message(stream, QStringLiteral("just between us")));
            REQUIRE(QTest::qWaitFor([&] { return listed(b, stream); }, 10000));
            CHECK(readable(b, stream) == 2);
            CHECK_FALSE(listed(c, stream));
            CHECK(readable(c, stream) == 0);
            CHECK_FALSE(accepted(c, message(stream, QStringLiteral("carol was here"))));
            CHECK(readable(a, stream) == 2);
            // A user's own stream is theirs alone.
            const QString own = QStringLiteral("user:") + env->userId(QStringLiteral("alice"));
            a.submit(entryOf(own, QStringLiteral("pref"), R"({"stream":"channel:x","muted":true})"));
            CHECK(readable(a, own) >= 1);
            CHECK_FALSE(listed(b, own));
            CHECK(readable(b, own) == 0);
        }
    }
}

TEST_CASE("Contract: the registry names its backends and refuses unknown ones")
{
    sync::BackendRegistry registry;
    CHECK(registry.names().contains(QStringLiteral("local")));
    auto missing = registry.create(QStringLiteral("carrier-pigeon"), {});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message.contains(QStringLiteral("carrier-pigeon")));
}
