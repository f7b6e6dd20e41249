#pragma once

#include <convene/core/result.h>

#include <QString>

#include <span>
#include <vector>

namespace convene::store {

class Database;

// One step of a module's schema. Versions of a module start at 1 and increase by one;
// a released migration is never edited, only followed by a new one.
struct Migration {
    int version;
    const char* sql;
};

// Lets each module check its list at compile time: static_assert(migrationsOrdered(list)).
constexpr bool migrationsOrdered(std::span<const Migration> migrations)
{
    for (std::size_t i = 0; i < migrations.size(); ++i)
        if (migrations[i].version != int(i) + 1 || migrations[i].sql == nullptr)
            return false;
    return true;
}

struct ModuleSchema {
    QString module;
    std::span<const Migration> migrations;
};

// Brings a database up to the newest schema of every registered module, one transaction per
// step. Refuses a database written by a newer version instead of touching it.
class MigrationRunner {
public:
    void add(ModuleSchema schema);
    Result<void> migrate(Database& db) const;
    // Applies only the first `version` steps of `module` (tests of upgrades from old versions).
    Result<void> migrateTo(Database& db, const QString& module, int version) const;

    static Result<int> installedVersion(Database& db, const QString& module);

private:
    Result<void> validate() const;
    Result<void> apply(Database& db, const ModuleSchema& schema, int target) const;

    std::vector<ModuleSchema> m_schemas;
};

} // namespace convene::store
