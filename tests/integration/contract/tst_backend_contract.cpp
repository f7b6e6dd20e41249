// The contract every backend passes. Each test runs once per backend named in kBackends.
#include "backend_harness.h"

#include <convene/core/uuid_v7.h>
#include <convene/sync/sync_service.h>

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>


using namespace convene;
using convene::test::BackendHarness;

namespace {

const QStringList kBackends{QStringLiteral("local")};

UuidV7Generator& ids()
{
    static UuidV7Generator generator;
    return generator;
}

sync::Mutation message(const QString& stream, const QString& text)
{
    sync::Mutation m;
    m.clientId = ids().next();
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

} // namespace

TEST_CASE("Contract: events of a stream are ordered 1, 2, 3, … in submission order")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            QTemporaryDir dir;
            BackendHarness a(name, dir.path(), QStringLiteral("alice"));
            QSignalSpy acks(a.backend.get(), &sync::Backend::submitted);
            QList<QUuid> sent;
            for (int i = 0; i < 40; ++i) {
                const sync::Mutation m = message(QStringLiteral("channel:order"), QString::number(i));
                sent << m.clientId;
                a.backend->submit(m);
            }
            REQUIRE(QTest::qWaitFor([&] { return acks.count() == 40; }, 5000));
            for (int i = 0; i < 40; ++i) {
                const auto ack = acks.at(i).at(0).value<sync::Ack>();
                CHECK(ack.clientId == sent.at(i));
                CHECK(ack.seq == i + 1);
                CHECK_FALSE(ack.serverId.isEmpty());
            }
            const sync::HistoryPage page = a.history({QStringLiteral("channel:order"),
                                                      sync::HistoryQuery::Direction::After, 0, 100});
            REQUIRE(page.events.size() == 40);
            for (int i = 0; i < 40; ++i)
                CHECK(page.events.at(i).body == QString::number(i));
        }
    }
}

TEST_CASE("Contract: resending a client id is harmless and returns the first acknowledgement")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            QTemporaryDir dir;
            BackendHarness a(name, dir.path(), QStringLiteral("alice"));
            const sync::Mutation m = message(QStringLiteral("channel:dedupe"), QStringLiteral("once"));
            const sync::Ack first = a.submit(m);
            const sync::Ack again = a.submit(m);
            CHECK(again.seq == first.seq);
            CHECK(again.serverId == first.serverId);
            CHECK(again.serverTime == first.serverTime);
            const sync::HistoryPage page = a.history({QStringLiteral("channel:dedupe"),
                                                      sync::HistoryQuery::Direction::After, 0, 10});
            CHECK(page.events.size() == 1);
            CHECK(page.headSeq == 1);
        }
    }
}

TEST_CASE("Contract: history pages forwards and backwards without gaps or overlaps")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            QTemporaryDir dir;
            BackendHarness a(name, dir.path(), QStringLiteral("alice"));
            const QString stream = QStringLiteral("channel:paging");
            for (int i = 1; i <= 120; ++i)
                a.backend->submit(message(stream, QString::number(i)));
            QSignalSpy acks(a.backend.get(), &sync::Backend::submitted);
            REQUIRE(QTest::qWaitFor([&] { return acks.count() == 120; }, 5000));

            QList<int64_t> seen;
            int64_t after = 0;
            for (int pages = 0;; ++pages) {
                REQUIRE(pages < 5);
                const sync::HistoryPage page = a.history({stream, sync::HistoryQuery::Direction::After, after, 50});
                for (const sync::RemoteEvent& e : page.events)
                    seen << e.seq;
                CHECK(page.headSeq == 120);
                if (!page.more)
                    break;
                after = page.events.last().seq;
            }
            REQUIRE(seen.size() == 120);
            for (int i = 0; i < 120; ++i)
                CHECK(seen.at(i) == i + 1);

            const sync::HistoryPage newest = a.history({stream, sync::HistoryQuery::Direction::Before, 121, 50});
            REQUIRE(newest.events.size() == 50);
            CHECK(newest.events.first().seq == 71);
            CHECK(newest.events.last().seq == 120);
            CHECK(newest.more);
            const sync::HistoryPage oldest = a.history({stream, sync::HistoryQuery::Direction::Before, 11, 50});
            CHECK(oldest.events.size() == 10);
            CHECK_FALSE(oldest.more);
        }
    }
}

TEST_CASE("Contract: live events reach another client of the workspace within 100 ms (median)")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            QTemporaryDir dir;
            BackendHarness a(name, dir.path(), QStringLiteral("alice"));
            BackendHarness b(name, dir.path(), QStringLiteral("bob"));
            QList<qint64> latencies;
            for (int i = 0; i < 15; ++i) {
                QSignalSpy live(b.backend.get(), &sync::Backend::eventsReceived);
                const sync::Mutation m = message(QStringLiteral("channel:live"), QStringLiteral("hello %1").arg(i));
                QElapsedTimer clock;
                clock.start();
                a.backend->submit(m);
                bool arrived = false;
                REQUIRE(QTest::qWaitFor([&] {
                    for (const auto& args : live)
                        for (const sync::RemoteEvent& e : args.at(0).value<QList<sync::RemoteEvent>>())
                            if (e.clientId == m.clientId) {
                                arrived = true;
                                CHECK(e.author == QStringLiteral("alice"));
                                CHECK(e.body == m.body);
                            }
                    return arrived;
                }, 3000));
                latencies << clock.elapsed();
            }
            std::sort(latencies.begin(), latencies.end());
            INFO("median latency " << latencies.at(latencies.size() / 2) << " ms");
            CHECK(latencies.at(latencies.size() / 2) < 100);
        }
    }
}

TEST_CASE("Contract: a client that reconnects catches up from its cursor")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            QTemporaryDir dir;
            BackendHarness a(name, dir.path(), QStringLiteral("alice"));
            BackendHarness b(name, dir.path(), QStringLiteral("bob"));
            const QString stream = QStringLiteral("channel:catchup");
            const sync::Ack before = a.submit(message(stream, QStringLiteral("before")));
            b.backend->disconnectFromServer();
            for (int i = 0; i < 5; ++i)
                a.submit(message(stream, QStringLiteral("while away %1").arg(i)));
            b.connect();

            QSignalSpy listed(b.backend.get(), &sync::Backend::streamsListed);
            b.backend->listStreams();
            REQUIRE(listed.wait(3000));
            const auto streams = listed.takeFirst().at(0).value<QList<sync::StreamInfo>>();
            const auto it = std::find_if(streams.begin(), streams.end(),
                                         [&](const sync::StreamInfo& s) { return s.id == stream; });
            REQUIRE(it != streams.end());
            CHECK(it->headSeq == before.seq + 5);
            const sync::HistoryPage missed = b.history({stream, sync::HistoryQuery::Direction::After, before.seq, 100});
            REQUIRE(missed.events.size() == 5);
            CHECK(missed.events.first().body == QStringLiteral("while away 0"));
            CHECK_FALSE(missed.more);
        }
    }
}

TEST_CASE("Contract: blobs round-trip byte for byte; unknown blobs fail clearly")
{
    for (const QString& name : kBackends) {
        DYNAMIC_SECTION(name.toStdString())
        {
            QTemporaryDir dir;
            BackendHarness a(name, dir.path(), QStringLiteral("alice"));
            BackendHarness b(name, dir.path(), QStringLiteral("bob"));
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
            QTemporaryDir dir;
            BackendHarness a(name, dir.path(), QStringLiteral("alice"));
            BackendHarness b(name, dir.path(), QStringLiteral("bob"));
            QSignalSpy atA(a.backend.get(), &sync::Backend::ephemeralReceived);
            QSignalSpy atB(b.backend.get(), &sync::Backend::ephemeralReceived);
            a.backend->sendEphemeral({QStringLiteral("channel:general"), QStringLiteral("typing"), QString(), "{}"});
            REQUIRE(atB.wait(3000));
            const auto received = atB.takeFirst().at(0).value<sync::EphemeralMessage>();
            CHECK(received.kind == QStringLiteral("typing"));
            CHECK(received.sender == QStringLiteral("alice"));
            CHECK(received.stream == QStringLiteral("channel:general"));
            QTest::qWait(150);
            CHECK(atA.isEmpty());
            const sync::HistoryPage page = a.history({QStringLiteral("channel:general"),
                                                      sync::HistoryQuery::Direction::After, 0, 500});
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
            QTemporaryDir dir;
            BackendHarness a(name, dir.path(), QStringLiteral("alice"));
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
            const sync::HistoryPage page = a.history({QStringLiteral("channel:big"), sync::HistoryQuery::Direction::After, 0, 10});
            CHECK(page.events.isEmpty());
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
