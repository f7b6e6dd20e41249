#include "typing_session.h"

#include <convene/docs/document_session.h>

#include <QCoreApplication>
#include <QKeyEvent>

#include <utility>

using namespace convene;

namespace docs_bench {

TypingSession::TypingSession(std::unique_ptr<docs::DocsController> docs, docs::DocumentSession* session,
                             EditorWindow& window)
    : m_docs(std::move(docs)), m_session(session), m_window(window)
{
    crdt::Doc& doc = m_session->doc();
    m_afterTransaction = doc.onAfterTransaction([this](crdt::Transaction& tr) {
        if (tr.local)
            m_localTransaction = true;
    });
    // Registered after the session's and the binding's handlers: when it runs, the edit is in
    // the CRDT, journaled and queued for the outbox.
    m_onUpdate = doc.onUpdate([this](const std::vector<uint8_t>&, const void*) {
        if (std::exchange(m_localTransaction, false) && !m_presses.empty() && !m_presses.back().transacted)
            m_presses.back().transacted = nowNs();
    });
}

TypingSession::~TypingSession()
{
    m_session->doc().off(m_afterTransaction);
    m_session->doc().off(m_onUpdate);
}

void TypingSession::moveCursor(int position)
{
    m_window.setCursorPosition(position);
    m_window.scrollToCursor();
    m_window.waitForFrameFrom(nowNs(), true);
    runFor(50);
}

void TypingSession::press(char key, int place)
{
    // Sent straight to the window, which hands it to the focused editor. (QTest::keyClick would
    // run the event loop afterwards, and the frame with it.)
    const int code = key == ' ' ? int(Qt::Key_Space) : int(Qt::Key_A) + (key - 'a');
    const QString text(QChar::fromLatin1(key));
    m_presses.push_back({nowNs(), 0, 0, place});
    QKeyEvent pressEvent(QEvent::KeyPress, code, Qt::NoModifier, text);
    QCoreApplication::sendEvent(&m_window.window(), &pressEvent);
    QKeyEvent releaseEvent(QEvent::KeyRelease, code, Qt::NoModifier, text);
    QCoreApplication::sendEvent(&m_window.window(), &releaseEvent);
    m_presses.back().returned = nowNs();
}

std::optional<KeyTiming> TypingSession::timing(const Press& press) const
{
    if (!press.transacted)
        return std::nullopt;
    const std::optional<Frame> frame = m_window.frameFrom(press.transacted);
    if (!frame)
        return std::nullopt;
    KeyTiming t;
    t.place = press.place;
    t.toFrameMs = msBetween(press.sent, frame->swapped);
    t.toCrdtMs = msBetween(press.sent, press.transacted);
    t.toHandledMs = msBetween(press.sent, press.returned);
    t.toFrameStartMs = msBetween(press.sent, frame->start);
    if (frame->syncStart && frame->renderStart) {
        t.polishMs = msBetween(frame->start, frame->syncStart);
        t.syncMs = msBetween(frame->syncStart, frame->syncEnd);
        t.paintMs = msBetween(frame->renderStart, frame->renderEnd);
    }
    return t;
}

} // namespace docs_bench
