#include "convene/sync/backend_registry.h"

#include <QCoreApplication>
#include <QDir>
#include <QPluginLoader>

namespace convene::sync {

namespace {

QList<BackendPlugin*> loadedPlugins(const QStringList& dirs)
{
    QList<BackendPlugin*> plugins;
    const auto statics = QPluginLoader::staticInstances();
    for (QObject* instance : statics)
        if (auto* plugin = qobject_cast<BackendPlugin*>(instance))
            plugins << plugin;
    for (const QString& dir : dirs) {
        const QDir directory(dir);
        for (const QString& file : directory.entryList(QDir::Files)) {
            QPluginLoader loader(directory.absoluteFilePath(file));
            if (auto* plugin = qobject_cast<BackendPlugin*>(loader.instance()))
                plugins << plugin;
        }
    }
    return plugins;
}

} // namespace

BackendRegistry::BackendRegistry(QStringList pluginDirs) : m_pluginDirs(std::move(pluginDirs))
{
    if (m_pluginDirs.isEmpty() && QCoreApplication::instance())
        m_pluginDirs << QCoreApplication::applicationDirPath() + QStringLiteral("/backends");
}

QStringList BackendRegistry::names() const
{
    QStringList result;
    for (BackendPlugin* plugin : loadedPlugins(m_pluginDirs))
        if (!result.contains(plugin->name()))
            result << plugin->name();
    return result;
}

BackendPlugin* BackendRegistry::find(const QString& name) const
{
    for (BackendPlugin* plugin : loadedPlugins(m_pluginDirs))
        if (plugin->name() == name)
            return plugin;
    return nullptr;
}

Result<std::unique_ptr<Backend>> BackendRegistry::create(const QString& name, const BackendConfig& config) const
{
    BackendPlugin* plugin = find(name);
    if (!plugin)
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("BackendRegistry", "No backend named “%1” is installed (available: %2).")
                .arg(name, names().join(QStringLiteral(", "))));
    return std::unique_ptr<Backend>(plugin->create(config, nullptr));
}

} // namespace convene::sync
