#pragma once

#include <QtQml/qqmlregistration.h>

#include "convene/chat/cache_reader.h"
#include "convene/chat/chat_events.h"
#include "convene/chat/directory.h"
#include "convene/chat/message_decorations.h"
#include "convene/chat/message_html_style.h"

#include <convene/store/change_notifier.h>

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QUuid>
#include <QVariantList>

#include <functional>
#include <optional>

namespace convene::chat {

struct MarkdownContext;
struct MessageScope;
struct StoredMessage;

// A window onto one conversation's messages (or one thread) in the cache: it pages lazily both
// ways, keeps at most `windowLimit` rows (so scrolling through any history stays within bounded
// memory), folds in edits, deletions, reactions and thread replies, and follows live changes.
class MessageListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the chat feature")
    Q_PROPERTY(QString streamId READ streamId NOTIFY opened)
    Q_PROPERTY(double threadRoot READ threadRoot NOTIFY opened)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool hasOlder READ hasOlder NOTIFY boundsChanged)
    Q_PROPERTY(bool hasNewer READ hasNewer NOTIFY boundsChanged)
    Q_PROPERTY(double readMarker READ readMarker NOTIFY opened)
    // The colours of the "html" role; without a style, the Markdown renderer's defaults.
    Q_PROPERTY(convene::chat::MessageHtmlStyle* htmlStyle READ htmlStyle WRITE setHtmlStyle NOTIFY htmlStyleChanged)

public:
    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        PosRole,
        ClientIdRole,
        AuthorRole,
        AuthorNameRole,
        TextRole,
        HtmlRole,
        TimeRole,
        EditedRole,
        DeletedRole,
        StateRole,
        ErrorRole,
        OwnRole,
        ShowHeaderRole,
        DayBreakRole,
        DayLabelRole,
        FirstUnreadRole,
        ReactionsRole,
        ReplyCountRole,
        LastReplyTimeRole,
        RepliersRole,
        AttachmentsRole,
        ThreadRootRole,
        MentionsMeRole,
        InvitationRole, // {calendar, uid} of the calendar event the message invites to, or empty
        HiddenAttachmentsRole, // how many files the message names beyond those "attachments" gives
        NoticeRole, // a call's start or end in the conversation, as plain text; empty for messages
        NoticeKindRole, // "callStarted", "callEnded", or empty for messages
        PlainTextRole, // the "html" role as text read aloud: mentions as names, links as their text
        LinksRole, // the links in the "html" role, [{text, url}]
    };

    MessageListModel(CacheReader& cache, store::ChangeNotifier& changes, Directory& directory, QString userId,
                     QObject* parent = nullptr);

    static constexpr int kPageSize = 60;
    void setWindowLimit(int rows) { m_windowLimit = std::max(rows, 2 * kPageSize); }
    // Called when the cache holds no older messages but the backend has some.
    void setOlderHistoryRequest(std::function<void(const QString& stream)> request)
    {
        m_requestOlder = std::move(request);
    }

    // Shows the newest messages of `stream` (the thread of the message at position `threadRoot`
    // when not 0), or the messages around position `aroundPos`. Positions are the cache's order
    // keys (the "pos" role). `readMarker`: the last position read before opening, for the "new"
    // line; -1 for none.
    Q_INVOKABLE void open(const QString& stream, qint64 threadRoot = 0, qint64 aroundPos = 0, qint64 readMarker = -1);
    Q_INVOKABLE void close();
    Q_INVOKABLE bool fetchOlder();
    Q_INVOKABLE bool fetchNewer();
    Q_INVOKABLE void showLatest();
    Q_INVOKABLE int rowOfPos(qint64 pos) const;
    Q_INVOKABLE QVariantMap get(int row) const;
    // The row of the user's newest message that can still be edited (not an invitation), or -1.
    Q_INVOKABLE int lastOwnMessageRow() const;

    QString streamId() const { return m_stream; }
    qint64 threadRoot() const { return m_threadRoot; }
    bool hasOlder() const { return m_hasOlder; }
    bool hasNewer() const { return m_hasNewer; }
    qint64 readMarker() const { return m_readMarker; }
    qint64 newestPos() const;
    MessageHtmlStyle* htmlStyle() const { return m_style; }
    void setHtmlStyle(MessageHtmlStyle* style);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void opened();
    void countChanged();
    void boundsChanged();
    void htmlStyleChanged();
    // Messages from others that came in at the live end of the open conversation, oldest first,
    // each {authorName, text} in plain text: what a screen reader announces. Not those shown by
    // opening or paging.
    void arrived(const QVariantList& messages);

private:
    // Rows that are not messages but notices of the conversation's calls.
    enum class Notice { None, CallStarted, CallEnded };
    struct Row {
        int64_t id = 0;
        int64_t pos = 0; // 0 until its place in the server's order is known
        QString serverId; // empty while unsent
        QUuid clientId;
        QString author;
        QString source; // Markdown as sent
        QList<Attachment> attachments;
        int hiddenAttachments = 0;
        std::optional<Invitation> invitation; // only with a well-formed uid
        int state = 0; // 0 sent, 1 pending, 2 failed
        QString error;
        QDateTime time;
        MessageDecoration decoration;
        QString html;
        Notice notice = Notice::None;
        QString callId; // of a call notice whose entry names its call
        bool callVideo = false;
        std::optional<int64_t> callStartTime; // a call's end: when its start entry was placed
        bool operator==(const Row& other) const;
    };
    MessageScope scope() const;
    static QList<Row> rowsOf(const QList<StoredMessage>& messages);
    // The lowest and highest position among the placed rows.
    static std::pair<std::optional<int64_t>, std::optional<int64_t>> placedRange(const QList<Row>& rows);
    void decorate(store::Database& db, QList<Row>& rows);
    // What arrived() says of the rows placed after `lastShownPos`.
    QVariantList arrivalsAfter(const QList<Row>& rows, int64_t lastShownPos) const;
    void render(Row& row) const;
    // Renders every row again and says so for `roles` (all roles when empty).
    void renderAll(const QList<int>& roles);
    void scheduleRestyle();
    void refresh();
    void replaceRows(QList<Row> rows);
    void trim(bool keepNewest);
    void updateBounds(store::Database& db);
    enum class Direction { Older, Newer };
    bool showsBeyond(store::Database& db, int64_t pos, Direction direction) const;
    void touchRow(int row);
    void updateFirstUnread();
    QString currentText(const Row& row) const;
    QString noticeText(const Row& row) const;

    CacheReader& m_cache;
    Directory& m_directory;
    QString m_userId;
    std::function<void(const QString&)> m_requestOlder;
    QString m_stream;
    int64_t m_threadRoot = 0; // position of the thread's root
    QString m_threadRootId; // its server id
    int64_t m_readMarker = -1;
    int m_windowLimit = 400;
    QList<Row> m_rows;
    bool m_hasOlder = false;
    bool m_hasNewer = false;
    QPointer<MessageHtmlStyle> m_style;
    bool m_restylePending = false;
    int64_t m_firstUnreadId = 0;
};

} // namespace convene::chat
