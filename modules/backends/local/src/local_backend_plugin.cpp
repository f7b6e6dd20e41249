#include "local_backend.h"

#include <QObject>

namespace convene::backends::local {

class LocalBackendPlugin final : public QObject, public sync::BackendPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConveneBackendPlugin_iid FILE "local_backend.json")
    Q_INTERFACES(convene::sync::BackendPlugin)

public:
    QString name() const override { return QStringLiteral("local"); }
    sync::Backend* create(const sync::BackendConfig& config, QObject* parent) override
    {
        return new LocalBackend(config, parent);
    }
};

} // namespace convene::backends::local

#include "local_backend_plugin.moc"
