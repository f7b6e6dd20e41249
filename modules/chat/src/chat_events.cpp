#include "convene/chat/chat_events.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace convene::chat {

QJsonObject Attachment::toJson() const
{
    QJsonObject object{{QStringLiteral("blob"), blobId},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("mime"), mimeType},
                       {QStringLiteral("size"), double(size)}};
    if (width > 0 && height > 0) {
        object.insert(QStringLiteral("width"), width);
        object.insert(QStringLiteral("height"), height);
    }
    return object;
}

Attachment Attachment::fromJson(const QJsonObject& object)
{
    return {object.value(QStringLiteral("blob")).toString(), object.value(QStringLiteral("name")).toString(),
            object.value(QStringLiteral("mime")).toString(), int64_t(object.value(QStringLiteral("size")).toDouble()),
            object.value(QStringLiteral("width")).toInt(),   object.value(QStringLiteral("height")).toInt()};
}

QJsonObject Invitation::toJson() const
{
    return {{QStringLiteral("calendar"), calendar}, {QStringLiteral("uid"), uid}};
}

bool Invitation::isWellFormedId(const QString& id)
{
    return !id.isEmpty() && id.size() <= kMaxIdLength &&
           std::none_of(id.begin(), id.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

std::optional<Invitation> Invitation::fromPayload(const QJsonObject& payload)
{
    const QJsonObject invite = payload.value(QStringLiteral("invite")).toObject();
    Invitation result;
    result.uid = invite.value(QStringLiteral("uid")).toString();
    if (!isWellFormedId(result.uid))
        return std::nullopt;
    // Only a hint of where the event is kept; a malformed one is dropped, not trusted.
    const QString calendar = invite.value(QStringLiteral("calendar")).toString();
    if (isWellFormedId(calendar))
        result.calendar = calendar;
    return result;
}

QByteArray jsonPayload(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray ReadMarker::toPayload() const
{
    return jsonPayload(
        {{QStringLiteral("stream"), stream}, {QStringLiteral("id"), serverId}, {QStringLiteral("time"), double(time)}});
}

ReadMarker ReadMarker::fromJson(const QJsonObject& payload)
{
    ReadMarker marker;
    marker.stream = payload.value(QStringLiteral("stream")).toString();
    marker.serverId = payload.value(QStringLiteral("id")).toString();
    marker.time = int64_t(payload.value(QStringLiteral("time")).toDouble());
    marker.legacyPosition = int64_t(payload.value(QStringLiteral("seq")).toDouble());
    return marker;
}

QByteArray messagePayload(const QString& text, const QList<Attachment>& attachments)
{
    QJsonObject object{{QStringLiteral("text"), text}};
    if (!attachments.isEmpty()) {
        QJsonArray list;
        for (const Attachment& a : attachments)
            list.append(a.toJson());
        object.insert(QStringLiteral("attachments"), list);
    }
    return jsonPayload(object);
}

QJsonObject parsePayload(const QByteArray& payload)
{
    if (payload.isEmpty())
        return {};
    return QJsonDocument::fromJson(payload).object(); // malformed: empty object
}

namespace {
bool namesBlob(const QJsonValue& value)
{
    const QJsonValue blob = value.toObject().value(QStringLiteral("blob"));
    return blob.isString() && !blob.toString().isEmpty();
}
} // namespace

QList<Attachment> attachmentsOf(const QJsonObject& payload)
{
    QList<Attachment> result;
    const QJsonArray list = payload.value(QStringLiteral("attachments")).toArray();
    for (const QJsonValue value : list) {
        if (result.size() == kMaxAttachmentsPerMessage)
            break;
        if (namesBlob(value))
            result << Attachment::fromJson(value.toObject());
    }
    return result;
}

int hiddenAttachmentsOf(const QJsonObject& payload)
{
    const QJsonArray list = payload.value(QStringLiteral("attachments")).toArray();
    const auto files = std::count_if(list.begin(), list.end(), [](const QJsonValue& v) { return namesBlob(v); });
    return int(std::max<qsizetype>(0, files - kMaxAttachmentsPerMessage));
}

bool isConversationKind(const QString& streamKind)
{
    return streamKind == u"channel" || streamKind == u"private" || streamKind == u"dm";
}

QString userStream(const QString& userId)
{
    return QStringLiteral("user:") + userId;
}

QString directStream(QStringList memberIds)
{
    memberIds.sort();
    memberIds.removeDuplicates();
    memberIds.removeAll(QString());
    return QStringLiteral("dm:") + memberIds.join(u'+');
}

QStringList directMembers(const QString& streamId)
{
    if (!streamId.startsWith(QLatin1String("dm:")))
        return {};
    return streamId.mid(3).split(u'+', Qt::SkipEmptyParts);
}

} // namespace convene::chat
