// Two app processes on one workspace: what one writes reaches the other live.
#include "sync_fixture.h"

#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

using namespace convene;
using convene::test::SyncProfile;

TEST_CASE("Writes from another process on the same workspace arrive within 100 ms (median)")
{
    QTemporaryDir dir;
    SyncProfile bob(dir.path(), QStringLiteral("bob"));
    REQUIRE(bob.waitForState(sync::ConnectionState::Online));

    QProcess writer;
    writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    writer.start(QStringLiteral(CRASH_CHILD), {dir.path(), QStringLiteral("0"), QStringLiteral("submit")});
    REQUIRE(writer.waitForStarted(5000));

    // Each time a newer event shows up in bob's cache, how long ago did the other process commit it?
    QList<qint64> lags;
    qint64 newest = 0;
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + 2500;
    while (QDateTime::currentMSecsSinceEpoch() < until) {
        QTest::qWait(5);
        const qint64 latest =
            bob.count(QStringLiteral("SELECT coalesce(max(server_time), 0) FROM entries WHERE kind = 'crash'"));
        if (latest > newest) {
            if (newest > 0)
                lags << QDateTime::currentMSecsSinceEpoch() - latest;
            newest = latest;
        }
    }
    writer.kill();
    writer.waitForFinished(5000);

    REQUIRE(lags.size() > 10);
    std::sort(lags.begin(), lags.end());
    const qint64 median = lags.at(lags.size() / 2);
    std::printf("two processes: %lld updates seen, median lag %lld ms, p95 %lld ms\n", (long long)lags.size(),
                (long long)median, (long long)lags.at(lags.size() * 95 / 100));
    CHECK(median < 100);
}
