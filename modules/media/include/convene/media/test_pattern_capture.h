#pragma once

#include "test_pattern.h"
#include "video_capture.h"

#include <QTimer>

namespace convene::media {

// The synthetic camera: the test pattern at a fixed rate and size.
class TestPatternCapture final : public VideoCapture {
    Q_OBJECT

public:
    TestPatternCapture(int width, int height, int fps, QObject* parent = nullptr);
    void start() override;
    void stop() override;

private:
    void produceDueFrame();

    TestPatternGenerator m_generator;
    QTimer m_timer{this}; // a child, so moveToThread() takes it along
    int64_t m_frameUs;
    int64_t m_nextCaptureUs = 0;
};

} // namespace convene::media
