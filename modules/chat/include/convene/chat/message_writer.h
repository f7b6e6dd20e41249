#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/chat_events.h"
#include "convene/chat/message_lookup.h"
#include "convene/chat/pending_writes.h"

#include <QObject>
#include <QString>
#include <QUuid>
#include <QVariantList>

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
// an error for the user, or an empty string when handed to sync. The open conversation is the
// timeline's. Also the messages the app writes for the user elsewhere (calendar invitations).
//
// Nothing the user typed is let go before it is in the outbox: the composer keeps a message or
// an edit until composerWritten. What could not be written (a full disk) stays in its composer,
// or goes back to its conversation's draft when the user has moved on, and is listed in
// `unsaved` for the conversation to show, with Retry.
class MessageWriter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    // What could not be written, oldest first: maps of stream, what ("message", "edit",
    // "delete", "reaction"), text (of messages and edits) and reason.
    Q_PROPERTY(QVariantList unsaved READ unsaved NOTIFY unsavedChanged)

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
    // `threadRoot`: the composer the edit is made in (0: the conversation's).
    Q_INVOKABLE QString edit(qint64 pos, const QString& text, qint64 threadRoot = 0);
    Q_INVOKABLE QString remove(qint64 pos);
    Q_INVOKABLE QString toggleReaction(qint64 pos, const QString& emoji);
    Q_INVOKABLE void retry(const QString& clientId);
    Q_INVOKABLE void discard(const QString& clientId);

    QVariantList unsaved() const;
    // Writes again what could not be written in `stream`, as it was (each still counts once).
    Q_INVOKABLE void retryUnsaved(const QString& stream);
    // Forgets it; a message's text stays in its composer or draft.
    Q_INVOKABLE void dismissUnsaved(const QString& stream);
    // Whether the change is one of the writes above (waiting for the outbox or unsaved).
    bool handles(const QUuid& clientId) const;

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

signals:
    // What the composer of `stream` (and thread `threadRoot`, 0 for the conversation's) sent is
    // in the outbox: `text`, a new message, or the edit of the message at `editPos` (else 0).
    void composerWritten(const QString& stream, qint64 threadRoot, const QString& text, qint64 editPos);
    // It could not be written: the composer keeps it, and `unsaved` says why.
    void composerNotWritten(const QString& stream, qint64 threadRoot);
    void unsavedChanged();

private:
    // Hands the write's change to sync and waits for the outbox's answer; an error for the
    // user when there is no conversation to write to.
    QString track(PendingWrites::Write write);
    void onQueued(const QList<QUuid>& clientIds);
    void onNotQueued(const QList<sync::Mutation>& mutations, const Error& error);
    QString currentStream() const;
    QString lengthError(const QString& text) const;
    // What the user typed as it is stored: emoji shortcodes replaced, mentions as tokens.
    QString outgoingMarkdown(const QString& text) const;

    Parts m_parts;
    QString m_userId;
    PendingWrites m_writes;
};

} // namespace convene::chat
