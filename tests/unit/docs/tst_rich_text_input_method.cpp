// Input-method composition in a QML TextEdit: nothing reaches the text while composing, the
// committed string arrives as one insertion.
#include "tst_rich_text_support.h"

#include "convene/docs/rich_text_binding.h"

#include "crdt/ytext.h"

#include <QCoreApplication>
#include <QInputMethodEvent>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickTextDocument>
#include <QTextDocument>

#include <catch2/catch.hpp>

#include <memory>

using namespace convene;
using namespace convene::docs;
using namespace rich_text_test;

namespace {

const char* const kTextEdit = R"(
import QtQuick
TextEdit {
    width: 400
    height: 200
    textFormat: TextEdit.RichText
}
)";

void sendInputMethodEvent(QQuickItem* item, const QString& preedit, const QString& commit = {})
{
    QList<QInputMethodEvent::Attribute> attributes;
    attributes << QInputMethodEvent::Attribute(QInputMethodEvent::Cursor, int(preedit.size()), 1);
    QInputMethodEvent event(preedit, attributes);
    if (!commit.isEmpty())
        event.setCommitString(commit);
    QCoreApplication::sendEvent(item, &event);
}

} // namespace

TEST_CASE("composing with an input method writes only the committed text, once", "[rich-text][ime]")
{
    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData(kTextEdit, QUrl::fromLocalFile(QStringLiteral("ImeTextEdit.qml")));
    std::unique_ptr<QObject> object(component.create());
    INFO(component.errorString().toStdString());
    REQUIRE(object);
    auto* edit = qobject_cast<QQuickItem*>(object.get());
    REQUIRE(edit);
    auto* quickDocument = object->property("textDocument").value<QQuickTextDocument*>();
    REQUIRE(quickDocument);
    QTextDocument* document = quickDocument->textDocument();
    REQUIRE(document);

    crdt::Doc doc(7);
    crdt::Text text = doc.getText("body");
    text.applyDelta({ins("价格\n")});
    RichTextBinding binding(document, doc, text, RichTextStyle{});
    std::vector<std::string> changes;
    text.observe([&](const crdt::Event& e) { changes.push_back(crdt::deltaToJson(e.delta())); });
    REQUIRE(object->property("text").toString().contains(QStringLiteral("价格")));
    object->setProperty("cursorPosition", 2);

    for (const QString& preedit :
         {QStringLiteral("c"), QStringLiteral("chan"), QStringLiteral("chanp"), QStringLiteral("chanpin")}) {
        sendInputMethodEvent(edit, preedit);
        CHECK(edit->property("preeditText").toString() == preedit);
    }
    CHECK(changes.empty());
    CHECK(text.toString() == "价格\n");
    CHECK(document->toPlainText() == QStringLiteral("价格"));

    sendInputMethodEvent(edit, QString(), QStringLiteral("产品"));
    CHECK(edit->property("preeditText").toString().isEmpty());
    REQUIRE(changes.size() == 1);
    CHECK(changes[0] == R"([{"retain":2},{"insert":"产品"}])");
    CHECK(text.toString() == "价格产品\n");
    CHECK(document->toPlainText() == QStringLiteral("价格产品"));
    CHECK(edit->property("cursorPosition").toInt() == 4);
}
