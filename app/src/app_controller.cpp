#include "app_controller.h"

#include "command_line.h"
#include "network_proxy.h"
#include "version_info.h"

#include <convene/core/allowed_backends.h>
#include <convene/core/setting_keys.h>

#include <QGuiApplication>
#include <QPalette>
#include <QStyleHints>

#include <utility>

namespace convene {

namespace {
const QString kLastView = QStringLiteral("state/lastView");
}

AppController::AppController(Settings& settings, const Startup& startup, QObject* parent)
    : QObject(parent),
      m_settings(settings),
      m_themeOverride(startup.themeOverride),
      m_languageOverride(startup.languageOverride),
      m_language(startup.language),
      m_workspaceName(startup.workspaceName),
      m_installedBackends(startup.installedBackends),
      m_callEngineComponents(startup.callEngineComponents)
{
    m_currentView = startup.view;
    if (m_currentView.isEmpty())
        m_currentView = m_settings.state().value(kLastView).toString();
    if (!availableViews().contains(m_currentView))
        m_currentView = availableViews().constFirst();

    connect(&m_settings, &Settings::changed, this, &AppController::onSettingChanged);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, &AppController::updateDarkMode);
#endif
    updateDarkMode();
    applyProxy();
}

void AppController::setCurrentView(const QString& view)
{
    if (view == m_currentView || !availableViews().contains(view))
        return;
    m_currentView = view;
    m_settings.state().setValue(kLastView, view);
    emit currentViewChanged();
}

void AppController::reconnectNow()
{
    if (m_sync)
        m_sync->reconnectNow();
}

void AppController::openChatMessage(const QString& stream, qint64 pos, qint64 threadRoot)
{
    setCurrentView(QStringLiteral("chat"));
    if (m_chat && !stream.isEmpty())
        m_chat->openConversation(stream, pos, threadRoot);
}

void AppController::openChatLink(const QString& stream, const QString& messageId)
{
    setCurrentView(QStringLiteral("chat"));
    if (m_chat && !stream.isEmpty() && !m_chat->openMessage(stream, messageId))
        emit m_chat->notice(tr("That message is not on this device yet; showing its conversation."));
}

void AppController::setWorkspace(const Workspace& workspace)
{
    if (m_sync)
        m_sync->disconnect(this);
    m_sync = workspace.sync;
    m_chat = workspace.chat;
    m_calls = workspace.calls;
    m_calendar = workspace.calendar;
    m_docs = workspace.docs;
    m_accountAddress = workspace.accountAddress;
    m_canSignIn = workspace.canSignIn;
    if (m_sync) {
        connect(m_sync, &sync::SyncService::workspaceNameChanged, this, &AppController::workspaceNameChanged);
        connect(m_sync, &sync::SyncService::accountChanged, this, &AppController::userNameChanged);
    }
    emit workspaceChanged();
    emit workspaceNameChanged();
    emit userNameChanged();
}

QString AppController::workspaceName() const
{
    // The backend knows the workspace's real name once connected (and the cache remembers it).
    if (m_sync && !m_sync->workspaceName().isEmpty())
        return m_sync->workspaceName();
    return m_workspaceName;
}

QString AppController::userName() const
{
    QString configured = m_settings.value(QString::fromLatin1(SettingKey::DisplayName)).toString();
    if (!configured.isEmpty())
        return configured;
    if (!m_accountAddress.isEmpty()) // the name the server has for the account
        return m_sync && !m_sync->userName().isEmpty() ? m_sync->userName() : m_accountAddress.section(u'@', 0, 0);
    // No made-up name: a profile without one is asked for it before its workspace opens. One
    // whose name was cleared in the settings keeps what the directory has.
    if (m_chat && m_chat->peopleDirectory().contains(m_chat->userId()))
        return m_chat->peopleDirectory().name(m_chat->userId());
    return {};
}

QVariantList AppController::versions() const
{
    return componentVersions(m_callEngineComponents ? m_callEngineComponents() : QString());
}

QStringList AppController::views() const
{
    return availableViews();
}

QStringList AppController::backends() const
{
    return allowedBackends(m_settings, m_installedBackends);
}

void AppController::applyProxy()
{
    // New connections use it at once; one already open keeps its proxy until it reconnects.
    const Result<void> applied = applyProxySetting(m_settings.value(QString::fromLatin1(SettingKey::Proxy)).toString());
    const QString problem = applied ? QString() : applied.error().message;
    if (!problem.isEmpty())
        qWarning("%s", qPrintable(problem));
    if (problem != m_proxyProblem) {
        m_proxyProblem = problem;
        emit proxyProblemChanged();
    }
}

void AppController::onSettingChanged(const QString& key)
{
    if (key == QLatin1String(SettingKey::Theme)) {
        // A choice made in the app wins over the command line.
        if (!std::exchange(m_themeOverride, {}).isEmpty())
            emit commandLineOverridesChanged();
        updateDarkMode();
    } else if (key == QLatin1String(SettingKey::Proxy)) {
        applyProxy();
    } else if (key == QLatin1String(SettingKey::DisplayName)) {
        emit userNameChanged();
    } else if (key == QLatin1String(SettingKey::Language)) {
        if (!std::exchange(m_languageOverride, {}).isEmpty())
            emit commandLineOverridesChanged();
        emit languageRequested(m_settings.value(key).toString());
    }
}

QString AppController::chooseTheme(const QString& theme)
{
    // Saving a value the settings already hold changes nothing there, yet replaces the
    // command line's choice.
    const QString error = m_settings.setFromUi(QString::fromLatin1(SettingKey::Theme), theme);
    if (error.isEmpty() && !std::exchange(m_themeOverride, {}).isEmpty()) {
        emit commandLineOverridesChanged();
        updateDarkMode();
    }
    return error;
}

QString AppController::chooseLanguage(const QString& language)
{
    const QString error = m_settings.setFromUi(QString::fromLatin1(SettingKey::Language), language);
    if (error.isEmpty() && !std::exchange(m_languageOverride, {}).isEmpty()) {
        emit commandLineOverridesChanged();
        emit languageRequested(language);
    }
    return error;
}

void AppController::setLanguage(const QString& language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged();
}

bool AppController::systemPrefersDark() const
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::styleHints()->colorScheme() != Qt::ColorScheme::Unknown)
        return QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark;
#endif
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void AppController::updateDarkMode()
{
    const QString theme = m_themeOverride.isEmpty()
                              ? m_settings.value(QString::fromLatin1(SettingKey::Theme)).toString()
                              : m_themeOverride;
    const bool dark = theme == u"dark" || (theme != u"light" && systemPrefersDark());
    if (dark != m_darkMode) {
        m_darkMode = dark;
        emit darkModeChanged();
    }
}

void AppController::openDocLink(const QUrl& link)
{
    if (!m_docs)
        return;
    setCurrentView(QStringLiteral("docs"));
    if (const QString error = m_docs->openLink(link); !error.isEmpty() && m_chat)
        emit m_chat->notice(error);
}

} // namespace convene
