#include "xmpp_test_support.h"

#include <stream_management.h>

#include <limits>

using namespace convene::xmpp;
using namespace Qt::StringLiterals;

namespace {

XmlElement message(int n)
{
    return XmlElement(u"message"_s, u"jabber:client"_s).withAttribute(u"id"_s, QString::number(n));
}

QStringList idsOf(const std::deque<XmlElement>& stanzas)
{
    QStringList ids;
    for (const XmlElement& stanza : stanzas)
        ids.append(stanza.attribute(u"id"));
    return ids;
}

} // namespace

TEST_CASE("Acknowledged stanzas leave the queue, the rest stay in order")
{
    StreamManagementCounters sm;
    for (int n = 1; n <= 4; ++n)
        CHECK_FALSE(sm.recordOutbound(message(n)));
    CHECK(sm.outboundCount() == 4);
    REQUIRE(sm.acknowledge(2).ok());
    CHECK(idsOf(sm.unacknowledged()) == QStringList{u"3"_s, u"4"_s});
    REQUIRE(sm.acknowledge(2).ok()); // the same h again changes nothing
    CHECK(sm.unacknowledged().size() == 2);
    REQUIRE(sm.acknowledge(4).ok());
    CHECK(sm.unacknowledged().empty());
}

TEST_CASE("An ack request is due after every fifth stanza")
{
    StreamManagementCounters sm;
    QList<bool> due;
    for (int n = 1; n <= 10; ++n)
        due.append(sm.recordOutbound(message(n)));
    CHECK(due == QList<bool>{false, false, false, false, true, false, false, false, false, true});
}

TEST_CASE("An h acknowledging more than was sent, or going backwards, is refused")
{
    StreamManagementCounters sm;
    sm.recordOutbound(message(1));
    sm.recordOutbound(message(2));
    CHECK_FALSE(sm.acknowledge(3).ok());
    CHECK(sm.unacknowledged().size() == 2); // nothing dropped on a refused h
    REQUIRE(sm.acknowledge(1).ok());
    CHECK_FALSE(sm.acknowledge(0).ok()); // backwards reads as 2^32 - 1 new acks
    CHECK(idsOf(sm.unacknowledged()) == QStringList{u"2"_s});
}

TEST_CASE("Counters wrap at 2^32 on both sides")
{
    constexpr quint32 max = std::numeric_limits<quint32>::max();
    StreamManagementCounters sm(max - 1);
    for (int n = 1; n <= 4; ++n)
        sm.recordOutbound(message(n));
    CHECK(sm.outboundCount() == 2); // max - 1 + 4, mod 2^32
    REQUIRE(sm.acknowledge(max).ok());
    CHECK(idsOf(sm.unacknowledged()) == QStringList{u"2"_s, u"3"_s, u"4"_s});
    REQUIRE(sm.acknowledge(1).ok()); // across the wrap: max, 0, 1
    CHECK(idsOf(sm.unacknowledged()) == QStringList{u"4"_s});
    CHECK_FALSE(sm.acknowledge(3).ok());

    sm.countInbound();
    sm.countInbound();
    CHECK(sm.inboundCount() == 0);
    sm.countInbound();
    CHECK(sm.inboundCount() == 1);
}

TEST_CASE("A new stream takes over what the old one had not got acknowledged")
{
    StreamManagementCounters sm;
    for (int n = 1; n <= 3; ++n)
        sm.recordOutbound(message(n));
    sm.countInbound();
    REQUIRE(sm.acknowledge(1).ok());
    CHECK(idsOf(sm.takeUnacknowledgedAndReset()) == QStringList{u"2"_s, u"3"_s});
    CHECK(sm.unacknowledged().empty());
    CHECK(sm.inboundCount() == 0);
    CHECK(sm.outboundCount() == 0);
    sm.recordOutbound(message(4));
    CHECK(sm.acknowledge(1).ok());
}
