// How the message list turns stored entries into its rows, and when a row has changed.
#include "convene/chat/message_list_model.h"

#include "convene/chat/call_notices.h"
#include "convene/chat/chat_events.h"
#include "queries/message_queries.h"

namespace convene::chat {

bool MessageListModel::Row::operator==(const Row& o) const
{
    const auto sameReactions = [](const MessageDecoration& a, const MessageDecoration& b) {
        if (a.reactions.size() != b.reactions.size())
            return false;
        for (int i = 0; i < a.reactions.size(); ++i)
            if (a.reactions[i].emoji != b.reactions[i].emoji || a.reactions[i].users != b.reactions[i].users)
                return false;
        return true;
    };
    return id == o.id && pos == o.pos && serverId == o.serverId && state == o.state && error == o.error &&
           html == o.html && time == o.time && decoration.edited == o.decoration.edited &&
           decoration.deleted == o.decoration.deleted && decoration.replyCount == o.decoration.replyCount &&
           decoration.lastReplyTime == o.decoration.lastReplyTime && decoration.repliers == o.decoration.repliers &&
           sameReactions(decoration, o.decoration) && attachments.size() == o.attachments.size() &&
           hiddenAttachments == o.hiddenAttachments && invitation.has_value() == o.invitation.has_value() &&
           (!invitation || invitation->uid == o.invitation->uid) && notice == o.notice &&
           callStartTime == o.callStartTime;
}

QList<MessageListModel::Row> MessageListModel::rowsOf(const QList<StoredMessage>& messages)
{
    QList<Row> rows;
    rows.reserve(messages.size());
    for (const StoredMessage& m : messages) {
        Row row;
        row.id = m.id;
        row.pos = m.pos;
        row.clientId = m.clientId;
        row.author = m.author;
        const QJsonObject payload = parsePayload(m.payload);
        row.source = payload.value(QStringLiteral("text")).toString();
        row.attachments = attachmentsOf(payload);
        row.hiddenAttachments = hiddenAttachmentsOf(payload);
        row.invitation = Invitation::fromPayload(payload);
        row.state = m.state;
        row.error = m.error;
        row.time = QDateTime::fromMSecsSinceEpoch(m.time);
        row.serverId = m.serverId;
        if (m.kind == kind::callStarted || m.kind == kind::callLeft) {
            row.notice = m.kind == kind::callStarted ? Notice::CallStarted : Notice::CallEnded;
            row.source.clear();
            row.attachments.clear();
            row.hiddenAttachments = 0;
            row.invitation.reset();
            // A start whose payload names no call still tells that a call started; a leave
            // tells nothing without its call.
            if (const std::optional<CallEntry> call = callEntryOf(m.payload)) {
                row.callId = call->callId;
                row.callVideo = call->video;
            }
        }
        rows << row;
    }
    return rows;
}

} // namespace convene::chat
