#include "editor_window.h"

#include "bench_support.h"

#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickTextDocument>
#include <QTextDocument>

#include <algorithm>
#include <cstdio>

namespace docs_bench {

namespace {

constexpr QSize kWindowSize(1000, 800);

// Like the docs view's editor: a rich-text TextArea that scrolls.
const QByteArray kEditorQml = R"(
import QtQuick
import QtQuick.Controls

ScrollView {
    TextArea {
        objectName: "editor"
        textFormat: TextEdit.RichText
        wrapMode: TextEdit.Wrap
        selectByMouse: true
        persistentSelection: true
        leftPadding: 48
        rightPadding: 48
        topPadding: 32
    }
}
)";

} // namespace

EditorWindow::EditorWindow()
{
    m_window.resize(kWindowSize);
    m_window.setColor(Qt::white);
    m_window.installEventFilter(this);
    // The basic and software render loops run on the GUI thread; every signal comes from it.
    connect(
        &m_window, &QQuickWindow::beforeSynchronizing, this, [this] { current().syncStart = nowNs(); },
        Qt::DirectConnection);
    connect(
        &m_window, &QQuickWindow::afterSynchronizing, this, [this] { current().syncEnd = nowNs(); },
        Qt::DirectConnection);
    connect(
        &m_window, &QQuickWindow::beforeRendering, this, [this] { current().renderStart = nowNs(); },
        Qt::DirectConnection);
    connect(
        &m_window, &QQuickWindow::afterRendering, this, [this] { current().renderEnd = nowNs(); },
        Qt::DirectConnection);
    connect(
        &m_window, &QQuickWindow::frameSwapped, this, [this] { current().swapped = nowNs(); }, Qt::DirectConnection);
    m_window.show();
}

EditorWindow::~EditorWindow()
{
    removeEditor();
}

Frame& EditorWindow::current()
{
    if (m_frames.empty())
        m_frames.push_back({nowNs()});
    return m_frames.back();
}

bool EditorWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_window && (event->type() == QEvent::UpdateRequest || event->type() == QEvent::Expose))
        m_frames.push_back({nowNs()});
    return false;
}

bool EditorWindow::newEditor()
{
    removeEditor();
    QQmlComponent component(&m_engine);
    component.setData(kEditorQml, QUrl(QStringLiteral("qrc:/bench/Editor.qml")));
    QObject* object = component.beginCreate(m_engine.rootContext());
    m_view = qobject_cast<QQuickItem*>(object);
    if (!m_view) {
        std::fprintf(stderr, "the editor QML did not load: %s\n", qPrintable(component.errorString()));
        delete object;
        return false;
    }
    m_view->setParentItem(m_window.contentItem());
    m_view->setSize(kWindowSize);
    component.completeCreate();
    m_editor = m_view->findChild<QQuickItem*>(QStringLiteral("editor"));
    if (!m_editor || !textDocument())
        return false;
    return waitForFrameFrom(nowNs(), true).has_value();
}

void EditorWindow::removeEditor()
{
    delete m_view;
    m_view = nullptr;
    m_editor = nullptr;
}

QQuickTextDocument* EditorWindow::quickDocument() const
{
    return m_editor ? m_editor->property("textDocument").value<QQuickTextDocument*>() : nullptr;
}

QTextDocument* EditorWindow::textDocument() const
{
    QQuickTextDocument* document = quickDocument();
    return document ? document->textDocument() : nullptr;
}

bool EditorWindow::focusEditor()
{
    m_window.requestActivate();
    runUntil([this] { return m_window.isActive(); }, 2000);
    m_editor->forceActiveFocus();
    return m_editor->hasActiveFocus();
}

void EditorWindow::setCursorPosition(int position)
{
    m_editor->setProperty("cursorPosition", position);
}

int EditorWindow::cursorPosition() const
{
    return m_editor->property("cursorPosition").toInt();
}

void EditorWindow::scrollToCursor()
{
    // The ScrollView's Flickable, which the TextArea is in.
    auto* flickable = m_view->property("contentItem").value<QQuickItem*>();
    if (!flickable || !flickable->property("contentY").isValid())
        return;
    const QRectF cursor = m_editor->property("cursorRectangle").toRectF();
    const double most = std::max(0.0, flickable->property("contentHeight").toDouble() - flickable->height());
    flickable->setProperty("contentY", std::clamp(cursor.y() - 200, 0.0, most));
}

std::optional<Frame> EditorWindow::frameFrom(int64_t from) const
{
    std::optional<Frame> first;
    for (auto it = m_frames.rbegin(); it != m_frames.rend() && it->start >= from; ++it) {
        if (it->swapped)
            first = *it;
    }
    return first;
}

std::optional<Frame> EditorWindow::waitForFrameFrom(int64_t from, bool requestOne, int timeoutMs)
{
    if (requestOne)
        m_window.update();
    std::optional<Frame> frame;
    runUntil([&] { return (frame = frameFrom(from)).has_value(); }, timeoutMs);
    return frame;
}

} // namespace docs_bench
