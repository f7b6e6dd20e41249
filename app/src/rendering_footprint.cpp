#include "rendering_footprint.h"

#include <QCoreApplication>
#include <QtGui/qtguiglobal.h>
#if QT_CONFIG(opengl)
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#endif
#include <QPointer>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace convene {

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

} // namespace convene
