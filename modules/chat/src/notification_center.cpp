#include "convene/chat/notification_center.h"

#include "queries/message_queries.h"
#include "convene/chat/chat_events.h"

namespace convene::chat {

namespace {
constexpr int kMaxPerScan = 5; // a burst (e.g. catching up after a night offline) shows a few, not hundreds
constexpr int kBodyLength = 180;
} // namespace

NotificationCenter::NotificationCenter(CacheReader& cache, store::ChangeNotifier& changes, Directory& directory,
                                       ConversationState& state, Hooks hooks, QObject* parent)
    : QObject(parent), m_cache(cache), m_directory(directory), m_state(state), m_hooks(std::move(hooks))
{
    connect(&changes, &store::ChangeNotifier::changed, this, [this](const store::ChangeSet& set) {
        if (set.tables.contains(QStringLiteral("entries")))
            scan();
    });
    scan();
}

void NotificationCenter::scan()
{
    store::Database* db = m_cache.db();
    if (!db)
        return;
    if (m_lastSeenId < 0) {
        // Only what arrives while the app runs is news.
        m_lastSeenId = MessageQueries(*db).newestEntryId();
        return;
    }
    const QString mention = QStringLiteral("<@") + m_state.userId() + u'>';
    const bool quiet = m_hooks.doNotDisturb && m_hooks.doNotDisturb();
    const QString visible = m_hooks.visibleStream ? m_hooks.visibleStream() : QString();
    int shown = 0;
    for (const ArrivedMessage& message : MessageQueries(*db).placedAfter(m_lastSeenId)) {
        m_lastSeenId = message.id;
        const QString& stream = message.stream;
        const QString& author = message.author;
        if (author == m_state.userId() || quiet || stream == visible || m_state.isMuted(stream) ||
            !m_state.isMember(stream) || shown >= kMaxPerScan)
            continue;
        const QString text = parsePayload(message.payload).value(QStringLiteral("text")).toString();
        const bool direct = stream.startsWith(QLatin1String("dm:"));
        if (!direct && !text.contains(mention))
            continue;
        QString body = m_directory.plainText(text).simplified();
        if (body.size() > kBodyLength)
            body = body.left(kBodyLength) + QStringLiteral("…");
        if (body.isEmpty())
            body = tr("Sent an attachment");
        const QString name = m_hooks.streamName ? m_hooks.streamName(stream) : stream;
        const QString title = direct && directMembers(stream).size() <= 2
                                  ? m_directory.name(author)
                                  : tr("%1 in %2").arg(m_directory.name(author), direct ? name : u'#' + name);
        ++shown;
        emit notify(title, body, stream, message.pos, message.threadRootPos);
    }
}

} // namespace convene::chat
