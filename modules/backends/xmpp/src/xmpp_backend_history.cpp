#include "xmpp_backend.h"

#include "entry_codec.h"
#include "mam_query.h"
#include "xmpp_backend_support.h"

#include <QTimer>

namespace convene::xmpp {

using namespace backend_support;

// Catching up pages forward through the archive, each page after the last one sync stored. The
// cursor of the next page is known once a page is read, so it is asked for then, before sync
// stores that page: the server prepares it meanwhile instead of waiting for our next request,
// and there is still one query at a time per room. Sync asks for exactly that page next; any
// other query for the room drops it.
void XmppBackend::fetchHistory(quint64 requestId, const sync::HistoryQuery& query)
{
    if (!m_session || m_session->state() != XmppSession::State::Online) {
        QTimer::singleShot(0, this, [this, requestId, alive = m_alive] {
            if (*alive)
                emit requestFailed(requestId, unavailable());
        });
        return;
    }
    if (!claimPageAhead(requestId, query))
        sendHistoryQuery(requestId, query);
}

QString XmppBackend::sendHistoryQuery(quint64 requestId, const sync::HistoryQuery& query)
{
    const MucRoom& room = roomOf(query.stream);
    QString queryId = nextId();
    m_fetches.insert(queryId, Fetch{requestId, query.stream, room.jid, {}});
    m_session->sendIq(mamPageQuery(room.jid, queryId, query),
                      [this, queryId, query, alive = m_alive](const IqResult& r) {
                          if (!*alive || !m_fetches.contains(queryId))
                              return;
                          Fetch fetch = m_fetches.take(queryId);
                          if (fetch.requestId == 0) { // fetched ahead, not asked for yet: kept until it is
                              const auto ahead = m_pagesAhead.find(fetch.stream);
                              if (ahead != m_pagesAhead.end() && ahead->queryId == queryId) {
                                  ahead->answer = r;
                                  ahead->items = std::move(fetch.items);
                              }
                              return;
                          }
                          finishHistoryFetch(std::move(fetch), query, r);
                      });
    return queryId;
}

// Whether the page asked for was fetched ahead: then it answers this request, now or when it
// comes. Any other query drops the page ahead.
bool XmppBackend::claimPageAhead(quint64 requestId, const sync::HistoryQuery& query)
{
    if (!m_pagesAhead.contains(query.stream))
        return false;
    PageAhead ahead = m_pagesAhead.take(query.stream);
    const bool same = ahead.query.direction == query.direction && ahead.query.cursor == query.cursor &&
                      ahead.query.limit == query.limit;
    if (!ahead.answer) {
        const auto fetch = m_fetches.find(ahead.queryId);
        if (fetch == m_fetches.end())
            return false;
        if (!same) {
            m_fetches.erase(fetch); // its answer is ignored
            return false;
        }
        fetch->requestId = requestId;
        return true;
    }
    if (!same)
        return false;
    // Answered later, as a query would be: sync asks for the next page while it handles this one.
    QMetaObject::invokeMethod(
        this,
        [this, requestId, query, ahead = std::move(ahead), alive = m_alive]() mutable {
            if (*alive)
                finishHistoryFetch(Fetch{requestId, query.stream, roomOf(query.stream).jid, std::move(ahead.items)},
                                   query, *ahead.answer);
        },
        Qt::QueuedConnection);
    return true;
}

void XmppBackend::finishHistoryFetch(Fetch fetch, const sync::HistoryQuery& query, const IqResult& r)
{
    sync::HistoryPage page;
    page.stream = fetch.stream;
    if (!r.ok()) {
        const QString condition = errorCondition(r.stanza);
        if (condition == u"item-not-found" && !query.cursor.isEmpty()) {
            page.cursorLost = true;
            return emit historyFetched(fetch.requestId, page);
        }
        if (condition == u"item-not-found") // no such room yet: no history
            return emit historyFetched(fetch.requestId, page);
        return emit requestFailed(fetch.requestId, *r.error);
    }
    page.more = !mamPageComplete(r.stanza);
    // The archive's page may end in items that are no entries: the next page is after them.
    if (!fetch.items.isEmpty())
        page.endCursor = fetch.items.constLast().envelope.id;
    // Sync asks next for the page after this one (in a catch-up): it is asked for now, so that
    // the server prepares it while this one is decoded and stored.
    if (query.direction == sync::HistoryQuery::Direction::After && page.more && !page.endCursor.isEmpty() &&
        !m_pagesAhead.contains(fetch.stream) && m_session->state() == XmppSession::State::Online) {
        sync::HistoryQuery next = query;
        next.cursor = page.endCursor;
        m_pagesAhead.insert(fetch.stream, PageAhead{sendHistoryQuery(0, next), next, std::nullopt, {}});
    }
    MucRoom& room = roomOf(fetch.stream);
    page.events.reserve(fetch.items.size());
    for (const MamItem& item : std::as_const(fetch.items)) {
        std::optional<DecodedEntry> decoded = decodeEntry(item.message, fetch.stream, fetch.roomJid, item.envelope);
        if (!decoded || decoded->realJid.isEmpty())
            continue; // not an entry, or no author the room recorded
        decoded->event.author = decoded->realJid;
        resolveCorrection(room, *decoded);
        rememberSeen(room, decoded->event.serverId);
        if (decoded->event.author == m_bareJid)
            rememberOwn(room, decoded->event);
        page.events << std::move(decoded->event);
    }
    fetch.items.clear(); // the page's XML is not needed any more
    emit historyFetched(fetch.requestId, page);
}

} // namespace convene::xmpp
