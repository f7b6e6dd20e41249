#include "convene/sync/cache_check.h"

#include "logging.h"

#include <convene/store/database.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace convene::sync {

namespace {

// The small tables a workspace reads first: damage there is damage the user would meet at once.
const QStringList kFirstRead{QStringLiteral("outbox"), QStringLiteral("streams"), QStringLiteral("meta")};

CacheCheck damaged(QString problem)
{
    CacheCheck check;
    check.damaged = true;
    check.problem = std::move(problem);
    return check;
}

// The first problem quick_check reports, or empty when it says "ok".
Result<QString> quickCheck(store::Database& db, const QString& table = {})
{
    auto check = db.prepare(table.isEmpty() ? QStringLiteral("PRAGMA quick_check")
                                            : QStringLiteral("PRAGMA quick_check(%1)").arg(table));
    if (!check)
        return check.error();
    Result<bool> row = (*check)->step();
    if (!row)
        return row.error();
    const QString result = *row ? (*check)->text(0) : QString();
    return result == u"ok" ? QString() : result;
}

bool isDamage(const Error& error)
{
    // A busy or locked file is not damaged; one that cannot be opened or read is no use either.
    return error.code == ErrorCode::Corrupt || error.code == ErrorCode::Io;
}

Result<QStringList> tablesOf(store::Database& db)
{
    auto query = db.prepare(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    if (!query)
        return query.error();
    QStringList names;
    for (;;) {
        Result<bool> row = (*query)->step();
        if (!row)
            return row.error();
        if (!*row)
            return names;
        names << (*query)->text(0);
    }
}

QStringList columnsOf(store::Database& db, const QString& table)
{
    QStringList columns;
    auto info = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?)"));
    if (!info)
        return columns;
    (*info)->bind(1, table);
    while ((*info)->step().valueOr(false))
        columns << (*info)->text(0);
    return columns;
}

} // namespace

// What the cache looks like, without reading what a damaged one still holds.
static CacheCheck checkHealth(const QString& path)
{
    const QFileInfo file(path);
    if (!file.exists())
        return {};
    auto opened = store::Database::open(path, store::Database::Mode::ReadOnly);
    if (!opened)
        return isDamage(opened.error()) ? damaged(opened.error().message) : CacheCheck{};
    store::Database& db = **opened;

    const Result<QStringList> tables = tablesOf(db);
    if (!tables)
        return isDamage(tables.error()) ? damaged(tables.error().message) : CacheCheck{};
    const QStringList& present = *tables;

    const QFileInfo wal(path + QStringLiteral("-wal"));
    const bool small = file.size() + (wal.exists() ? wal.size() : 0) <= kWholeFileCheckBytes;
    QStringList scope = small ? QStringList{QString()} : QStringList();
    if (!small)
        for (const QString& table : kFirstRead)
            if (present.contains(table))
                scope << table;
    for (const QString& table : std::as_const(scope)) {
        const Result<QString> problem = quickCheck(db, table);
        if (!problem)
            return isDamage(problem.error()) ? damaged(problem.error().message) : CacheCheck{};
        if (!problem->isEmpty())
            return damaged(*problem);
    }

    CacheCheck check;
    if (present.contains(QStringLiteral("outbox"))) {
        auto count = db.prepare(QStringLiteral("SELECT count(*) FROM outbox"));
        if (count && (*count)->step().valueOr(false))
            check.unsent = int((*count)->int64(0));
    }
    return check;
}

CacheCheck checkCache(const QString& path)
{
    CacheCheck check = checkHealth(path);
    if (check.damaged)
        check.unsent = int(readOutbox(path).size()); // rare, so the slower read is affordable
    return check;
}

Result<QString> moveCacheAside(const QString& path, const QDateTime& when)
{
    const QString stem = path + QStringLiteral(".damaged-") + when.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = stem;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo::exists(target + QStringLiteral("-wal")); ++n)
        target = stem + u'-' + QString::number(n);
    // The log first: a cache file without its log would read as an older state of itself.
    for (const QString suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QString()}) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        if (!QFile::rename(path + suffix, target + suffix))
            return makeError(ErrorCode::Io,
                             QCoreApplication::translate("convene::sync::CacheCheck", "Cannot move %1 to %2.")
                                 .arg(path + suffix, target + suffix));
    }
    qCWarning(lcSync) << "moved the damaged cache" << path << "to" << target;
    return target;
}

QList<Mutation> readOutbox(const QString& path)
{
    QList<Mutation> mutations;
    auto opened = store::Database::open(path, store::Database::Mode::Salvage);
    if (!opened) {
        qCWarning(lcSync) << "no changes can be read from" << path << ":" << opened.error().message;
        return mutations;
    }
    store::Database& db = **opened;
    const QStringList columns = columnsOf(db, QStringLiteral("outbox"));
    if (columns.isEmpty())
        return mutations;
    // Older caches referred to entries by position; only a server or client id is usable now.
    const bool references = columns.contains(QStringLiteral("ref_client"));
    auto rows = db.prepare(QStringLiteral("SELECT client_id, stream, kind, payload, body, created_at, %1 FROM outbox "
                                          "ORDER BY id")
                               .arg(references ? QStringLiteral("ref, ref_client") : QStringLiteral("NULL, NULL")));
    if (!rows)
        return mutations;
    for (;;) {
        Result<bool> row = (*rows)->step();
        if (!row) {
            qCWarning(lcSync) << "the outbox of" << path << "could be read only in part:" << row.error().message;
            break;
        }
        if (!*row)
            break;
        Mutation m;
        m.clientId = QUuid::fromRfc4122((*rows)->blob(0));
        m.stream = (*rows)->text(1);
        m.kind = (*rows)->text(2);
        m.payload = (*rows)->blob(3);
        m.body = (*rows)->text(4);
        m.createdAt = (*rows)->int64(5);
        m.ref = (*rows)->text(6);
        if (!(*rows)->isNull(7))
            m.refClientId = QUuid::fromRfc4122((*rows)->blob(7));
        if (m.clientId.isNull() || m.stream.isEmpty() || m.kind.isEmpty())
            continue; // a damaged row: nothing to send it as
        mutations << m;
    }
    return mutations;
}

} // namespace convene::sync
