#include "scenario.h"

#include "app_controller.h"
#include "app_root.h"
#include "calendar_setup.h"
#include "map_policy_source.h"
#include "qml_warnings.h"
#include "window_capture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QHash>
#include <QKeyEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QTest>

#include <stdexcept>

namespace convene::test {

namespace {

Scenario* g_current = nullptr;
Scenario::QmlWarningSink g_qmlWarningSink = nullptr;

QHash<QString, ChildMode::Run>& childModes()
{
    static QHash<QString, ChildMode::Run> modes;
    return modes;
}

QObject* findInTree(QObject* root, const QString& name)
{
    if (!root)
        return nullptr;
    if (root->objectName() == name)
        return root;
    if (QObject* found = root->findChild<QObject*>(name))
        return found;
    // Items created by views and popups are visual children without being QObject children.
    if (auto* item = qobject_cast<QQuickItem*>(root)) {
        const auto children = item->childItems();
        for (QQuickItem* child : children)
            if (QObject* found = findInTree(child, name))
                return found;
    }
    return nullptr;
}

bool effectivelyVisible(const QQuickItem* item)
{
    return item && item->isVisible() && item->opacity() > 0 && item->window();
}

} // namespace

Scenario::Scenario() : Scenario(Config()) { }

Scenario::Config Scenario::member(const QString& workspace, const QString& name, const QString& view,
                                  const QString& profileDir)
{
    Config config;
    config.options.workspace = workspace;
    config.options.profileDir = profileDir;
    config.options.language = QStringLiteral("en");
    config.options.view = view;
    config.policy = {{QStringLiteral("displayName"), name}};
    return config;
}

Scenario::Scenario(Config config) : m_config(std::move(config))
{
    if (m_config.options.profileDir.isEmpty()) {
        m_profile = std::make_unique<QTemporaryDir>();
        m_config.options.profileDir = m_profile->path();
    }
    // A network account's name is the server's; only the local workspace asks for one.
    const QString nameKey = QStringLiteral("displayName");
    const QString userNameKey = QStringLiteral("settings/displayName"); // where Settings keeps it
    const QString backend = m_config.policy.contains(QStringLiteral("backend")) // the policy wins
                                ? m_config.policy.value(QStringLiteral("backend")).toString()
                                : m_config.options.backend;
    QSettings settings(QDir(m_config.options.profileDir).filePath(QStringLiteral("settings.ini")),
                       QSettings::IniFormat);
    if (!m_config.displayName.isEmpty() && (backend.isEmpty() || backend == u"local") &&
        !m_config.policy.contains(nameKey) && !settings.contains(userNameKey)) {
        settings.setValue(userNameKey, m_config.displayName);
        settings.sync();
    }
    start();
    g_current = this;
}

Scenario::~Scenario()
{
    if (g_current == this)
        g_current = nullptr;
    // What the app says while it shuts down counts too.
    m_app.reset();
    reportQmlWarnings();
}

void Scenario::setQmlWarningSink(QmlWarningSink sink)
{
    g_qmlWarningSink = sink;
}

void Scenario::reportQmlWarnings()
{
    if (!g_qmlWarningSink)
        return;
    const QStringList warnings = QmlWarningCollector::take();
    for (const QString& warning : warnings)
        g_qmlWarningSink(warning);
}

Scenario* Scenario::current()
{
    return g_current;
}

void Scenario::start()
{
    m_app = std::make_unique<AppRoot>(m_config.options, std::make_unique<MapPolicySource>(m_config.policy));
    const Result<void> started = m_app->start();
    if (!started)
        throw std::runtime_error("app did not start: " + started.error().message.toStdString());
    // Before the event loop runs: reminders missed while the app was closed come with the first load.
    m_calendarNotifications.clear();
    // The tray shows nothing in these tests (no QApplication, no system tray): the notifications
    // are read at their source.
    if (CalendarSetup* calendar = m_app->calendar())
        QObject::connect(calendar, &CalendarSetup::notification, calendar,
                         [this](const QString& title, const QString& text) {
                             m_calendarNotifications.append({title, text});
                         });
    if (!QTest::qWaitForWindowExposed(m_app->window()))
        throw std::runtime_error("main window was never exposed");
}

void Scenario::restart()
{
    g_current = nullptr;
    m_app.reset();
    start();
    g_current = this;
}

AppRoot& Scenario::app() const
{
    return *m_app;
}

AppController& Scenario::controller() const
{
    return m_app->controller();
}

QQuickWindow* Scenario::window() const
{
    return m_app->window();
}

QString Scenario::profileDir() const
{
    return m_config.options.profileDir;
}

QObject* Scenario::find(const QString& objectName, int timeoutMs) const
{
    QObject* found = nullptr;
    waitFor(
        [&] {
            found = findInTree(window(), objectName);
            if (!found)
                found = findInTree(window()->contentItem(), objectName);
            return found != nullptr;
        },
        timeoutMs);
    return found;
}

QQuickItem* Scenario::item(const QString& objectName, int timeoutMs) const
{
    QQuickItem* found = qobject_cast<QQuickItem*>(find(objectName, timeoutMs));
    if (!found)
        throw std::runtime_error("no item named " + objectName.toStdString());
    return found;
}

bool Scenario::isShown(const QString& objectName) const
{
    QObject* object = find(objectName, 0);
    if (auto* item = qobject_cast<QQuickItem*>(object))
        return effectivelyVisible(item);
    return object && object->property("visible").toBool();
}

void Scenario::click(const QString& objectName)
{
    click(item(objectName));
}

bool Scenario::clickToFocus(const QString& objectName, int timeoutMs)
{
    QQuickItem* input = item(objectName);
    return waitFor(
        [&] {
            click(input);
            return input->hasActiveFocus();
        },
        timeoutMs);
}

void Scenario::click(QQuickItem* target)
{
    if (!effectivelyVisible(target))
        throw std::runtime_error("cannot click hidden item " + target->objectName().toStdString());
    const QPoint center = target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint();
    QTest::mouseClick(window(), Qt::LeftButton, Qt::NoModifier, center);
    QTest::qWait(20);
}

void Scenario::typeText(const QString& text)
{
    // Key events carrying text, so that any script (Chinese included) can be typed; one per code
    // point, so that emoji beyond the BMP arrive whole.
    for (const char32_t codePoint : text.toUcs4()) {
        const QString typed = QString::fromUcs4(&codePoint, 1);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, typed);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, typed);
        QGuiApplication::sendEvent(window(), &press);
        QGuiApplication::sendEvent(window(), &release);
    }
}

void Scenario::press(const QKeySequence& keys)
{
    QTest::keySequence(window(), keys);
    QTest::qWait(20);
}

bool Scenario::waitFor(const std::function<bool()>& condition, int timeoutMs) const
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        reportQmlWarnings();
        if (timer.elapsed() >= timeoutMs)
            return false;
        QTest::qWait(10);
    }
    reportQmlWarnings();
    return true;
}

QString Scenario::screenshot(const QString& name) const
{
    QString dir = qEnvironmentVariable("CONVENE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QDir::current().filePath(QStringLiteral("test-screenshots"));
    const QString file = QDir(dir).filePath(name + QStringLiteral(".png"));
    const Result<void> saved = saveWindowImage(window(), file);
    return saved ? file : QString();
}

ChildMode::ChildMode(const char* flag, Run run)
{
    childModes().insert(QString::fromLatin1(flag), run);
}

ChildMode::Run ChildMode::find(const QString& flag)
{
    return childModes().value(flag, nullptr);
}

} // namespace convene::test
