#pragma once

#include "convene/sync/backend.h"

#include <QStringList>

#include <memory>

namespace convene::sync {

// Finds backend plugins: those linked statically (Q_IMPORT_PLUGIN) and those in the plugin
// directories (QPluginLoader), and creates backends by name.
class BackendRegistry {
public:
    explicit BackendRegistry(QStringList pluginDirs = {});

    QStringList names() const;
    Result<std::unique_ptr<Backend>> create(const QString& name, const BackendConfig& config) const;

private:
    BackendPlugin* find(const QString& name) const;

    QStringList m_pluginDirs;
};

} // namespace convene::sync
