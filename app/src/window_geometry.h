#pragma once

#include <QObject>
#include <QPointer>
#include <QRect>

class QSettings;
class QWindow;

namespace convene {

// Restores the main window's size, position and maximised state from the last run, and
// remembers them again when the window changes.
class WindowGeometry : public QObject {
    Q_OBJECT

public:
    WindowGeometry(QSettings& state, QObject* parent = nullptr);

    void restore(QWindow* window);
    void save();

private:
    void remember();

    QSettings& m_state;
    QPointer<QWindow> m_window;
    QRect m_normalGeometry;
};

} // namespace convene
