#pragma once

#include "video_frame.h"

#include <QMetaType>
#include <QObject>

#include <memory>

namespace convene::media {

using SharedI420Frame = std::shared_ptr<const I420Frame>;

// A camera: delivers I420 pictures. Signals may come from a capture thread; connect queued.
class VideoCapture : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void start() = 0;
    virtual void stop() = 0;

signals:
    void frameCaptured(const convene::media::SharedI420Frame& frame);
    void failed(const QString& reason);
};

} // namespace convene::media

Q_DECLARE_METATYPE(convene::media::SharedI420Frame)
