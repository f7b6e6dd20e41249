#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/attachment_uploads.h"
#include "convene/chat/blob_cache.h"
#include "convene/chat/channel_admin.h"
#include "convene/chat/cache_reader.h"
#include "convene/chat/channel_list_model.h"
#include "convene/chat/chat_clipboard.h"
#include "convene/chat/conversation_state.h"
#include "convene/chat/directory.h"
#include "convene/chat/drafts.h"
#include "convene/chat/emoji_catalogue.h"
#include "convene/chat/message_list_model.h"
#include "convene/chat/message_lookup.h"
#include "convene/chat/message_writer.h"
#include "convene/chat/people_model.h"
#include "convene/chat/quick_switcher_model.h"
#include "convene/chat/search_model.h"
#include "convene/chat/typing_tracker.h"

#include <QObject>
#include <QSettings>
#include <QUrl>

namespace convene::sync {
class SyncService;
struct EphemeralMessage;
} // namespace convene::sync

namespace convene::chat {

// The chat feature's face towards QML: owns the models and the parts that act on them (writing
// messages, channel administration, drafts, the clipboard), and knows the open conversation and
// thread.
class ChatController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    Q_PROPERTY(QString userId READ userId CONSTANT)
    Q_PROPERTY(QString currentStream READ currentStream NOTIFY currentChanged)
    Q_PROPERTY(QString currentName READ currentName NOTIFY currentDetailsChanged)
    Q_PROPERTY(QString currentTopic READ currentTopic NOTIFY currentDetailsChanged)
    Q_PROPERTY(QString currentKind READ currentKind NOTIFY currentDetailsChanged)
    Q_PROPERTY(bool currentJoined READ currentJoined NOTIFY currentDetailsChanged)
    Q_PROPERTY(bool currentStarred READ currentStarred NOTIFY currentDetailsChanged)
    Q_PROPERTY(bool currentMuted READ currentMuted NOTIFY currentDetailsChanged)
    Q_PROPERTY(int currentMemberCount READ currentMemberCount NOTIFY currentDetailsChanged)
    Q_PROPERTY(double threadRoot READ threadRoot NOTIFY threadChanged)
    Q_PROPERTY(QStringList typingNames READ typingNames NOTIFY typingChanged)
    Q_PROPERTY(convene::chat::ChannelListModel* channels READ channels CONSTANT)
    Q_PROPERTY(convene::chat::MessageListModel* timeline READ timeline CONSTANT)
    Q_PROPERTY(convene::chat::MessageListModel* thread READ thread CONSTANT)
    Q_PROPERTY(convene::chat::SearchModel* search READ search CONSTANT)
    Q_PROPERTY(convene::chat::PeopleModel* members READ members CONSTANT)
    Q_PROPERTY(convene::chat::PeopleModel* people READ people CONSTANT)
    Q_PROPERTY(convene::chat::QuickSwitcherModel* switcher READ switcher CONSTANT)
    Q_PROPERTY(convene::chat::AttachmentUploads* uploads READ uploads CONSTANT)
    Q_PROPERTY(convene::chat::AttachmentUploads* threadUploads READ threadUploads CONSTANT)
    Q_PROPERTY(convene::chat::BlobCache* blobs READ blobs CONSTANT)
    Q_PROPERTY(convene::chat::Directory* directory READ directory CONSTANT)
    Q_PROPERTY(convene::chat::ChannelAdmin* admin READ admin CONSTANT)
    Q_PROPERTY(convene::chat::Drafts* drafts READ drafts CONSTANT)
    Q_PROPERTY(convene::chat::EmojiCatalogue* emoji READ emoji CONSTANT)
    Q_PROPERTY(convene::chat::MessageWriter* writer READ writer CONSTANT)
    Q_PROPERTY(convene::chat::ChatClipboard* clipboard READ clipboard CONSTANT)

public:
    static constexpr int kHistoryPage = 1000;

    ChatController(sync::SyncService& sync, QString userId, QSettings& state, QString blobDirectory,
                   QObject* parent = nullptr);
    ~ChatController() override;

    QString userId() const { return m_userId; }
    QString currentStream() const { return m_current; }
    QString currentName() const;
    QString currentTopic() const { return m_currentTopic; }
    QString currentKind() const;
    bool currentJoined() const;
    bool currentStarred() const;
    bool currentMuted() const;
    int currentMemberCount() const;
    qint64 threadRoot() const { return m_thread->threadRoot(); }
    QStringList typingNames() const;

    ChannelListModel* channels() { return m_channels; }
    MessageListModel* timeline() { return m_timeline; }
    MessageListModel* thread() { return m_thread; }
    SearchModel* search() { return m_search; }
    PeopleModel* members() { return m_members; }
    PeopleModel* people() { return m_people; }
    QuickSwitcherModel* switcher() { return m_switcher; }
    AttachmentUploads* uploads() { return m_uploads; }
    AttachmentUploads* threadUploads() { return m_threadUploads; }
    BlobCache* blobs() { return m_blobs; }
    Directory* directory() { return m_directory; }
    ChannelAdmin* admin() { return m_admin; }
    Drafts* drafts() { return m_drafts; }
    EmojiCatalogue* emoji() { return m_emoji; }
    MessageWriter* writer() { return m_writer; }
    ChatClipboard* clipboard() { return m_clipboard; }
    ChannelListModel& channelList() { return *m_channels; }
    CacheReader& cache() { return m_cache; }
    ConversationState& conversationState() { return *m_state; }
    Directory& peopleDirectory() { return *m_directory; }

    // Opens a conversation; `pos` (a message's "pos" role) other than 0 shows that message in
    // context, in the thread whose root is at `threadRoot` when that is not 0.
    Q_INVOKABLE void openConversation(const QString& stream, qint64 pos = 0, qint64 threadRoot = 0);
    // Opens the message a link names by its server id (in its thread if it is a reply); false
    // when it is not cached.
    Q_INVOKABLE bool openMessage(const QString& stream, const QString& serverId);
    Q_INVOKABLE void openThread(qint64 rootPos);
    // The conversation open when the app last closed, if the user is still in it.
    Q_INVOKABLE QString lastConversation() const;
    Q_INVOKABLE void closeThread();
    Q_INVOKABLE void markRead();

    Q_INVOKABLE void typing();

    // A link in a message that leads into the app: a document link (convene://docs/<id>) is
    // passed on as appLinkActivated; anything else is ignored.
    Q_INVOKABLE void openAppLink(const QString& link);

signals:
    void currentChanged();
    void currentDetailsChanged();
    void threadChanged();
    void typingChanged();
    // The view should bring this message into sight (after opening or jumping).
    void revealMessage(qint64 pos, bool inThread);
    void notice(const QString& text); // transient feedback, e.g. a paste that could not be attached
    // The user followed a document link in a message; only links openAppLink has checked.
    void appLinkActivated(const QUrl& link);

private:
    void completeHistory(const QString& stream); // fetches older pages until the stream is whole
    void onEphemeral(const sync::EphemeralMessage& message);
    void updateCurrentDetails();

    sync::SyncService& m_sync;
    QString m_userId;
    QSettings& m_settingsState;
    CacheReader m_cache;
    Directory* m_directory;
    ConversationState* m_state;
    ChannelListModel* m_channels;
    MessageListModel* m_timeline;
    MessageListModel* m_thread;
    SearchModel* m_search;
    PeopleModel* m_members;
    PeopleModel* m_people;
    QuickSwitcherModel* m_switcher;
    ChannelAdmin* m_admin;
    Drafts* m_drafts;
    EmojiCatalogue* m_emoji;
    MessageWriter* m_writer;
    ChatClipboard* m_clipboard;
    AttachmentUploads* m_uploads;
    AttachmentUploads* m_threadUploads;
    BlobCache* m_blobs;
    TypingTracker m_typing;
    QString m_current;
    QString m_currentTopic;
};

} // namespace convene::chat
