// Feeds arbitrary event batches, as a hostile backend or member might deliver them, through the
// cache writer into a fresh in-memory cache. Whatever arrives, in whatever order: no error, no
// crash, a full-text index that matches its entries, nothing applied that breaks the rules
// (entry_rules.h), nothing both applied and set aside, and no text left of a deleted message.
//
// Input: one line per instruction.
//   stream|serverId|kind|author|ref|payload|body   an event of the current batch (fields may be
//                                                   left out; a one-digit field picks from a small
//                                                   vocabulary so that events meet each other)
//   <   apply the batch as older history            >   apply it as newest (also at the end)
//   ^   the batch began its stream's history (recorded after applying it)
//   !   decide every held entry (as at start)
#include "fuzz_support.h"

#include <convene/store/database.h>
#include <convene/store/migrations.h>
#include <convene/sync/cache_schema.h>
#include <convene/sync/cache_writer.h>

#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace convene;

using fuzz::check;

namespace {

const QStringList kStreams{QStringLiteral("channel:a"), QStringLiteral("private:b"), QStringLiteral("user:me"),
                           QStringLiteral("user:mallory"), QStringLiteral("dm:me+mallory")};
const QStringList kKinds{QStringLiteral("message"),        QStringLiteral("message.edit"),
                         QStringLiteral("message.delete"), QStringLiteral("member.join"),
                         QStringLiteral("member.leave"),   QStringLiteral("pref"),
                         QStringLiteral("stream.create"),  QStringLiteral("stream.update"),
                         QStringLiteral("reaction"),       QStringLiteral("read")};
const QStringList kAuthors{QStringLiteral("me"), QStringLiteral("mallory"), QStringLiteral("alice"), QString()};

QString pick(const QString& field, const QStringList& vocabulary)
{
    if (field.size() == 1 && field.at(0).isDigit())
        return vocabulary.at(field.at(0).digitValue() % vocabulary.size());
    return field;
}

std::unique_ptr<store::Database> freshCache()
{
    auto db = store::Database::open(QStringLiteral(":memory:"));
    check(db.ok());
    store::MigrationRunner runner;
    runner.add(sync::cacheSchema());
    check(runner.migrate(**db).ok());
    return std::move(db).value();
}

std::optional<QString> scalar(store::Database& db, const QString& sql, const QStringList& args = {})
{
    auto query = db.prepare(sql);
    check(query.ok());
    for (int i = 0; i < args.size(); ++i)
        (*query)->bind(i + 1, args.at(i));
    const Result<bool> row = (*query)->step();
    check(row.ok());
    if (!*row || (*query)->isNull(0))
        return std::nullopt;
    return (*query)->text(0);
}

void checkInvariants(store::Database& db)
{
    check(db.exec(QStringLiteral("INSERT INTO entries_fts(entries_fts) VALUES('integrity-check')")).ok());
    check(scalar(db, QStringLiteral("SELECT count(*) FROM entries e JOIN rejected_entries r ON r.stream = e.stream "
                                    "AND r.server_id = e.server_id")) == QStringLiteral("0"));
    // Every applied entry keeps the rules, checked here on their own terms (not with the rules'
    // code): edits by the message's author, deletions by it or the stream's owner, a user's
    // stream by that user, removals of others by the owner.
    const QString applied = QStringLiteral("FROM entries e WHERE e.verdict = 0 AND e.server_id IS NOT NULL AND ");
    const QString byAuthor = QStringLiteral(
        "EXISTS (SELECT 1 FROM entries t WHERE t.stream = e.stream AND t.server_id = e.ref AND t.kind = 'message' "
        "AND t.author = e.author AND e.author <> '')");
    const QString byOwner =
        QStringLiteral("e.author <> '' AND e.author = (SELECT owner FROM streams WHERE id = e.stream)");
    const QString subject = QStringLiteral(
        "coalesce(nullif(CASE WHEN json_valid(CAST(e.payload AS TEXT)) THEN CASE WHEN json_type(CAST(e.payload AS "
        "TEXT), '$.user') = 'text' THEN json_extract(CAST(e.payload AS TEXT), '$.user') END END, ''), e.author)");
    for (const QString& broken :
         {QStringLiteral("e.kind = 'message.edit' AND NOT ") + byAuthor,
          QStringLiteral("e.kind = 'message.delete' AND NOT (") + byAuthor + QStringLiteral(" OR ") + byOwner +
              QStringLiteral(")"),
          QStringLiteral("substr(e.stream, 1, 5) = 'user:' AND (e.author = '' OR e.author <> substr(e.stream, 6))"),
          QStringLiteral("e.kind = 'member.leave' AND ") + subject + QStringLiteral(" <> e.author AND NOT (") +
              byOwner + QStringLiteral(")")})
        check(scalar(db, QStringLiteral("SELECT count(*) ") + applied + broken) == QStringLiteral("0"));
    // A message with an applied deletion says nothing any more, nor do its edits.
    check(scalar(db, QStringLiteral(
                         "SELECT count(*) FROM entries m JOIN entries d ON d.stream = m.stream AND d.ref = m.server_id "
                         "AND d.kind = 'message.delete' AND d.verdict = 0 AND d.server_id IS NOT NULL "
                         "WHERE m.kind = 'message' AND (m.body <> '' OR m.payload IS NOT CAST('{}' AS BLOB))")) ==
          QStringLiteral("0"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("convene.*=false"));
        return true;
    }();
    (void)quiet;
    if (size > 64 * 1024)
        return 0;
    // One cache for every input (migrating a new one each time costs more than the input),
    // emptied before each.
    static const std::unique_ptr<store::Database> db = freshCache();
    static sync::CacheWriter writer(*db, QStringLiteral("me"));
    check(db->exec(QStringLiteral("DELETE FROM entries; DELETE FROM rejected_entries; DELETE FROM streams; "
                                  "INSERT INTO entries_fts(entries_fts) VALUES('delete-all');"))
              .ok());
    QList<sync::RemoteEvent> batch;
    bool beginsHistory = false;
    int number = 0;
    const auto flush = [&](sync::CacheWriter::Placement placement) {
        store::ChangeSet changes;
        check(writer.applyEvents(batch, changes, placement).ok());
        if (beginsHistory && !batch.isEmpty())
            check(writer.recordHistoryStart(batch.constFirst().stream, batch.constFirst(), changes).ok());
        batch.clear();
        beginsHistory = false;
    };
    const QString input = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const QString& line : input.split(u'\n')) {
        if (line == u"<") {
            flush(sync::CacheWriter::Placement::Oldest);
        } else if (line == u">") {
            flush(sync::CacheWriter::Placement::Newest);
        } else if (line == u"^") {
            beginsHistory = true;
        } else if (line == u"!") {
            check(db->exec(QStringLiteral("BEGIN")).ok());
            check(writer.decideHeld().ok());
            check(db->exec(QStringLiteral("COMMIT")).ok());
        } else if (!line.isEmpty() && batch.size() < 200) {
            const QStringList f = line.split(u'|');
            const auto field = [&](int i) { return i < f.size() ? f.at(i) : QString(); };
            sync::RemoteEvent e;
            e.stream = pick(field(0), kStreams);
            if (e.stream.isEmpty())
                e.stream = kStreams.first();
            e.serverId = field(1).isEmpty() ? QStringLiteral("s%1").arg(++number) : field(1);
            e.cursor = e.serverId;
            e.kind = pick(field(2), kKinds);
            e.author = pick(field(3), kAuthors);
            e.ref = field(4);
            e.payload = field(5).toUtf8();
            e.body = field(6);
            e.serverTime = number;
            batch << e;
        }
    }
    flush(sync::CacheWriter::Placement::Newest);
    checkInvariants(*db);
    return 0;
}
