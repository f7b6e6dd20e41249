#include "convene/media/ice_description.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>

namespace convene::media {

namespace {

const QLatin1String kCandidatePrefix("candidate:");
const QStringList kTypes{QStringLiteral("host"), QStringLiteral("srflx"), QStringLiteral("prflx"),
                         QStringLiteral("relay")};
const QStringList kTcpTypes{QStringLiteral("active"), QStringLiteral("passive"), QStringLiteral("so")};

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("ICE description: ") + message);
}

// ice-char = ALPHA / DIGIT / "+" / "/" (RFC 8839, section 5.4)
bool isIceString(const QString& value, int minimum, int maximum)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9+/]*$"));
    return value.size() >= minimum && value.size() <= maximum && pattern.match(value).hasMatch();
}

bool isReachableAddress(const QString& text)
{
    QHostAddress address;
    if (!address.setAddress(text) || address.toString() != text || !address.scopeId().isEmpty())
        return false;
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return address.toIPv4Address() != 0 && !address.isBroadcast() && !address.isMulticast();
    return address.protocol() == QAbstractSocket::IPv6Protocol && address != QHostAddress::AnyIPv6 &&
           !address.isMulticast();
}

} // namespace

std::optional<QString> iceCandidateProblem(const SdpCandidate& c)
{
    if (c.component != 1)
        return QStringLiteral("a candidate for component %1; only 1 is used").arg(c.component);
    if (!isIceString(c.foundation, 1, 32))
        return QStringLiteral("a candidate's foundation is not 1 to 32 ICE characters");
    if (!kTypes.contains(c.type))
        return QStringLiteral("a candidate of unknown type");
    if (c.port == 0 || !isReachableAddress(c.address))
        return QStringLiteral("a candidate's address is not a literal address with a port a check can go to");
    if (c.transport == u"tcp" && !kTcpTypes.contains(c.tcpType))
        return QStringLiteral("a TCP candidate without a valid tcptype");
    if (c.transport == u"udp" && !c.tcpType.isEmpty())
        return QStringLiteral("a UDP candidate with a tcptype");
    if (!c.relatedAddress.isEmpty() && QHostAddress(c.relatedAddress).isNull())
        return QStringLiteral("a candidate's related address is not an address");
    return std::nullopt;
}

Result<IceDescription> parseIceDescription(const QJsonObject& json)
{
    if (json.value(QLatin1String("type")).toString() != QLatin1String("ice"))
        return invalid(QStringLiteral("not of type \"ice\""));
    IceDescription description;
    description.ufrag = json.value(QLatin1String("ufrag")).toString();
    description.pwd = json.value(QLatin1String("pwd")).toString();
    description.peerUfrag = json.value(QLatin1String("peerUfrag")).toString();
    if (!isIceString(description.ufrag, 4, 256))
        return invalid(QStringLiteral("the ufrag is not 4 to 256 ICE characters"));
    if (!isIceString(description.pwd, 22, 256))
        return invalid(QStringLiteral("the password is not 22 to 256 ICE characters"));
    if (!isIceString(description.peerUfrag, 0, 256))
        return invalid(QStringLiteral("the peer's ufrag is not up to 256 ICE characters"));
    const QJsonValue complete = json.value(QLatin1String("complete"));
    if (!complete.isBool() && !complete.isUndefined())
        return invalid(QStringLiteral("\"complete\" is not true or false"));
    description.complete = complete.toBool();

    const QJsonValue candidates = json.value(QLatin1String("candidates"));
    if (!candidates.isArray() && !candidates.isUndefined())
        return invalid(QStringLiteral("\"candidates\" is not a list"));
    const QJsonArray list = candidates.toArray();
    if (list.size() > kMaxIceCandidates)
        return invalid(QStringLiteral("more than %1 candidates").arg(kMaxIceCandidates));
    for (const QJsonValue& value : list) {
        const QString text = value.toString();
        if (!value.isString() || !text.startsWith(kCandidatePrefix) || text.size() > 512)
            return invalid(QStringLiteral("a candidate is not a \"candidate:\" line of up to 512 characters"));
        const auto candidate = parseSdpCandidate(QStringView(text).mid(kCandidatePrefix.size()));
        if (!candidate)
            return invalid(QStringLiteral("a candidate line does not parse"));
        if (const auto problem = iceCandidateProblem(*candidate))
            return invalid(*problem);
        description.candidates << *candidate;
    }
    return description;
}

QJsonObject toJson(const IceDescription& description)
{
    QJsonArray candidates;
    for (const SdpCandidate& candidate : description.candidates)
        candidates.append(kCandidatePrefix + sdpCandidateValue(candidate));
    QJsonObject json{{QStringLiteral("type"), QStringLiteral("ice")},
                     {QStringLiteral("ufrag"), description.ufrag},
                     {QStringLiteral("pwd"), description.pwd},
                     {QStringLiteral("candidates"), candidates},
                     {QStringLiteral("complete"), description.complete}};
    if (!description.peerUfrag.isEmpty())
        json.insert(QStringLiteral("peerUfrag"), description.peerUfrag);
    return json;
}

} // namespace convene::media
