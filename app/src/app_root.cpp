#include "app_root.h"

#include "app_controller.h"
#include "translations.h"
#include "window_geometry.h"

#include <convene/core/setting_keys.h>
#include <convene/core/settings.h>

#include <QDir>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickWindow>
#include <QStandardPaths>

namespace convene {

QString defaultProfileDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

AppRoot::AppRoot(AppOptions options, std::unique_ptr<PolicySource> policy, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_policy(std::move(policy))
{
    if (m_options.profileDir.isEmpty())
        m_options.profileDir = defaultProfileDir();
}

AppRoot::~AppRoot()
{
    shutdown();
}

QString AppRoot::workspaceName() const
{
    QString path = m_options.workspace;
    if (path.isEmpty())
        path = m_settings->value(QString::fromLatin1(SettingKey::Workspace)).toString();
    if (path.isEmpty())
        return tr("Convene Demo");
    return QFileInfo(path).completeBaseName();
}

Result<void> AppRoot::start()
{
    if (!QDir().mkpath(m_options.profileDir))
        return makeError(ErrorCode::Io, tr("Cannot create the profile directory %1.").arg(m_options.profileDir));

    m_settings = std::make_unique<Settings>(QDir(m_options.profileDir).filePath(QStringLiteral("settings.ini")),
                                            std::move(m_policy));

    QString language = m_options.language;
    if (language.isEmpty())
        language = m_settings->value(QString::fromLatin1(SettingKey::Language)).toString();
    if (language.isEmpty())
        language = Translations::systemLanguage();
    m_translations = std::make_unique<Translations>(language);

    AppController::Startup startup{m_options.view, m_options.theme, m_translations->language(), workspaceName()};
    m_controller = std::make_unique<AppController>(*m_settings, startup);
    m_geometry = std::make_unique<WindowGeometry>(m_settings->state());

    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
    m_engine->setUiLanguage(m_translations->language());
    m_engine->setInitialProperties({{QStringLiteral("app"), QVariant::fromValue(m_controller.get())}});
    m_engine->load(QUrl(QStringLiteral("qrc:/qt/qml/Convene/App/qml/Main.qml")));

    QQuickWindow* main = window();
    if (!main)
        return makeError(ErrorCode::Internal, tr("The main window could not be created."));
    m_geometry->restore(main);
    main->show();
    return {};
}

void AppRoot::shutdown()
{
    if (m_geometry)
        m_geometry->save();
    m_engine.reset();
    m_geometry.reset();
    m_controller.reset();
    m_translations.reset();
}

QQuickWindow* AppRoot::window() const
{
    if (!m_engine || m_engine->rootObjects().isEmpty())
        return nullptr;
    return qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
}

} // namespace convene
