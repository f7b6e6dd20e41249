#pragma once

#include <convene/core/result.h>

#include <QString>

#include <functional>

class QQuickWindow;

namespace convene {

// Renders the window as it is now and writes it to a PNG file.
Result<void> saveWindowImage(QQuickWindow* window, const QString& file);

// Waits until the window has shown its first complete frame, then saves it.
void saveWindowImageWhenReady(QQuickWindow* window, const QString& file,
                              const std::function<void(const Result<void>&)>& done);

} // namespace convene
