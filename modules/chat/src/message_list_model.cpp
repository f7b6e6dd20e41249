#include "convene/chat/message_list_model.h"

#include "convene/chat/call_notices.h"
#include "convene/chat/chat_events.h"
#include "convene/chat/emoji.h"
#include "convene/chat/markdown.h"
#include "convene/chat/message_lookup.h"
#include "convene/chat/rich_text_reading.h"
#include "queries/message_queries.h"
#include "queries/stream_queries.h"

#include <convene/core/language_change.h>

#include <QLocale>
#include <QSet>

#include <limits>
#include <utility>

namespace convene::chat {

namespace {

constexpr int64_t kGroupGapMs = 5 * 60'000; // consecutive messages closer than this share a header
constexpr int kMaxHiddenPages = 8;

QString dayLabel(const QDate& day)
{
    const QDate today = QDate::currentDate();
    if (day == today)
        return MessageListModel::tr("Today");
    if (day == today.addDays(-1))
        return MessageListModel::tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

} // namespace

MessageListModel::MessageListModel(CacheReader& cache, store::ChangeNotifier& changes, Directory& directory,
                                   QString userId, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache), m_directory(directory), m_userId(std::move(userId))
{
    connect(&changes, &store::ChangeNotifier::changed, this, [this](const store::ChangeSet& set) {
        if (!m_stream.isEmpty() && (set.streams.contains(m_stream) || set.tables.contains(QStringLiteral("outbox"))))
            refresh();
    });
    connect(&directory, &Directory::changed, this, [this] { renderAll({}); });
    refreshOnLanguageChange(*this); // day separators
}

void MessageListModel::setHtmlStyle(MessageHtmlStyle* style)
{
    if (m_style == style)
        return;
    if (m_style)
        disconnect(m_style, nullptr, this, nullptr);
    m_style = style;
    if (style)
        connect(style, &MessageHtmlStyle::changed, this, &MessageListModel::scheduleRestyle);
    renderAll({HtmlRole});
    emit htmlStyleChanged();
}

// A theme switch changes every colour of the style one after another: render once for all.
void MessageListModel::scheduleRestyle()
{
    if (std::exchange(m_restylePending, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_restylePending = false;
            renderAll({HtmlRole});
        },
        Qt::QueuedConnection);
}

void MessageListModel::renderAll(const QList<int>& roles)
{
    for (Row& row : m_rows)
        render(row);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), roles);
}

QString MessageListModel::currentText(const Row& row) const
{
    return row.decoration.edited ? row.decoration.text : row.source;
}

void MessageListModel::render(Row& row) const
{
    if (row.decoration.deleted || row.notice != Notice::None) {
        row.html.clear();
        return;
    }
    MarkdownContext context = m_directory.markdownContext();
    context.selfId = m_userId;
    if (m_style)
        m_style->applyTo(context);
    row.html = wrapEmojiRuns(renderMarkdown(currentText(row), context), colorEmojiFontFamily());
}

MessageScope MessageListModel::scope() const
{
    return {m_stream, m_threadRootId, m_threadRootId.isEmpty()};
}

void MessageListModel::decorate(store::Database& db, QList<Row>& rows)
{
    QHash<QString, QString> authors;
    for (const Row& row : rows)
        if (!row.serverId.isEmpty())
            authors.insert(row.serverId, row.author);
    const Decorations decorations = loadDecorations(db, m_stream, authors);
    // Rows already shown keep their HTML while their text stays the same: a live update
    // re-reads the whole window but renders only what changed.
    QHash<int64_t, const Row*> shown;
    for (const Row& row : std::as_const(m_rows))
        shown.insert(row.id, &row);
    // A leave is shown only where its call ended, whoever wrote it.
    for (Row& row : rows)
        if (row.notice == Notice::CallEnded)
            if (const std::optional<CallEnd> end = callEndingAt(db, m_stream, row.callId, row.pos))
                row.callStartTime = end->startTime;
    rows.removeIf([](const Row& row) { return row.notice == Notice::CallEnded && !row.callStartTime; });
    for (Row& row : rows) {
        if (row.notice != Notice::None)
            continue; // nobody edits, deletes or reacts to a call's notice
        row.decoration = decorations.value(row.serverId);
        const Row* before = shown.value(row.id);
        if (before && before != &row && before->decoration.deleted == row.decoration.deleted &&
            currentText(*before) == currentText(row))
            row.html = before->html;
        else
            render(row);
    }
}

void MessageListModel::open(const QString& stream, qint64 threadRoot, qint64 aroundPos, qint64 readMarker)
{
    beginResetModel();
    m_stream = stream;
    m_threadRoot = 0;
    m_threadRootId.clear();
    m_readMarker = readMarker;
    m_rows.clear();
    store::Database* db = m_cache.db();
    if (db && !stream.isEmpty() && threadRoot != 0) {
        // A thread is its root's replies: they refer to the root by its server id.
        if (const std::optional<MessageKey> root = messageAt(*db, stream, threadRoot)) {
            m_threadRoot = threadRoot;
            m_threadRootId = root->serverId;
        }
    }
    if (db && !stream.isEmpty() && (threadRoot == 0 || m_threadRoot != 0)) {
        MessageQueries messages(*db);
        if (aroundPos != 0) {
            m_rows = rowsOf(messages.before(scope(), aroundPos + 1, kPageSize / 2));
            m_rows += rowsOf(messages.after(scope(), aroundPos, kPageSize / 2));
        } else {
            m_rows = rowsOf(messages.latest(scope(), kPageSize));
        }
        updateBounds(*db);
        if (!m_hasNewer)
            m_rows += rowsOf(messages.unsent(scope()));
        decorate(*db, m_rows);
    }
    updateFirstUnread();
    endResetModel();
    emit opened();
    emit countChanged();
    emit boundsChanged();
}

void MessageListModel::close()
{
    open(QString());
}

void MessageListModel::updateBounds(store::Database& db)
{
    const auto [first, last] = placedRange(m_rows);
    const bool wasOlder = m_hasOlder, wasNewer = m_hasNewer;
    MessageQueries messages(db);
    m_hasOlder = first && showsBeyond(db, *first, Direction::Older);
    m_hasNewer = last && showsBeyond(db, *last, Direction::Newer);
    if (!m_hasOlder && m_threadRoot == 0) // the cache may end where the backend's history does not
        m_hasOlder = StreamQueries(db).hasOlderOnServer(m_stream);
    if (wasOlder != m_hasOlder || wasNewer != m_hasNewer)
        emit boundsChanged();
}

// Whether a row the list would show lies beyond `pos`: a leave that did not end its call is in the
// window's query but not shown, and a window ending at one still reaches the newest row.
bool MessageListModel::showsBeyond(store::Database& db, int64_t pos, Direction direction) const
{
    constexpr int kBatch = 16;
    constexpr int kMaxBatches = 8; // past as many unshown leaves in a row, there is said to be more
    MessageQueries messages(db);
    for (int batch = 0; batch < kMaxBatches; ++batch) {
        const QList<StoredMessage> found = direction == Direction::Newer ? messages.after(scope(), pos, kBatch)
                                                                         : messages.before(scope(), pos, kBatch);
        if (found.isEmpty())
            return false;
        for (const Row& row : rowsOf(found))
            if (row.notice != Notice::CallEnded || callEndingAt(db, m_stream, row.callId, row.pos))
                return true;
        pos = direction == Direction::Newer ? found.constLast().pos : found.constFirst().pos;
    }
    return true;
}

void MessageListModel::updateFirstUnread()
{
    m_firstUnreadId = 0;
    if (m_readMarker < 0)
        return;
    for (const Row& row : m_rows) // call notices are no news to read
        if (row.pos > m_readMarker && row.author != m_userId && row.notice == Notice::None) {
            m_firstUnreadId = row.id;
            return;
        }
}

bool MessageListModel::fetchOlder()
{
    store::Database* db = m_cache.db();
    if (!db || m_stream.isEmpty())
        return false;
    std::optional<int64_t> first = placedRange(m_rows).first;
    MessageQueries messages(*db);
    QList<Row> older;
    // Pages of nothing but leaves that ended no call show nothing: look further back.
    for (int page = 0; page < kMaxHiddenPages && older.isEmpty(); ++page) {
        older = rowsOf(first ? messages.before(scope(), *first, kPageSize) : messages.latest(scope(), kPageSize));
        if (older.isEmpty())
            break;
        first = placedRange(older).first;
        decorate(*db, older);
    }
    if (older.isEmpty()) {
        if (m_hasOlder && m_requestOlder && m_threadRoot == 0)
            m_requestOlder(m_stream);
        return false;
    }
    beginInsertRows({}, 0, int(older.size()) - 1);
    m_rows = older + m_rows;
    endInsertRows();
    touchRow(int(older.size()));
    trim(false);
    updateBounds(*db);
    updateFirstUnread();
    emit countChanged();
    return true;
}

bool MessageListModel::fetchNewer()
{
    store::Database* db = m_cache.db();
    if (!db || m_stream.isEmpty() || !m_hasNewer)
        return false;
    std::optional<int64_t> last = placedRange(m_rows).second;
    MessageQueries messages(*db);
    QList<Row> newer;
    for (int page = 0; page < kMaxHiddenPages && newer.isEmpty(); ++page) {
        newer = last ? rowsOf(messages.after(scope(), *last, kPageSize)) : QList<Row>();
        const bool reachedLatest = newer.size() < kPageSize;
        if (const std::optional<int64_t> newest = placedRange(newer).second)
            last = newest;
        if (reachedLatest)
            newer += rowsOf(messages.unsent(scope()));
        decorate(*db, newer);
        if (reachedLatest)
            break;
    }
    if (newer.isEmpty())
        return false;
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at + int(newer.size()) - 1);
    m_rows += newer;
    endInsertRows();
    touchRow(at - 1);
    trim(true);
    updateBounds(*db);
    updateFirstUnread();
    emit countChanged();
    return true;
}

void MessageListModel::showLatest()
{
    if (m_hasNewer)
        open(m_stream, m_threadRoot, 0, m_readMarker);
}

void MessageListModel::trim(bool keepNewest)
{
    const int excess = int(m_rows.size()) - m_windowLimit;
    if (excess <= 0)
        return;
    if (keepNewest) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.remove(0, excess);
        endRemoveRows();
        touchRow(0);
    } else {
        const int from = int(m_rows.size()) - excess;
        beginRemoveRows({}, from, int(m_rows.size()) - 1);
        m_rows.remove(from, excess);
        endRemoveRows();
    }
}

void MessageListModel::refresh()
{
    store::Database* db = m_cache.db();
    if (!db)
        return;
    const auto [first, last] = placedRange(m_rows);
    MessageQueries messages(*db);
    QList<Row> rows;
    if (!first) {
        rows = rowsOf(messages.latest(scope(), kPageSize));
    } else {
        rows = rowsOf(messages.between(scope(), *first, *last));
        if (!m_hasNewer)
            rows += rowsOf(messages.after(scope(), *last, m_windowLimit));
    }
    if (!m_hasNewer)
        rows += rowsOf(messages.unsent(scope()));
    decorate(*db, rows);
    const QVariantList arrivals = last ? arrivalsAfter(rows, *last) : QVariantList();
    replaceRows(std::move(rows));
    trim(!m_hasNewer);
    updateBounds(*db);
    if (!arrivals.isEmpty())
        emit arrived(arrivals);
}

QVariantList MessageListModel::arrivalsAfter(const QList<Row>& rows, int64_t lastShownPos) const
{
    QVariantList arrivals;
    for (const Row& row : rows)
        if (row.pos > lastShownPos && row.author != m_userId && row.notice == Notice::None &&
            !row.decoration.deleted)
            arrivals.append(QVariantMap{{QStringLiteral("authorName"), m_directory.name(row.author)},
                                        {QStringLiteral("text"), richTextToPlainText(row.html)}});
    return arrivals;
}

// Moves from the current rows to `rows` with the fewest model signals: removals, insertions
// and changes when the order of the rows that stay is kept, a reset otherwise.
void MessageListModel::replaceRows(QList<Row> rows)
{
    QSet<int64_t> incoming;
    for (const Row& row : rows)
        incoming.insert(row.id);
    bool structural = false;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (incoming.contains(m_rows.at(i).id))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        structural = true;
    }
    QHash<int64_t, int> position;
    for (int i = 0; i < rows.size(); ++i)
        position.insert(rows.at(i).id, i);
    for (int i = 1; i < m_rows.size(); ++i)
        if (position.value(m_rows.at(i - 1).id) > position.value(m_rows.at(i).id)) {
            beginResetModel();
            m_rows = std::move(rows);
            updateFirstUnread();
            endResetModel();
            emit countChanged();
            return;
        }
    for (int i = 0; i < rows.size(); ++i) {
        if (i < m_rows.size() && m_rows.at(i).id == rows.at(i).id) {
            if (!(m_rows.at(i) == rows.at(i))) {
                m_rows[i] = rows.at(i);
                emit dataChanged(index(i), index(i));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, rows.at(i));
        endInsertRows();
        structural = true;
    }
    updateFirstUnread();
    if (structural) {
        // Headers, day breaks and the "new" line depend on neighbours.
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(int(m_rows.size()) - 1), {ShowHeaderRole, DayBreakRole, FirstUnreadRole});
        emit countChanged();
    }
}

void MessageListModel::touchRow(int row)
{
    if (row >= 0 && row < m_rows.size())
        emit dataChanged(index(row), index(row), {ShowHeaderRole, DayBreakRole, FirstUnreadRole});
}

std::pair<std::optional<int64_t>, std::optional<int64_t>> MessageListModel::placedRange(const QList<Row>& rows)
{
    std::optional<int64_t> first, last;
    for (const Row& row : rows)
        if (row.pos != 0) {
            first = first ? std::min(*first, row.pos) : row.pos;
            last = last ? std::max(*last, row.pos) : row.pos;
        }
    return {first, last};
}

qint64 MessageListModel::newestPos() const
{
    return placedRange(m_rows).second.value_or(0);
}

int MessageListModel::rowOfPos(qint64 pos) const
{
    if (pos == 0)
        return -1;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).pos == pos)
            return i;
    return -1;
}

int MessageListModel::lastOwnMessageRow() const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const Row& row = m_rows.at(i);
        if (row.author == m_userId && !row.serverId.isEmpty() && !row.decoration.deleted && !row.invitation &&
            row.notice == Notice::None && !(m_threadRoot && row.pos == m_threadRoot))
            return i;
    }
    return -1;
}

QVariantMap MessageListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_rows.size())
        return map;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

int MessageListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int i = index.row();
    const Row& row = m_rows.at(i);
    const Row* previous = i > 0 ? &m_rows.at(i - 1) : nullptr;
    const bool dayBreak = !previous || previous->time.date() != row.time.date();
    switch (role) {
    case EntryIdRole: return qint64(row.id);
    case PosRole: return qint64(row.pos);
    case ClientIdRole: return row.clientId.isNull() ? QString() : row.clientId.toString(QUuid::WithoutBraces);
    case AuthorRole: return row.author;
    case AuthorNameRole: return m_directory.name(row.author);
    case Qt::DisplayRole:
    case TextRole: return row.decoration.deleted ? QString() : currentText(row);
    case HtmlRole: return row.html;
    case PlainTextRole: return richTextToPlainText(row.html);
    case LinksRole: return richTextLinksForQml(row.html);
    case TimeRole: return row.time;
    case EditedRole: return row.decoration.edited;
    case DeletedRole: return row.decoration.deleted;
    case StateRole:
        return row.state == 1   ? QStringLiteral("pending")
               : row.state == 2 ? QStringLiteral("failed")
                                : QStringLiteral("sent");
    case ErrorRole: return row.error;
    case OwnRole: return row.author == m_userId;
    case DayBreakRole: return dayBreak;
    case DayLabelRole: return dayLabel(row.time.date());
    case FirstUnreadRole: return row.id == m_firstUnreadId;
    case ShowHeaderRole:
        return dayBreak || row.id == m_firstUnreadId || previous->author != row.author ||
               previous->notice != Notice::None || previous->time.msecsTo(row.time) > kGroupGapMs ||
               (m_threadRoot && previous->pos == m_threadRoot);
    case ReactionsRole: {
        QVariantList list;
        for (const auto& r : row.decoration.reactions) {
            QStringList names;
            for (const QString& user : r.users)
                names << m_directory.name(user);
            list << QVariantMap{{QStringLiteral("emoji"), r.emoji},
                                {QStringLiteral("count"), int(r.users.size())},
                                {QStringLiteral("mine"), r.users.contains(m_userId)},
                                {QStringLiteral("names"), names.join(QStringLiteral(", "))}};
        }
        return list;
    }
    case ReplyCountRole: return row.decoration.replyCount;
    case LastReplyTimeRole:
        return row.decoration.lastReplyTime ? QDateTime::fromMSecsSinceEpoch(row.decoration.lastReplyTime)
                                            : QDateTime();
    case RepliersRole: {
        QStringList ids = row.decoration.repliers;
        return ids.mid(std::max<qsizetype>(0, ids.size() - 3));
    }
    case AttachmentsRole: {
        QVariantList list;
        for (const Attachment& a : row.attachments)
            list << QVariantMap{{QStringLiteral("blobId"), a.blobId},     {QStringLiteral("name"), a.name},
                                {QStringLiteral("mimeType"), a.mimeType}, {QStringLiteral("size"), qint64(a.size)},
                                {QStringLiteral("width"), a.width},       {QStringLiteral("height"), a.height},
                                {QStringLiteral("isImage"), a.isImage()}};
        return list;
    }
    case HiddenAttachmentsRole: return row.hiddenAttachments;
    case ThreadRootRole: return m_threadRoot != 0 && row.pos == m_threadRoot;
    case MentionsMeRole: return currentText(row).contains(QStringLiteral("<@") + m_userId + u'>');
    case InvitationRole:
        if (!row.invitation || row.decoration.deleted)
            return QVariantMap();
        return QVariantMap{{QStringLiteral("calendar"), row.invitation->calendar},
                           {QStringLiteral("uid"), row.invitation->uid}};
    case NoticeRole: return noticeText(row);
    case NoticeKindRole:
        return row.notice == Notice::CallStarted ? QStringLiteral("callStarted")
               : row.notice == Notice::CallEnded ? QStringLiteral("callEnded")
                                                 : QString();
    default: return {};
    }
}

QString MessageListModel::noticeText(const Row& row) const
{
    switch (row.notice) {
    case Notice::None: break;
    case Notice::CallStarted:
        return (row.callVideo ? tr("%1 started a video call") : tr("%1 started a call"))
            .arg(m_directory.name(row.author));
    case Notice::CallEnded:
        if (!row.callStartTime)
            return tr("Call ended");
        //: %1 is how long the call lasted, e.g. "4:07" or "1:02:03"
        return tr("Call ended, duration %1")
            .arg(formatCallDuration((row.time.toMSecsSinceEpoch() - *row.callStartTime) / 1000));
    }
    return {};
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{EntryIdRole, "entryId"},
            {PosRole, "pos"},
            {ClientIdRole, "clientId"},
            {AuthorRole, "author"},
            {AuthorNameRole, "authorName"},
            {TextRole, "text"},
            {HtmlRole, "html"},
            {TimeRole, "time"},
            {EditedRole, "edited"},
            {DeletedRole, "deleted"},
            {StateRole, "state"},
            {ErrorRole, "error"},
            {OwnRole, "own"},
            {ShowHeaderRole, "showHeader"},
            {DayBreakRole, "dayBreak"},
            {DayLabelRole, "dayLabel"},
            {FirstUnreadRole, "firstUnread"},
            {ReactionsRole, "reactions"},
            {ReplyCountRole, "replyCount"},
            {LastReplyTimeRole, "lastReplyTime"},
            {RepliersRole, "repliers"},
            {AttachmentsRole, "attachments"},
            {ThreadRootRole, "isThreadRoot"},
            {MentionsMeRole, "mentionsMe"},
            {InvitationRole, "invitation"},
            {HiddenAttachmentsRole, "hiddenAttachments"},
            {NoticeRole, "notice"},
            {NoticeKindRole, "noticeKind"},
            {PlainTextRole, "plainText"},
            {LinksRole, "links"}};
}

} // namespace convene::chat
