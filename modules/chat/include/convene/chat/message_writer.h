#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/chat_events.h"
#include "convene/chat/message_lookup.h"

#include <QObject>
#include <QString>

#include <optional>

namespace convene::sync {
class SyncService;
} // namespace convene::sync

namespace convene::chat {

class AttachmentUploads;
class CacheReader;
class ChannelAdmin;
class ConversationState;
class Directory;
class Drafts;
class MessageListModel;
class TypingTracker;

// Writes what the user says in the open conversation: messages, edits, deletions, reactions,
// and retrying or discarding what failed to send. Each action validates its input and returns
// an error for the user, or an empty string when done. The open conversation is the timeline's.
// Also the messages the app writes for the user elsewhere (calendar invitations).
class MessageWriter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")

public:
    static constexpr int kMaxMessageLength = 40'000;

    struct Parts {
        sync::SyncService& sync;
        CacheReader& cache;
        Directory& directory;
        ConversationState& state;
        ChannelAdmin& admin;
        Drafts& drafts;
        TypingTracker& typing;
        MessageListModel& timeline;
        MessageListModel& thread;
        AttachmentUploads& uploads;
        AttachmentUploads& threadUploads;
    };
    MessageWriter(Parts parts, QString userId, QObject* parent = nullptr);

    Q_INVOKABLE QString send(const QString& text, qint64 threadRoot = 0);
    Q_INVOKABLE QString edit(qint64 pos, const QString& text);
    Q_INVOKABLE QString remove(qint64 pos);
    Q_INVOKABLE QString toggleReaction(qint64 pos, const QString& emoji);
    Q_INVOKABLE void retry(const QString& clientId);
    Q_INVOKABLE void discard(const QString& clientId);
    // Tells one other member about a calendar event in the direct message with them, without
    // opening it: a message whose text reads well in any client and whose payload names the
    // event ("invite"), which this app shows as a card from the calendar's own data.
    QString sendInvitation(const QString& userId, const Invitation& invitation);

    // The text of a message as the composer shows it (mention tokens as @Name) for editing.
    Q_INVOKABLE QString editableText(const QString& markdown) const;
    Q_INVOKABLE QString quote(const QString& markdown, const QString& authorName) const;
    // "@Li Wei" typed or completed in the composer becomes the token "<@demo-li-wei>".
    QString encodeMentions(const QString& text) const;

    // The open conversation's sent message at `pos`, for entries that refer to it.
    std::optional<MessageKey> sentMessage(qint64 pos) const;

private:
    QString currentStream() const;
    QString lengthError(const QString& text) const;
    // What the user typed as it is stored: emoji shortcodes replaced, mentions as tokens.
    QString outgoingMarkdown(const QString& text) const;

    Parts m_parts;
    QString m_userId;
};

} // namespace convene::chat
