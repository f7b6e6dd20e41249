// Feeds arbitrary text, as typed into the search box, through the query parser, the full-text
// terms and the search's SQL over a small cache. Whatever is typed: no crash, no SQL error,
// filters that are lower-case names without their sigil, index patterns the trigram index can
// use, and never more hits than asked for or a hit from a conversation the user is not in.
#include <convene/chat/search_query.h>
#include <convene/store/database.h>
#include <convene/store/full_text.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>

#include "message_search.h"
#include "fuzz_support.h"

#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>

using namespace convene;
using namespace convene::chat;

using fuzz::check;

namespace {

store::Database& cache()
{
    static const std::unique_ptr<store::Database> db = [] {
        auto opened = store::Database::open(QStringLiteral(":memory:"));
        check(opened.ok());
        store::MigrationRunner runner;
        runner.add(sync::cacheSchema());
        check(runner.migrate(**opened).ok());
        check((*opened)->exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('user_id', 'me')")).ok());
        sync::CacheWriter writer(**opened, QStringLiteral("me"));
        QList<sync::RemoteEvent> events;
        int n = 0;
        const auto say = [&](const QString& stream, const QString& author, const QString& text) {
            sync::RemoteEvent e;
            e.stream = stream;
            e.serverId = e.cursor = QStringLiteral("m%1").arg(++n);
            e.kind = QStringLiteral("message");
            e.author = author;
            e.body = text;
            e.payload = QStringLiteral(R"({"text":"%1"})").arg(text).toUtf8();
            events << e;
        };
        for (int i = 0; i < 30; ++i) {
            say(QStringLiteral("channel:general"), QStringLiteral("alice"),
                QStringLiteral("会议 meeting %1 100% _under_score 'quote\" \\ back").arg(i));
            say(QStringLiteral("dm:alice+bob"), QStringLiteral("alice"), QStringLiteral("secret meeting %1").arg(i));
            say(QStringLiteral("private:x"), QStringLiteral("bob"), QStringLiteral("private meeting %1").arg(i));
        }
        store::ChangeSet changes;
        check(writer.applyEvents(events, changes).ok());
        return std::move(opened).value();
    }();
    return *db;
}

void checkParsed(const SearchQuery& query)
{
    check(query.text == query.text.trimmed());
    for (const QStringList* names : {&query.channels, &query.people})
        for (const QString& name : *names) {
            check(!name.isEmpty());
            check(name == name.toLower());
            check(name == name.trimmed());
        }
    check(query.isEmpty() == (query.text.isEmpty() && query.channels.isEmpty() && query.people.isEmpty()));
}

void checkTerms(const store::FullTextQuery& terms)
{
    for (const QString& pattern : terms.indexedPatterns) {
        check(pattern.startsWith(u'%') && pattern.endsWith(u'%'));
        const QString inner = pattern.mid(1, pattern.size() - 2);
        check(inner.toUcs4().size() >= 3); // a whole trigram at least
        check(!inner.contains(u'%') && !inner.contains(u'_')); // no wildcard inside
    }
    for (const QString& term : terms.literalTerms)
        check(term == term.toLower() && !term.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 4096)
        return 0;
    const QString input = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const SearchQuery query = parseSearchQuery(input);
    checkParsed(query);
    check(parseSearchQuery(input).text == query.text); // the same text parses the same way
    MessageSearchRequest request;
    request.text = store::fullTextQuery(query.text);
    checkTerms(request.text);
    request.streams = query.channels;
    request.people = query.people;
    request.limit = 5;
    const Result<QList<MessageSearchHit>> hits = findMessages(cache(), request);
    check(hits.ok());
    check(hits->size() <= request.limit);
    for (const MessageSearchHit& hit : *hits)
        check(hit.streamId == u"channel:general");
    return 0;
}
