#pragma once
// The editor as the docs view shows it: a Qt Quick window with a rich-text TextArea in a
// ScrollView, rendering on the GUI thread. Every frame's phases are timed.
#include <QObject>
#include <QQmlEngine>
#include <QQuickWindow>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QQuickItem;
class QQuickTextDocument;
class QTextDocument;
QT_END_NAMESPACE

namespace docs_bench {

struct Frame {
    int64_t start = 0; // the update request (or expose) that made it: polishing starts
    int64_t syncStart = 0, syncEnd = 0; // the scene graph takes the items' state (text nodes)
    int64_t renderStart = 0, renderEnd = 0; // painting
    int64_t swapped = 0; // shown
};

class EditorWindow : public QObject {
public:
    EditorWindow();
    ~EditorWindow() override;

    // A new, empty editor in place of the last one; returns once it has been shown.
    bool newEditor();
    void removeEditor();
    QQuickItem* editor() const { return m_editor; }
    QQuickTextDocument* quickDocument() const;
    QTextDocument* textDocument() const;
    QQuickWindow& window() { return m_window; }
    bool focusEditor();
    void setCursorPosition(int position);
    int cursorPosition() const;
    // Scrolls the view so the cursor is in its upper part, as the user would see it typing.
    void scrollToCursor();

    const std::vector<Frame>& frames() const { return m_frames; }
    // The first frame that started at `from` or later and was shown; none yet: nullopt.
    std::optional<Frame> frameFrom(int64_t from) const;
    // Runs the event loop until such a frame was shown; `requestOne`: asks for a frame, else
    // waits for one the items ask for.
    std::optional<Frame> waitForFrameFrom(int64_t from, bool requestOne = false, int timeoutMs = 10'000);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    Frame& current();

    QQmlEngine m_engine;
    QQuickWindow m_window;
    QQuickItem* m_view = nullptr;
    QQuickItem* m_editor = nullptr;
    std::vector<Frame> m_frames;
};

} // namespace docs_bench
