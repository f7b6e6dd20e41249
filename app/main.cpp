#include "src/app_identity.h"
#include "src/app_root.h"
#include "src/command_line.h"
#include "src/rendering_footprint.h"
#include "src/window_capture.h"

#include <convene/core/policy_source.h>

#include <QApplication>
#include <QIcon>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Convene_UiPlugin)
Q_IMPORT_QML_PLUGIN(Convene_AppPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatPlugin)
Q_IMPORT_QML_PLUGIN(Convene_ChatCorePlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallPlugin)
Q_IMPORT_QML_PLUGIN(Convene_CallCorePlugin)

#if defined(Q_OS_WIN)
#include <shobjidl.h>
#endif

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
    QApplication app(argc, argv); // widgets only for the tray icon's menu
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/convene/icons/convene.svg")));
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    convene::preferBasicRenderLoopForSoftwareGl();

    convene::AppRoot root(parsed->options, convene::platformPolicySource());
    if (const auto started = root.start(); !started) {
        std::fprintf(stderr, "convene: %s\n", qPrintable(started.error().message));
        return 1;
    }
    convene::trimHeapWhenSettled(root.window());

    if (!screenshot.isEmpty()) {
        convene::saveWindowImageWhenReady(root.window(), screenshot, [](const convene::Result<void>& saved) {
            if (!saved)
                std::fprintf(stderr, "convene: screenshot failed: %s\n", qPrintable(saved.error().message));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
