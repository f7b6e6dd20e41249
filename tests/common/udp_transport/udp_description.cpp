#include "udp_description.h"

#include "udp_transport.h"

#include <QJsonArray>
#include <QJsonValue>

#include <cmath>
#include <optional>

namespace convene::media {

namespace {

Error invalid(QString message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

// Only the canonical dotted quad, and only addresses a check can meaningfully go to.
std::optional<QHostAddress> parseIpv4(const QJsonValue& value)
{
    if (!value.isString())
        return std::nullopt;
    const QString text = value.toString();
    QHostAddress address;
    if (!address.setAddress(text) || address.protocol() != QAbstractSocket::IPv4Protocol || address.toString() != text)
        return std::nullopt;
    if (address.toIPv4Address() == 0 || address.isBroadcast() || address.isMulticast())
        return std::nullopt;
    return address;
}

std::optional<double> parseInteger(const QJsonValue& value, double min, double max)
{
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number != std::floor(number) || number < min || number > max)
        return std::nullopt;
    return number;
}

} // namespace

Result<UdpDescription> parseUdpDescription(const QJsonObject& description)
{
    if (description.isEmpty())
        return invalid(QStringLiteral("remote description is empty"));
    if (description.value(QLatin1String("type")).toString() != QLatin1String("udp"))
        return invalid(QStringLiteral("remote description is not of type \"udp\""));

    const QJsonValue tokenValue = description.value(QLatin1String("token"));
    if (!tokenValue.isString())
        return invalid(QStringLiteral("remote description has no token"));
    const auto decoded =
        QByteArray::fromBase64Encoding(tokenValue.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != UdpTransport::kTokenSize)
        return invalid(
            QStringLiteral("remote description token is not %1 bytes of base64").arg(UdpTransport::kTokenSize));

    const QJsonValue candidatesValue = description.value(QLatin1String("candidates"));
    if (!candidatesValue.isArray())
        return invalid(QStringLiteral("remote description has no candidate list"));
    const QJsonArray candidates = candidatesValue.toArray();
    if (candidates.isEmpty())
        return invalid(QStringLiteral("remote description has no candidates"));
    if (candidates.size() > UdpTransport::kMaxCandidates)
        return invalid(QStringLiteral("remote description has %1 candidates (at most %2)")
                           .arg(candidates.size())
                           .arg(UdpTransport::kMaxCandidates));

    UdpDescription result{decoded.decoded, {}};
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].isObject())
            return invalid(QStringLiteral("remote candidate %1 is not an object").arg(i));
        const QJsonObject candidate = candidates[i].toObject();
        const auto address = parseIpv4(candidate.value(QLatin1String("ip")));
        if (!address)
            return invalid(QStringLiteral("remote candidate %1 has no valid IPv4 address").arg(i));
        const auto port = parseInteger(candidate.value(QLatin1String("port")), 1, 65535);
        if (!port)
            return invalid(QStringLiteral("remote candidate %1 has no valid port").arg(i));
        double priority = 0;
        if (candidate.contains(QLatin1String("priority"))) {
            const auto parsed = parseInteger(candidate.value(QLatin1String("priority")), 0, 4294967295.0);
            if (!parsed)
                return invalid(QStringLiteral("remote candidate %1 has an invalid priority").arg(i));
            priority = *parsed;
        }
        result.candidates.append({*address, quint16(*port), quint32(priority)});
    }
    return result;
}

} // namespace convene::media
