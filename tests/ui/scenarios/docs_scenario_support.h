#pragma once
// What the Docs scenarios share: the app's docs controller, its editor, keys and what the
// CRDT and the editor hold.
#include "scenario.h"

#include <convene/docs/delta_document.h>
#include <convene/docs/docs_controller.h>

#include <crdt/doc.h>

#include <QQuickItem>
#include <QQuickTextDocument>
#include <QQuickWindow>
#include <QTest>
#include <QTextDocument>

#include <catch2/catch.hpp>

namespace docs_scenario {

using convene::docs::DocsController;
using convene::docs::DocumentListModel;
using convene::docs::DocumentSession;
using convene::test::Scenario;

inline DocsController& docsOf(Scenario& s)
{
    DocsController* docs = s.controller().docs();
    REQUIRE(docs != nullptr);
    return *docs;
}

inline void focusWindow(Scenario& s)
{
    s.window()->requestActivate();
    s.waitFor([&] { return s.window()->isActive(); }, 1000);
}

inline bool popupOpen(Scenario& s, const QString& name)
{
    QObject* popup = s.find(name, 0);
    return popup && popup->property("opened").toBool();
}

inline QString textOf(Scenario& s, const QString& name)
{
    QObject* object = s.find(name, 0);
    return object ? object->property("text").toString() : QString();
}

// The document list's row (as the list shows it now) of the document titled `title`; -1: none.
inline int rowTitled(Scenario& s, const QString& title)
{
    const DocumentListModel& list = *docsOf(s).documents();
    for (int r = 0; r < list.rowCount(); ++r)
        if (list.index(r).data(DocumentListModel::TitleRole).toString() == title)
            return r;
    return -1;
}

inline QQuickItem* editorText(Scenario& s)
{
    return s.item(QStringLiteral("docEditorText"));
}

inline QTextDocument* editorDocument(Scenario& s)
{
    auto* quick = editorText(s)->property("textDocument").value<QQuickTextDocument*>();
    REQUIRE(quick);
    return quick->textDocument();
}

inline std::string deltaOf(DocumentSession* session)
{
    return convene::crdt::deltaToJson(session->text().toDelta());
}

// The session's delta as an editor reads it back: an editor's last line always ends, while a
// text typed from scratch (as y-quill writes it too) ends with "\n" only when its last line has
// a line format.
inline std::string editorView(DocumentSession* session)
{
    std::vector<convene::crdt::DeltaOp> delta = session->text().toDelta();
    const bool ends =
        !delta.empty() && !delta.back().embed && !delta.back().text.empty() && delta.back().text.back() == u'\n';
    if (!ends) {
        if (!delta.empty() && !delta.back().embed && delta.back().attributes.isUndefined())
            delta.back().text += u'\n';
        else {
            convene::crdt::DeltaOp end;
            end.text = u"\n";
            delta.push_back(end);
        }
    }
    return convene::crdt::deltaToJson(delta);
}

// What the editor shows, read back as a delta.
inline std::string shownDelta(Scenario& s)
{
    return convene::crdt::deltaToJson(convene::docs::deltaFromDocument(*editorDocument(s)));
}

inline void key(Scenario& s, Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier, int times = 1)
{
    for (int i = 0; i < times; ++i)
        QTest::keyClick(s.window(), k, modifiers);
    QTest::qWait(20);
}

// Types `text` into whatever has the focus and lets the editor settle.
inline void type(Scenario& s, const QString& text)
{
    s.typeText(text);
    QTest::qWait(20);
}

inline QString plainOf(DocumentSession* session)
{
    return QString::fromStdString(session->text().toString());
}

} // namespace docs_scenario
