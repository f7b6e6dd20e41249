#include "convene/store/migrations.h"

#include "convene/store/database.h"
#include "convene/store/transaction.h"

#include <QSet>

namespace convene::store {

namespace {
const QString kVersionsTable =
    QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions(module TEXT PRIMARY KEY, version INTEGER NOT NULL)");
}

void MigrationRunner::add(ModuleSchema schema)
{
    m_schemas.push_back(std::move(schema));
}

Result<void> MigrationRunner::validate() const
{
    QSet<QString> seen;
    for (const ModuleSchema& schema : m_schemas) {
        if (seen.contains(schema.module))
            return makeError(ErrorCode::Internal, QStringLiteral("schema of %1 registered twice").arg(schema.module));
        seen.insert(schema.module);
        if (!migrationsOrdered(schema.migrations))
            return makeError(ErrorCode::Internal,
                             QStringLiteral("migrations of %1 are not numbered 1, 2, 3, …").arg(schema.module));
    }
    return {};
}

Result<int> MigrationRunner::installedVersion(Database& db, const QString& module)
{
    if (Result<void> created = db.exec(kVersionsTable); !created)
        return created.error();
    auto stmt = db.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE module = ?"));
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, module);
    Result<bool> row = (*stmt)->step();
    if (!row)
        return row.error();
    const int version = *row ? int((*stmt)->int64(0)) : 0;
    (*stmt)->reset();
    return version;
}

Result<void> MigrationRunner::apply(Database& db, const ModuleSchema& schema, int target) const
{
    Result<int> installed = installedVersion(db, schema.module);
    if (!installed)
        return installed.error();
    const int latest = int(schema.migrations.size());
    if (*installed > latest)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("%1 was written by a newer version of Convene (%2 schema %3; this version "
                                        "knows up to %4). Update Convene or use another profile; the file was not "
                                        "changed.")
                             .arg(db.path(), schema.module)
                             .arg(*installed)
                             .arg(latest));
    for (int version = *installed + 1; version <= target; ++version) {
        Transaction transaction(db);
        if (!transaction.began())
            return transaction.beginResult().error();
        if (Result<void> step = db.exec(QString::fromUtf8(schema.migrations[std::size_t(version - 1)].sql)); !step)
            return makeError(step.error().code, QStringLiteral("migrating %1 to version %2: %3")
                                                    .arg(schema.module)
                                                    .arg(version)
                                                    .arg(step.error().message));
        auto record = db.prepare(QStringLiteral("INSERT INTO schema_versions(module, version) VALUES(?, ?) "
                                                "ON CONFLICT(module) DO UPDATE SET version = excluded.version"));
        if (!record)
            return record.error();
        if (Result<void> saved = (*record)->bind(1, schema.module).bind(2, version).run(); !saved)
            return saved;
        if (Result<void> committed = transaction.commit(); !committed)
            return committed;
    }
    return {};
}

Result<void> MigrationRunner::migrate(Database& db) const
{
    if (Result<void> valid = validate(); !valid)
        return valid;
    // Check every module first, so a newer file is refused before anything is written.
    for (const ModuleSchema& schema : m_schemas) {
        Result<int> installed = installedVersion(db, schema.module);
        if (!installed)
            return installed.error();
        if (*installed > int(schema.migrations.size()))
            return apply(db, schema, 0);
    }
    for (const ModuleSchema& schema : m_schemas)
        if (Result<void> done = apply(db, schema, int(schema.migrations.size())); !done)
            return done;
    return {};
}

Result<void> MigrationRunner::migrateTo(Database& db, const QString& module, int version) const
{
    for (const ModuleSchema& schema : m_schemas)
        if (schema.module == module)
            return apply(db, schema, version);
    return makeError(ErrorCode::NotFound, QStringLiteral("no schema for %1").arg(module));
}

} // namespace convene::store
