// A gap in history the backend cannot fill is shown in the header, not refetched in a loop.
#include "scenario.h"

#include "catch_qt_strings.h"

#include <QTest>

using convene::test::Scenario;

TEST_CASE("History the server cannot deliver is reported by the connection status")
{
    Scenario s;
    QObject* status = s.find(QStringLiteral("connectionStatus"));
    REQUIRE(status);
    REQUIRE(s.waitFor([&] { return status->property("state").toString() == QStringLiteral("online"); }, 10000));
    QTest::qWait(1000); // the workspace is cached: the next start catches up after it
    CHECK_FALSE(status->property("incomplete").toBool());

    // Now every stream's head is listed 3 entries beyond what the local backend returns.
    qputenv("CONVENE_LOCAL_FAULTS", "headBeyond=3");
    s.restart();
    status = s.find(QStringLiteral("connectionStatus"));
    REQUIRE(status);
    CHECK(s.waitFor([&] { return status->property("incomplete").toBool(); }, 15000));
    CHECK(status->property("hint").toString().contains(QStringLiteral("could not be loaded")));
    qunsetenv("CONVENE_LOCAL_FAULTS");
}
