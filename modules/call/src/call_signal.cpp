#include "convene/call/call_signal.h"

#include "versioned_json.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <utility>

namespace convene::call {

namespace {

constexpr std::array<std::pair<CallSignal::Type, const char*>, 8> kTypeNames{{
    {CallSignal::Type::Invite, "invite"},
    {CallSignal::Type::Cancel, "cancel"},
    {CallSignal::Type::Decline, "decline"},
    {CallSignal::Type::Join, "join"},
    {CallSignal::Type::Present, "present"},
    {CallSignal::Type::Leave, "leave"},
    {CallSignal::Type::Transport, "transport"},
    {CallSignal::Type::Query, "query"},
}};

constexpr qsizetype kMaxIdLength = 128;

Error invalid(const QString& what)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("call signal: %1").arg(what));
}

bool validId(const QString& id)
{
    return !id.isEmpty() && id.size() <= kMaxIdLength;
}

bool validEndpoint(const QString& id)
{
    return !id.isEmpty() && id.size() <= CallSignal::kMaxEndpointLength;
}

} // namespace

QString endpointId(const QString& userId, const QString& instance)
{
    return userId + u'/' + instance;
}

bool endpointBelongsTo(const QString& endpoint, const QString& userId)
{
    // The instance may not hold a '/': "a/b/c" belongs to "a/b" alone, never also to "a".
    const qsizetype prefix = userId.size() + 1;
    return !userId.isEmpty() && endpoint.size() > prefix && endpoint.startsWith(userId) &&
           endpoint.at(userId.size()) == u'/' && !QStringView(endpoint).mid(prefix).contains(u'/');
}

const char* toString(CallSignal::Type type)
{
    for (const auto& [value, name] : kTypeNames)
        if (value == type)
            return name;
    return "?";
}

QByteArray CallSignal::encode() const
{
    QJsonObject object{{QStringLiteral("v"), 1},
                       {QStringLiteral("type"), QString::fromLatin1(toString(type))},
                       {QStringLiteral("call"), callId},
                       {QStringLiteral("endpoint"), endpoint}};
    switch (type) {
    case Type::Invite:
        object.insert(QStringLiteral("video"), video);
        object.insert(QStringLiteral("started"), startedAtMs);
        break;
    case Type::Join:
        object.insert(QStringLiteral("audioMuted"), audioMuted);
        object.insert(QStringLiteral("videoOff"), videoOff);
        break;
    case Type::Present:
        object.insert(QStringLiteral("video"), video);
        object.insert(QStringLiteral("started"), startedAtMs);
        object.insert(QStringLiteral("audioMuted"), audioMuted);
        object.insert(QStringLiteral("videoOff"), videoOff);
        object.insert(QStringLiteral("participants"), QJsonArray::fromStringList(participants));
        break;
    case Type::Transport:
        object.insert(QStringLiteral("to"), to);
        object.insert(QStringLiteral("description"), transportDescription);
        break;
    case Type::Cancel:
    case Type::Decline:
    case Type::Leave:
    case Type::Query: break;
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<CallSignal> CallSignal::decode(const QByteArray& payload, const QString& sender)
{
    const Result<QJsonObject> read = readVersionedJson(payload, kMaxEncodedSize, QStringLiteral("call signal"));
    if (!read)
        return read.error();
    const QJsonObject& object = *read;

    CallSignal signal;
    const QString typeName = object.value(QStringLiteral("type")).toString();
    bool known = false;
    for (const auto& [value, name] : kTypeNames)
        if (typeName == QLatin1String(name)) {
            signal.type = value;
            known = true;
        }
    if (!known)
        return invalid(QStringLiteral("unknown type \"%1\"").arg(typeName.left(32)));

    signal.callId = object.value(QStringLiteral("call")).toString();
    signal.endpoint = object.value(QStringLiteral("endpoint")).toString();
    signal.sender = sender;
    if (!validId(signal.callId))
        return invalid(QStringLiteral("missing or overlong call id"));
    if (!validEndpoint(signal.endpoint))
        return invalid(QStringLiteral("missing or overlong endpoint"));
    if (!validId(sender))
        return invalid(QStringLiteral("no sender"));

    signal.video = object.value(QStringLiteral("video")).toBool();
    signal.audioMuted = object.value(QStringLiteral("audioMuted")).toBool();
    signal.videoOff = object.value(QStringLiteral("videoOff")).toBool();
    // toInteger() refuses doubles out of the 64-bit range instead of overflowing.
    signal.startedAtMs = object.value(QStringLiteral("started")).toInteger();
    if (signal.startedAtMs < 0)
        return invalid(QStringLiteral("negative start time"));

    if (signal.type == Type::Present) {
        const QJsonValue list = object.value(QStringLiteral("participants"));
        if (!list.isArray() || list.toArray().size() > kMaxParticipants)
            return invalid(QStringLiteral("participants must be a list of at most %1").arg(kMaxParticipants));
        for (const QJsonValue value : list.toArray()) {
            if (!value.isString() || !validEndpoint(value.toString()))
                return invalid(QStringLiteral("bad participant"));
            signal.participants << value.toString();
        }
    }
    if (signal.type == Type::Transport) {
        signal.to = object.value(QStringLiteral("to")).toString();
        if (!validEndpoint(signal.to))
            return invalid(QStringLiteral("transport without a recipient"));
        const QJsonValue description = object.value(QStringLiteral("description"));
        if (!description.isObject())
            return invalid(QStringLiteral("transport without a description"));
        signal.transportDescription = description.toObject();
    }
    return signal;
}

} // namespace convene::call
