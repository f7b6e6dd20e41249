#include "software_video_item.h"

#include <QPainter>
#include <QVideoFrame>

namespace convene::call {

SoftwareVideoItem::SoftwareVideoItem(QQuickItem* parent) : QQuickPaintedItem(parent)
{
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, &SoftwareVideoItem::takeFrame);
}

void SoftwareVideoItem::setMirrored(bool mirrored)
{
    if (m_mirrored == mirrored)
        return;
    m_mirrored = mirrored;
    emit mirroredChanged();
    update();
}

void SoftwareVideoItem::takeFrame(const QVideoFrame& frame)
{
    const bool had = hasPicture();
    // Hidden items pay for one conversion only: the first picture is what makes them visible.
    if (frame.isValid() && (isVisible() || m_picture.isNull()))
        m_picture = frame.toImage();
    if (had != hasPicture())
        emit hasPictureChanged();
    update();
}

void SoftwareVideoItem::paint(QPainter* painter)
{
    if (m_picture.isNull() || width() <= 0 || height() <= 0)
        return;
    // Crop to the item's aspect, like VideoOutput.PreserveAspectCrop.
    const QSizeF target = size();
    QSizeF source = m_picture.size();
    source.scale(target, Qt::KeepAspectRatioByExpanding);
    const double scale = source.width() / m_picture.width();
    const QRectF visible((source.width() - target.width()) / 2 / scale, (source.height() - target.height()) / 2 / scale,
                         target.width() / scale, target.height() / scale);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    if (m_mirrored) {
        painter->translate(target.width(), 0);
        painter->scale(-1, 1);
    }
    painter->drawImage(QRectF(QPointF(0, 0), target), m_picture, visible);
}

} // namespace convene::call
