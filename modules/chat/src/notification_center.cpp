#include "convene/chat/notification_center.h"

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
        auto last = db->prepare(QStringLiteral("SELECT coalesce(max(id), 0) FROM entries"));
        if (last && (*last)->step().valueOr(false))
            m_lastSeenId = (*last)->int64(0);
        return;
    }
    auto fresh = db->prepare(QStringLiteral(
        "SELECT e.id, e.stream, e.pos, e.author, e.payload, "
        "coalesce((SELECT r.pos FROM entries r WHERE r.stream = e.stream AND r.server_id = e.ref), 0) FROM entries e "
        "WHERE e.id > ? AND e.kind = 'message' AND e.pos IS NOT NULL ORDER BY e.id"));
    if (!fresh)
        return;
    (*fresh)->bind(1, m_lastSeenId);
    const QString mention = QStringLiteral("<@") + m_state.userId() + u'>';
    const bool quiet = m_hooks.doNotDisturb && m_hooks.doNotDisturb();
    const QString visible = m_hooks.visibleStream ? m_hooks.visibleStream() : QString();
    int shown = 0;
    while ((*fresh)->step().valueOr(false)) {
        m_lastSeenId = (*fresh)->int64(0);
        const QString stream = (*fresh)->text(1);
        const QString author = (*fresh)->text(3);
        if (author == m_state.userId() || quiet || stream == visible || m_state.isMuted(stream) ||
            !m_state.isMember(stream) || shown >= kMaxPerScan)
            continue;
        const QString text = parsePayload((*fresh)->blob(4)).value(QStringLiteral("text")).toString();
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
        emit notify(title, body, stream, (*fresh)->int64(2), (*fresh)->int64(5));
    }
}

} // namespace convene::chat
