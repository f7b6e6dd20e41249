#pragma once

#include <QImage>
#include <QQuickPaintedItem>
#include <QVideoSink>
#include <QtQml/qqmlregistration.h>

namespace convene::call {

// Shows a video sink's pictures where VideoOutput cannot: under Qt Quick's software renderer
// (machines without a usable GPU, headless screenshots). Same contract as VideoOutput: feed its
// `videoSink`; pictures fill the item, cropped to keep their aspect, optionally mirrored.
class SoftwareVideoItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVideoSink* videoSink READ videoSink CONSTANT)
    Q_PROPERTY(bool mirrored READ mirrored WRITE setMirrored NOTIFY mirroredChanged)
    Q_PROPERTY(bool hasPicture READ hasPicture NOTIFY hasPictureChanged)

public:
    explicit SoftwareVideoItem(QQuickItem* parent = nullptr);

    QVideoSink* videoSink() { return &m_sink; }
    bool mirrored() const { return m_mirrored; }
    void setMirrored(bool mirrored);
    bool hasPicture() const { return !m_picture.isNull(); }

    void paint(QPainter* painter) override;

signals:
    void mirroredChanged();
    void hasPictureChanged();

private:
    void takeFrame(const QVideoFrame& frame);

    QVideoSink m_sink;
    QImage m_picture;
    bool m_mirrored = false;
};

} // namespace convene::call
