#include "window_capture.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPointer>
#include <QQuickWindow>
#include <QTimer>

#include <memory>

namespace convene {

Result<void> saveWindowImage(QQuickWindow* window, const QString& file)
{
    if (!window)
        return makeError(ErrorCode::Unavailable, QStringLiteral("no window to capture"));
    const QImage image = window->grabWindow();
    if (image.isNull())
        return makeError(ErrorCode::Internal, QStringLiteral("the window could not be rendered"));
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (!image.save(file, "PNG"))
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1").arg(file));
    return {};
}

void saveWindowImageWhenReady(QQuickWindow* window, const QString& file,
                              const std::function<void(const Result<void>&)>& done)
{
    // Give bindings, images and text layout a few frames to settle after the first one.
    constexpr int kSettleMs = 400;
    constexpr int kFallbackMs = 3000;
    auto fired = std::make_shared<bool>(false);
    QPointer<QQuickWindow> guarded(window);
    auto capture = [guarded, file, done, fired] {
        if (*fired)
            return;
        *fired = true;
        QTimer::singleShot(kSettleMs, [guarded, file, done] { done(saveWindowImage(guarded, file)); });
    };
    QObject::connect(window, &QQuickWindow::frameSwapped, window, capture, Qt::SingleShotConnection);
    QTimer::singleShot(kFallbackMs, window, capture);
}

} // namespace convene
