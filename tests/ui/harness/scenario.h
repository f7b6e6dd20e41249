#pragma once

#include "app_options.h"

#include <QKeySequence>
#include <QList>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantMap>

#include <functional>
#include <memory>

class QObject;
class QQuickItem;
class QQuickWindow;

namespace convene {
class AppController;
class AppRoot;
} // namespace convene

namespace convene::test {

// Boots the real composition root offscreen with a temporary profile and drives it like a
// person would: find items by objectName, click, type, press shortcuts, wait for results.
// When a check fails while a scenario runs, a screenshot of the window is written to
// $CONVENE_SCREENSHOT_DIR (default: test-screenshots/ in the working directory).
class Scenario {
public:
    struct Config {
        AppOptions options; // profileDir is filled in when empty
        QVariantMap policy; // the organisation's managed settings
        // The name a profile of the local workspace without one gets, as if given on first run
        // (unless the policy sets it); empty leaves the profile new, so that the app asks for one.
        QString displayName = QStringLiteral("Tess");
    };

    Scenario(); // with a default Config (declared apart: its member initializers need the whole class)
    explicit Scenario(Config config);

    // One of several members of a shared workspace, in English, named by the organisation's
    // policy; on `view` when given, on a profile of its own unless `profileDir` is given.
    static Config member(const QString& workspace, const QString& name, const QString& view = {},
                         const QString& profileDir = {});
    ~Scenario();
    Scenario(const Scenario&) = delete;
    Scenario& operator=(const Scenario&) = delete;

    AppRoot& app() const;
    AppController& controller() const;
    QQuickWindow* window() const;
    QString profileDir() const;

    // Shuts the app down and starts it again on the same profile, as after a restart.
    void restart();

    // Finds an object by objectName anywhere in the window, popups included; waits for it.
    QObject* find(const QString& objectName, int timeoutMs = 2000) const;
    QQuickItem* item(const QString& objectName, int timeoutMs = 2000) const;
    bool isShown(const QString& objectName) const;

    void click(const QString& objectName);
    void click(QQuickItem* item);
    // Clicks an input until it has the focus: a window just shown may still be laying out.
    bool clickToFocus(const QString& objectName, int timeoutMs = 5000);
    void typeText(const QString& text);
    void press(const QKeySequence& keys);

    bool waitFor(const std::function<bool()>& condition, int timeoutMs = 3000) const;
    // Saves the window to <screenshot dir>/<name>.png and returns the path.
    QString screenshot(const QString& name) const;

    // The scenario running now, for the failure listener.
    static Scenario* current();

    // Every QML warning printed during a test case fails it (see QmlWarningCollector): checked
    // while waiting and when a scenario ends, each handed to the sink. The scenario main sets a
    // sink that fails the running test case; a child process (ChildMode), or a program with a main
    // of its own, has none.
    using QmlWarningSink = void (*)(const QString& warning);
    static void setQmlWarningSink(QmlWarningSink sink);
    static void reportQmlWarnings();

    // A notification the calendar asked the app to show (the tray's message, or a flash of the
    // taskbar entry where there is no tray, as in these tests).
    struct Notification {
        QString title;
        QString text;
    };
    // The calendar's notifications (reminders, invitations and their changes) since the app
    // last started, oldest first; a restart starts the list again.
    QList<Notification> calendarNotifications() const { return m_calendarNotifications; }

private:
    void start();

    Config m_config;
    std::unique_ptr<QTemporaryDir> m_profile;
    QList<Notification> m_calendarNotifications; // outlives the app, which may notify as it shuts down
    std::unique_ptr<AppRoot> m_app;
};

// Another way to run a scenario executable than its tests: a test can start its own executable
// (QCoreApplication::applicationFilePath()) as a child process with `flag` as the first
// argument, and the child runs `run` (given the arguments after the flag) instead of Catch2, in
// the same offscreen QGuiApplication with isolated standard paths; `run`'s result is the exit
// code. Register one at namespace scope: `const ChildMode typist("--typist", &runTypist);`.
class ChildMode {
public:
    using Run = int (*)(const QStringList& arguments);
    ChildMode(const char* flag, Run run);
    // The mode `flag` names, or null.
    static Run find(const QString& flag);
};

} // namespace convene::test
