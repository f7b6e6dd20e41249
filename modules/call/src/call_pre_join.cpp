#include "convene/call/call_pre_join.h"

#include <QVideoSink>

namespace convene::call {

CallPreJoin::CallPreJoin(DeviceChoices& devices, Join join, QObject* parent)
    : QObject(parent), m_devices(devices), m_join(std::move(join))
{
    connect(&m_preview, &CameraPreview::runningChanged, this, &CallPreJoin::previewingChanged);
}

void CallPreJoin::open(const QString& stream, const Details& details, const Choices& choices)
{
    const bool changed = stream != m_stream;
    m_stream = stream;
    m_details = details;
    m_choices = choices;
    updatePreview();
    if (changed)
        emit activeChanged();
    emit detailsChanged();
    emit choicesChanged();
}

void CallPreJoin::setDetails(const Details& details)
{
    if (!active())
        return;
    m_details = details;
    updatePreview();
    emit detailsChanged();
}

void CallPreJoin::setMicrophoneOn(bool on)
{
    if (on == m_choices.microphoneOn)
        return;
    m_choices.microphoneOn = on;
    emit choicesChanged();
}

void CallPreJoin::setCameraOn(bool on)
{
    if (on == m_choices.cameraOn)
        return;
    m_choices.cameraOn = on;
    updatePreview();
    emit choicesChanged();
}

void CallPreJoin::cancel()
{
    if (!active())
        return;
    m_stream.clear();
    m_details = {};
    updatePreview();
    emit activeChanged();
    emit detailsChanged();
}

QString CallPreJoin::join()
{
    if (!active())
        return {};
    if (!m_details.problem.isEmpty())
        return m_details.problem;
    // The call opens the camera itself: the preview lets go of it first.
    m_preview.setWanted(false);
    if (const QString error = m_join(m_stream, m_choices); !error.isEmpty()) {
        updatePreview();
        return error;
    }
    cancel();
    return {};
}

void CallPreJoin::attachPreview(QObject* videoSink)
{
    m_preview.setSink(qobject_cast<QVideoSink*>(videoSink));
}

void CallPreJoin::updatePreview()
{
    m_preview.setWanted(active() && m_details.problem.isEmpty() && m_choices.cameraOn);
}

} // namespace convene::call
