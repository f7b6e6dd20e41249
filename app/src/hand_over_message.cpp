#include "hand_over_message.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <optional>

namespace convene::handover {

namespace {

QString text(const char* source)
{
    return QCoreApplication::translate("HandOver", source);
}

Error refused(const QString& why)
{
    return makeError(ErrorCode::InvalidArgument, why);
}

std::optional<QJsonObject> objectOf(const QByteArray& payload)
{
    QJsonParseError parsed;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &parsed);
    if (parsed.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

bool isAppLink(const QString& link)
{
    return link.startsWith(QLatin1String("convene:"), Qt::CaseInsensitive);
}

} // namespace

QByteArray frame(const QByteArray& payload)
{
    QByteArray bytes(kHeaderBytes, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), bytes.data());
    return bytes + payload;
}

FrameReader::Status FrameReader::fail(const QString& error)
{
    m_status = Status::Invalid;
    m_error = error;
    m_payload.clear();
    return m_status;
}

qsizetype FrameReader::bytesWanted() const
{
    if (m_status != Status::NeedMore)
        return 0;
    if (m_length < 0)
        return kHeaderBytes - m_header.size();
    return m_length - m_payload.size();
}

FrameReader::Status FrameReader::feed(QByteArrayView bytes)
{
    if (m_status == Status::Invalid)
        return m_status;
    if (m_status == Status::Complete)
        return bytes.isEmpty() ? m_status : fail(text("More than one message arrived."));
    while (!bytes.isEmpty() && m_status == Status::NeedMore) {
        if (m_length < 0) {
            const qsizetype take = std::min(bytes.size(), kHeaderBytes - m_header.size());
            m_header.append(bytes.first(take));
            bytes = bytes.sliced(take);
            if (m_header.size() < kHeaderBytes)
                break;
            const quint32 length = qFromBigEndian<quint32>(m_header.constData());
            if (length > quint32(kMaxPayloadBytes))
                return fail(text("The message is too large."));
            m_length = qsizetype(length);
            m_payload.reserve(m_length);
        }
        const qsizetype take = std::min(bytes.size(), m_length - m_payload.size());
        m_payload.append(bytes.first(take));
        bytes = bytes.sliced(take);
        if (m_payload.size() == m_length)
            m_status = Status::Complete;
    }
    if (m_status == Status::Complete && !bytes.isEmpty())
        return fail(text("More than one message arrived."));
    return m_status;
}

QByteArray encodeHandOver(const HandOver& message)
{
    QJsonObject object{{QStringLiteral("v"), kVersion},
                       {QStringLiteral("show"), message.show},
                       {QStringLiteral("links"), QJsonArray::fromStringList(message.links)}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<HandOver> decodeHandOver(const QByteArray& payload)
{
    if (payload.size() > kMaxPayloadBytes)
        return refused(text("The message is too large."));
    const auto object = objectOf(payload);
    if (!object)
        return refused(text("The message is not a JSON object."));
    if (object->value(QLatin1String("v")) != QJsonValue(kVersion))
        return refused(text("The message is of an unknown version."));
    const QJsonValue show = object->value(QLatin1String("show"));
    const QJsonValue links = object->value(QLatin1String("links"));
    if (!show.isBool() || !links.isArray())
        return refused(text("The message lacks “show” or “links”."));
    const QJsonArray list = links.toArray();
    if (list.size() > kMaxLinks)
        return refused(text("The message holds too many links."));
    HandOver message;
    message.show = show.toBool();
    for (const QJsonValue& value : list) {
        const QString link = value.toString();
        if (!value.isString() || link.size() > kMaxLinkLength || !isAppLink(link))
            return refused(text("The message holds something other than a convene: link."));
        message.links << link;
    }
    return message;
}

QByteArray encodeReply(const QString& error)
{
    QJsonObject object{{QStringLiteral("v"), kVersion}, {QStringLiteral("ok"), error.isEmpty()}};
    if (!error.isEmpty())
        object.insert(QStringLiteral("error"), error.left(500));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<void> decodeReply(const QByteArray& payload)
{
    const auto object = objectOf(payload);
    if (!object || object->value(QLatin1String("v")) != QJsonValue(kVersion) ||
        !object->value(QLatin1String("ok")).isBool())
        return refused(text("The running Convene gave an answer this version does not understand."));
    if (object->value(QLatin1String("ok")).toBool())
        return {};
    return makeError(ErrorCode::Rejected, object->value(QLatin1String("error")).toString().left(500));
}

} // namespace convene::handover
