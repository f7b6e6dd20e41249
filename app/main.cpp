#include "src/app_identity.h"
#include "src/app_root.h"
#include "src/bundled_library_location.h"
#include "src/command_line.h"
#include "src/handed_over_links.h"
#include "src/rendering_footprint.h"
#include "src/single_instance.h"
#include "src/system_tray_probe.h"
#include "src/tray_library.h"
#include "src/window_capture.h"

#include <convene/core/policy_source.h>

#include <QDir>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(Convene_UiPlugin)
Q_IMPORT_QML_PLUGIN(Convene_AppPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatCorePlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallPlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallCorePlugin)

#if defined(Q_OS_WIN)
#include <shobjidl.h>
#endif

namespace {

// How long a later launch waits for the running app to take its links.
constexpr int kHandOverTimeoutMs = 10000;

// A later launch on a profile in use: its links go to the app running there, the options only a
// starting app can apply are explained, and this process ends. Returns the exit code.
int handOverToRunningApp(convene::SingleInstance& instance, const convene::ParsedCommandLine& parsed)
{
    const auto say = [](const QString& text) { std::fprintf(stderr, "convene: %s\n", qPrintable(text)); };
    if (!parsed.options.screenshotFile.isEmpty()) {
        say(QCoreApplication::translate("Main", "Convene is already running with this profile, so no screenshot was "
                                                "taken. Quit it first, or use another --profile."));
        return 1;
    }
    for (const QString& option : parsed.startupOptions)
        say(QCoreApplication::translate("Main", "%1 is not applied: Convene is already running with this profile. "
                                                "Quit it first to start with other options.")
                .arg(option));
    if (const auto handed = instance.handOver(parsed.handOver, kHandOverTimeoutMs); !handed) {
        say(handed.error().message);
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    convene::setApplicationIdentity();
#if defined(Q_OS_WIN)
    // Must match the Start-menu shortcut's AppUserModelID, or Windows drops our notifications.
    SetCurrentProcessExplicitAppUserModelID(L"Convene.Desktop");
#endif

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // Parsed before the GUI exists so that --help, --version and bad input need no display.
    const auto parsed = convene::parseCommandLine(arguments);
    if (!parsed) {
        std::fprintf(stderr, "convene: %s\n", qPrintable(parsed.error().message));
        return 2;
    }
    for (const QString& warning : parsed->warnings)
        std::fprintf(stderr, "convene: %s\n", qPrintable(warning));
    if (!parsed->exitText.isEmpty()) {
        std::fputs(qPrintable(parsed->exitText), stdout);
        return 0;
    }

    const QString screenshot = parsed->options.screenshotFile;
    if (!screenshot.isEmpty()) {
        const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
        if (noDisplay && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND"))
            QQuickWindow::setGraphicsApi(QSGRendererInterface::Software); // deterministic, no GPU needed
    }

    convene::limitTextureAtlas();
    // Qt Widgets (the tray icon and its menu) is loaded only where the desktop has a tray.
    convene::TrayLibrary trayLibrary(convene::bundledLibraryCandidates("CONVENE_TRAY", QStringLiteral("convene_tray")));
    const std::unique_ptr<QGuiApplication> app =
        trayLibrary.createApplication(argc, argv, screenshot.isEmpty() && convene::desktopHasSystemTray());
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/convene/icons/convene.svg")));
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    convene::preferBasicRenderLoopForSoftwareGl();

    // One app per profile: a later launch hands its links to the one running and leaves.
    const QString profileDir =
        parsed->options.profileDir.isEmpty() ? convene::defaultProfileDir() : parsed->options.profileDir;
    std::unique_ptr<convene::SingleInstance> instance;
    if (QDir().mkpath(profileDir)) {
        instance = std::make_unique<convene::SingleInstance>(profileDir);
        const auto role = instance->claim();
        if (role && *role == convene::SingleInstance::Role::Later)
            return handOverToRunningApp(*instance, *parsed);
        if (!role) // still starts: better two apps on a profile than none
            std::fprintf(stderr, "convene: %s\n", qPrintable(role.error().message));
    }

    convene::AppRoot root(parsed->options, convene::platformPolicySource(),
                          [&trayLibrary](convene::SystemTrayEvents& events) { return trayLibrary.createIcon(events); });
    if (const auto started = root.start(); !started) {
        std::fprintf(stderr, "convene: %s\n", qPrintable(started.error().message));
        return 1;
    }
    convene::HandedOverLinks handedOver(root);
    if (instance)
        QObject::connect(instance.get(), &convene::SingleInstance::received, &handedOver,
                         &convene::HandedOverLinks::receive);
    convene::trimHeapWhenSettled(root.window());

    if (!screenshot.isEmpty()) {
        convene::saveWindowImageWhenReady(root.window(), screenshot, [](const convene::Result<void>& saved) {
            if (!saved)
                std::fprintf(stderr, "convene: screenshot failed: %s\n", qPrintable(saved.error().message));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QGuiApplication::exec();
}
