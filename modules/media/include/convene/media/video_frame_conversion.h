#pragma once

#include "video_frame.h"

#include <QVideoFrame>

namespace convene::media {

// An I420 picture as a Qt video frame, for QVideoSink / VideoOutput.
QVideoFrame toVideoFrame(const I420Frame& picture);

} // namespace convene::media
