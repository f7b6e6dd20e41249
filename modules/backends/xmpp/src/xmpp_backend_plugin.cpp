#include "xmpp_backend.h"

#include <QObject>

namespace convene::xmpp {

class XmppBackendPlugin final : public QObject, public sync::BackendPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ConveneBackendPlugin_iid FILE "xmpp_backend.json")
    Q_INTERFACES(convene::sync::BackendPlugin)

public:
    QString name() const override { return QStringLiteral("xmpp"); }
    sync::Backend* create(const sync::BackendConfig& config, QObject* parent) override
    {
        return new XmppBackend(config, parent);
    }
};

} // namespace convene::xmpp

#include "xmpp_backend_plugin.moc"
