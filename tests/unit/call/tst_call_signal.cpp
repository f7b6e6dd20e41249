#include <convene/call/call_signal.h>

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using convene::call::CallSignal;

namespace {

CallSignal roundTrip(const CallSignal& signal)
{
    auto decoded = CallSignal::decode(signal.encode(), QStringLiteral("alice"));
    REQUIRE(decoded.ok());
    return decoded.value();
}

QString errorOf(const QByteArray& payload)
{
    auto decoded = CallSignal::decode(payload, QStringLiteral("alice"));
    REQUIRE_FALSE(decoded.ok());
    return decoded.error().message;
}

} // namespace

TEST_CASE("Every call signal type survives encoding with its own fields")
{
    CallSignal present;
    present.type = CallSignal::Type::Present;
    present.callId = QStringLiteral("c1");
    present.endpoint = QStringLiteral("e1");
    present.video = true;
    present.audioMuted = true;
    present.startedAtMs = 1'700'000'000'123;
    present.participants = {QStringLiteral("e2"), QStringLiteral("e3")};
    const CallSignal back = roundTrip(present);
    CHECK(back.type == CallSignal::Type::Present);
    CHECK(back.callId == QLatin1String("c1"));
    CHECK(back.endpoint == QLatin1String("e1"));
    CHECK(back.sender == QLatin1String("alice"));
    CHECK(back.video);
    CHECK(back.audioMuted);
    CHECK_FALSE(back.videoOff);
    CHECK(back.startedAtMs == 1'700'000'000'123);
    CHECK(back.participants == QStringList{QStringLiteral("e2"), QStringLiteral("e3")});

    CallSignal transport;
    transport.type = CallSignal::Type::Transport;
    transport.callId = QStringLiteral("c1");
    transport.endpoint = QStringLiteral("e1");
    transport.to = QStringLiteral("e2");
    transport.transportDescription = {{QStringLiteral("type"), QStringLiteral("udp")}};
    const CallSignal transportBack = roundTrip(transport);
    CHECK(transportBack.to == QLatin1String("e2"));
    CHECK(transportBack.transportDescription.value(QStringLiteral("type")).toString() == QLatin1String("udp"));

    for (auto type : {CallSignal::Type::Invite, CallSignal::Type::Cancel, CallSignal::Type::Decline,
                      CallSignal::Type::Join, CallSignal::Type::Leave, CallSignal::Type::Query}) {
        CallSignal signal;
        signal.type = type;
        signal.callId = QStringLiteral("c1");
        signal.endpoint = QStringLiteral("e1");
        CHECK(roundTrip(signal).type == type);
    }
}

TEST_CASE("The sender comes from the envelope, not from the payload")
{
    const QByteArray forged = R"({"v":1,"type":"join","call":"c","endpoint":"e","sender":"mallory"})";
    auto decoded = CallSignal::decode(forged, QStringLiteral("bob"));
    REQUIRE(decoded.ok());
    CHECK(decoded->sender == QLatin1String("bob"));
}

TEST_CASE("Malformed call signals are refused with a reason")
{
    CHECK(errorOf("not json").contains(QLatin1String("call signal")));
    CHECK(errorOf("[1,2]").contains(QLatin1String("not a JSON object")));
    CHECK(errorOf(R"({"v":2,"type":"join","call":"c","endpoint":"e"})").contains(QLatin1String("version")));
    CHECK(errorOf(R"({"v":1,"type":"dance","call":"c","endpoint":"e"})").contains(QLatin1String("unknown type")));
    CHECK(errorOf(R"({"v":1,"type":"join","endpoint":"e"})").contains(QLatin1String("call id")));
    CHECK(errorOf(R"({"v":1,"type":"join","call":"c"})").contains(QLatin1String("endpoint")));
    CHECK(errorOf(R"({"v":1,"type":"transport","call":"c","endpoint":"e","description":{}})")
              .contains(QLatin1String("recipient")));
    CHECK(errorOf(R"({"v":1,"type":"transport","call":"c","endpoint":"e","to":"f","description":"x"})")
              .contains(QLatin1String("description")));
    CHECK(errorOf(R"({"v":1,"type":"present","call":"c","endpoint":"e","participants":"x"})")
              .contains(QLatin1String("participants")));
    CHECK(errorOf(R"({"v":1,"type":"present","call":"c","endpoint":"e","participants":[1]})")
              .contains(QLatin1String("participant")));

    QJsonArray many;
    for (int i = 0; i < 10; ++i)
        many.append(QStringLiteral("e%1").arg(i));
    const QJsonObject crowded{{QStringLiteral("v"), 1},
                              {QStringLiteral("type"), QStringLiteral("present")},
                              {QStringLiteral("call"), QStringLiteral("c")},
                              {QStringLiteral("endpoint"), QStringLiteral("e")},
                              {QStringLiteral("participants"), many}};
    CHECK(errorOf(QJsonDocument(crowded).toJson()).contains(QLatin1String("at most 9")));

    const QByteArray longId = R"({"v":1,"type":"join","call":")" + QByteArray(200, 'x') + R"(","endpoint":"e"})";
    CHECK(errorOf(longId).contains(QLatin1String("overlong")));
    CHECK(errorOf(QByteArray(CallSignal::kMaxEncodedSize + 1, ' ')).contains(QLatin1String("limit")));

    CHECK(errorOf(R"({"v":1,"type":"invite","call":"c","endpoint":"e","started":-5})")
              .contains(QLatin1String("negative")));
    // Out of the 64-bit range: read as unknown, never overflowed.
    auto huge = CallSignal::decode(
        R"({"v":1,"type":"invite","call":"c","endpoint":"e","started":17000001700000123456})", QStringLiteral("alice"));
    REQUIRE(huge.ok());
    CHECK(huge->startedAtMs == 0);

    auto noSender = CallSignal::decode(R"({"v":1,"type":"join","call":"c","endpoint":"e"})", QString());
    CHECK_FALSE(noSender.ok());
}
