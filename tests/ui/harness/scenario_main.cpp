// Catch2 main for full-app scenarios: an offscreen QGuiApplication, isolated standard paths,
// a listener that saves a screenshot of the app whenever a check fails, and QML warnings that
// fail the test case they are printed in. A child process started with a ChildMode's flag runs
// that mode instead of the tests.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "app_identity.h"
#include "qml_warnings.h"
#include "scenario.h"

#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <string>

Q_IMPORT_QML_PLUGIN(Convene_UiPlugin)
Q_IMPORT_QML_PLUGIN(Convene_AppPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatCorePlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallPlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallCorePlugin)

namespace {

QString safeName(QString text)
{
    for (QChar& c : text)
        if (!c.isLetterOrNumber())
            c = QLatin1Char('-');
    return text.left(80);
}

void failTestCase(const QString& warning)
{
    FAIL_CHECK("QML warning: " << warning.toStdString());
}

// Screenshots of failures, and which test case QML warnings fail.
class ScenarioListener : public Catch::TestEventListenerBase {
public:
    using TestEventListenerBase::TestEventListenerBase;

    void testCaseStarting(const Catch::TestCaseInfo& info) override
    {
        m_testCase = QString::fromStdString(info.name);
        m_failures = 0;
        failRunOnUnreported("before test case \"" + info.name + "\"");
        convene::test::Scenario::setQmlWarningSink(&failTestCase);
    }

    void testCaseEnded(const Catch::TestCaseStats& stats) override
    {
        convene::test::Scenario::setQmlWarningSink(nullptr);
        failRunOnUnreported("after the scenarios of \"" + stats.testInfo.name + "\" ended");
    }

    // Set when a QML warning came where no test case could fail for it.
    static inline bool s_unreportedWarnings = false;

    bool assertionEnded(const Catch::AssertionStats& stats) override
    {
        auto* scenario = convene::test::Scenario::current();
        if (!stats.assertionResult.succeeded() && scenario) {
            const QString name = safeName(m_testCase) + QStringLiteral("-failure-%1").arg(++m_failures);
            const QString file = scenario->screenshot(name);
            std::fprintf(stderr, "scenario screenshot: %s\n",
                         qPrintable(file.isEmpty() ? QStringLiteral("(failed)") : file));
        }
        return true;
    }

private:
    // Warnings outside any scenario (before a test case, or after its last scenario ended, or in
    // one that made none) fail the whole run instead, named on stderr.
    static void failRunOnUnreported(const std::string& when)
    {
        const QStringList warnings = convene::test::QmlWarningCollector::take();
        for (const QString& warning : warnings)
            std::fprintf(stderr, "QML warning %s: %s\n", when.c_str(), qPrintable(warning));
        if (!warnings.isEmpty())
            s_unreportedWarnings = true;
    }

    QString m_testCase;
    int m_failures = 0;
};

} // namespace

CATCH_REGISTER_LISTENER(ScenarioListener)

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Keep the scenarios away from the user's real data and settings.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", QDir(home.path()).filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_RUNTIME_DIR", home.path().toLocal8Bit());
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);

    convene::test::QmlWarningCollector::install();
    QGuiApplication app(argc, argv);
    convene::setApplicationIdentity();
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    QLocale::setDefault(QLocale(QLocale::English)); // scenarios choose other languages explicitly
    // A child process a test started from this executable (ChildMode) runs instead of the tests.
    if (argc > 1) {
        if (const convene::test::ChildMode::Run run = convene::test::ChildMode::find(QString::fromLocal8Bit(argv[1])))
            return run(QCoreApplication::arguments().mid(2));
    }
    const int result = Catch::Session().run(argc, argv);
    if (ScenarioListener::s_unreportedWarnings)
        std::fprintf(stderr, "failed: QML warnings outside any test case's scenarios (above)\n");
    return result != 0 ? result : ScenarioListener::s_unreportedWarnings ? 1 : 0;
}
