#include <convene/core/uuid_v7.h>

#include <catch2/catch.hpp>

#include <QSet>

using convene::UuidV7Generator;

TEST_CASE("UUIDv7 carries version, variant and the generation time")
{
    UuidV7Generator generator([] { return int64_t(1'700'000'000'123); }, 42);
    const QUuid id = generator.next();
    CHECK(UuidV7Generator::isV7(id));
    CHECK(id.variant() == QUuid::DCE);
    CHECK(UuidV7Generator::timestampMs(id) == 1'700'000'000'123);
}

TEST_CASE("UUIDv7 ids from one generator sort in creation order, even within one millisecond")
{
    int64_t now = 1'700'000'000'000;
    UuidV7Generator generator([&now] { return now; }, 7);
    QByteArray previous = generator.next().toRfc4122();
    QSet<QUuid> seen;
    for (int i = 0; i < 20000; ++i) {
        if (i % 5000 == 4999)
            ++now;
        const QUuid id = generator.next();
        const QByteArray bytes = id.toRfc4122();
        REQUIRE(bytes > previous);
        previous = bytes;
        seen.insert(id);
    }
    CHECK(seen.size() == 20000);
}

TEST_CASE("UUIDv7 stays monotonic when the wall clock steps back")
{
    int64_t now = 1'700'000'000'000;
    UuidV7Generator generator([&now] { return now; }, 1);
    const QByteArray before = generator.next().toRfc4122();
    now -= 60'000;
    const QUuid after = generator.next();
    CHECK(after.toRfc4122() > before);
    CHECK(UuidV7Generator::timestampMs(after) >= 1'700'000'000'000);
}

TEST_CASE("Version 4 ids are not taken for UUIDv7")
{
    CHECK_FALSE(UuidV7Generator::isV7(QUuid::createUuid()));
}
