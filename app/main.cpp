#include "src/app_identity.h"
#include "src/app_root.h"
#include "src/command_line.h"
#include "src/window_capture.h"

#include <convene/core/policy_source.h>

#include <QApplication>
#include <QIcon>
#if QT_CONFIG(opengl)
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#endif
#include <QPointer>
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

#ifdef __GLIBC__
#include <malloc.h>
#endif

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

// Qt Quick's texture atlas is sized from the window (2048 × 1024 pixels, 8 MiB, for the
// default window), yet holds only icons and avatars; images that do not fit get textures of
// their own. An explicit environment setting still wins.
void limitTextureAtlas()
{
    if (!qEnvironmentVariableIsSet("QSG_ATLAS_WIDTH") && !qEnvironmentVariableIsSet("QSG_ATLAS_HEIGHT")) {
        qputenv("QSG_ATLAS_WIDTH", "512");
        qputenv("QSG_ATLAS_HEIGHT", "512");
    }
}

// Under a software rasterizer (Mesa's llvmpipe, as on machines without a GPU) a render thread
// gains little, yet costs its own copies of the fonts and glyph data: render on the GUI thread.
void preferBasicRenderLoopForSoftwareGl()
{
#if QT_CONFIG(opengl)
    const QString backend = QQuickWindow::sceneGraphBackend().isEmpty() ? qEnvironmentVariable("QT_QUICK_BACKEND")
                                                                          : QQuickWindow::sceneGraphBackend();
    if (qEnvironmentVariableIsSet("QSG_RENDER_LOOP") || (!backend.isEmpty() && backend != u"rhi") ||
        QQuickWindow::graphicsApi() != QSGRendererInterface::OpenGL)
        return;
    QOffscreenSurface surface;
    surface.create();
    QOpenGLContext context;
    if (!context.create() || !context.makeCurrent(&surface))
        return;
    const QByteArray renderer(reinterpret_cast<const char*>(context.functions()->glGetString(GL_RENDERER)));
    context.doneCurrent();
    if (renderer.contains("llvmpipe") || renderer.contains("softpipe"))
        qputenv("QSG_RENDER_LOOP", "basic");
#endif
}

// Starting up frees much of what it allocated (QML compilation, the first layouts and
// queries), but glibc keeps freed memory for reuse; once the window is up and the first load
// has settled, the QML garbage and the free memory are given back to the system.
void trimHeapWhenSettled(QQuickWindow* window)
{
#ifdef __GLIBC__
    if (!window)
        return;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, qApp,
        [window = QPointer<QQuickWindow>(window)] {
            QTimer::singleShot(std::chrono::seconds(5), qApp, [window] {
                if (QQmlEngine* engine = window ? qmlEngine(window) : nullptr)
                    engine->collectGarbage();
                malloc_trim(0);
            });
        },
        Qt::SingleShotConnection);
#else
    Q_UNUSED(window);
#endif
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

    limitTextureAtlas();
    QApplication app(argc, argv); // widgets only for the tray icon's menu
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/convene/icons/convene.svg")));
    QQuickStyle::setStyle(QStringLiteral("Basic"));
    preferBasicRenderLoopForSoftwareGl();

    convene::AppRoot root(parsed->options, convene::platformPolicySource());
    if (const auto started = root.start(); !started) {
        std::fprintf(stderr, "convene: %s\n", qPrintable(started.error().message));
        return 1;
    }
    trimHeapWhenSettled(root.window());

    if (!screenshot.isEmpty()) {
        convene::saveWindowImageWhenReady(root.window(), screenshot, [](const convene::Result<void>& saved) {
            if (!saved)
                std::fprintf(stderr, "convene: screenshot failed: %s\n", qPrintable(saved.error().message));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QApplication::exec();
}
