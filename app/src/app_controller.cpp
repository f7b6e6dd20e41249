#include "app_controller.h"

#include "command_line.h"
#include "network_proxy.h"
#include "version_info.h"

#include <convene/core/allowed_backends.h>
#include <convene/core/setting_keys.h>

#include <QGuiApplication>
#include <QPalette>
#include <QStyleHints>

namespace convene {

namespace {
const QString kLastView = QStringLiteral("state/lastView");
}

AppController::AppController(Settings& settings, const Startup& startup, QObject* parent)
    : QObject(parent),
      m_settings(settings),
      m_themeOverride(startup.themeOverride),
      m_language(startup.language),
      m_workspaceName(startup.workspaceName),
      m_installedBackends(startup.installedBackends)
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
        connect(m_sync, &sync::SyncService::accountChanged, this, &AppController::workspaceNameChanged);
        connect(m_sync, &sync::SyncService::accountChanged, this, &AppController::userNameChanged);
    }
    emit workspaceChanged();
    emit workspaceNameChanged();
    emit userNameChanged();
}

QString AppController::workspaceName() const
{
    // The backend knows the workspace's real name once connected.
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
    QString account = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    if (account.isEmpty() || account == u"root")
        return tr("Guest");
    account[0] = account[0].toUpper();
    return account;
}

QVariantList AppController::versions() const
{
    return componentVersions();
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
        m_themeOverride.clear(); // a choice made in the app wins over the command line
        updateDarkMode();
    } else if (key == QLatin1String(SettingKey::Proxy)) {
        applyProxy();
    } else if (key == QLatin1String(SettingKey::DisplayName)) {
        emit userNameChanged();
    } else if (key == QLatin1String(SettingKey::Language)) {
        const bool required = m_settings.value(key).toString() != m_language;
        if (required != m_restartRequired) {
            m_restartRequired = required;
            emit restartRequiredChanged();
        }
    }
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
