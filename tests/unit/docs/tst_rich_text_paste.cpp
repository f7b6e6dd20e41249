// Paste from other apps keeps only the formatting we support and never loads anything.
#include "tst_rich_text_support.h"

#include "convene/docs/delta_document.h"
#include "convene/docs/rich_text_binding.h"
#include "convene/docs/rich_text_commands.h"

#include "crdt/ytext.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QMimeData>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <catch2/catch.hpp>

using namespace convene;
using namespace convene::docs;
using namespace rich_text_test;

namespace {

// Remembers every resource the document would load by itself.
class RecordingDocument : public QTextDocument {
public:
    QList<QUrl> loaded;

protected:
    QVariant loadResource(int type, const QUrl& name) override
    {
        loaded << name;
        return QTextDocument::loadResource(type, name);
    }
};

struct Editor {
    Editor() : doc(1), text(doc.getText("body"))
    {
        binding = std::make_unique<RichTextBinding>(&qdoc, doc, text, RichTextStyle{});
    }
    bool paste(int position, const QMimeData& mime)
    {
        QTextCursor c(&qdoc);
        c.setPosition(position);
        return insertFromMimeData(c, &mime);
    }
    std::string yjs() const { return canonical(text.toDelta()); }

    crdt::Doc doc;
    crdt::Text text;
    RecordingDocument qdoc;
    std::unique_ptr<RichTextBinding> binding;
};

// Lays the document out and paints it, so any image would be asked for.
void paint(QTextDocument& doc)
{
    doc.setTextWidth(600);
    QImage canvas(600, int(doc.size().height()) + 1, QImage::Format_ARGB32);
    QPainter painter(&canvas);
    doc.drawContents(&painter);
}

bool holdsRemoteImage(const QTextDocument& doc)
{
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat() && f.toImageFormat().name().contains(QLatin1String("http")))
                return true;
        }
    return false;
}

} // namespace

TEST_CASE("pasting HTML keeps supported formatting, drops the rest, loads nothing", "[rich-text][paste]")
{
    Editor e;
    e.text.applyDelta({ins("before after\n")});
    QMimeData mime;
    mime.setHtml(QStringLiteral(R"html(<html><head><style>p { color: red }</style>
<link rel="stylesheet" href="http://tracker.example/s.css"></head><body>
<h1 style="color:blue">Title</h1>
<p><span style="color:#ff0000; font-family:Arial; font-size:20pt">Red Arial</span> <b>bold</b> <i>italic</i>
<a href="https://example.com/">link</a> <a href="javascript:alert(1)">js</a></p>
<ul><li>one</li><li>two</li></ul>
<ol><li>first</li></ol>
<table border="1" style="background-image: url(http://tracker.example/bg.png)"><tr><td>a</td><td>b</td></tr></table>
<p>img <img src="http://tracker.example/p.png" alt="pixel" width="1" height="1"> end</p>
</body></html>)html"));
    REQUIRE(e.paste(7, mime));
    paint(e.qdoc);

    CHECK(e.yjs() ==
          canonical({ins("before Title"), ins("\n", obj({{"header", num(1)}})), ins("Red Arial "),
                     ins("bold", obj({{"bold", yes()}})), ins(" "), ins("italic", obj({{"italic", yes()}})), ins(" "),
                     ins("link", obj({{"link", str("https://example.com/")}})), ins(" js\none"),
                     ins("\n", obj({{"list", str("bullet")}})), ins("two"), ins("\n", obj({{"list", str("bullet")}})),
                     ins("first"), ins("\n", obj({{"list", str("ordered")}})), ins("a\nb\n\nimg  endafter\n")}));
    CHECK_FALSE(holdsRemoteImage(e.qdoc));
    CHECK(e.text.toDelta().size() > 1);
    for (const DeltaOp& op : e.text.toDelta())
        CHECK_FALSE(op.embed);
    for (const QUrl& url : e.qdoc.loaded)
        CHECK(url.scheme() != QLatin1String("http"));
    // What is shown is what the text holds.
    const int end = e.qdoc.characterCount();
    CHECK(canonical(deltaFromDocument(e.qdoc, 0, end)) == e.yjs());
}

TEST_CASE("pasting Markdown", "[rich-text][paste]")
{
    Editor e;
    QMimeData mime;
    mime.setData(QStringLiteral("text/markdown"),
                 QByteArrayLiteral("# Plan\n\n- [ ] todo\n- [x] done\n\n> quoted **strong**\n\n"
                                   "~~gone~~ `code` ![x](http://tracker.example/a.png) [site](https://example.com)\n"));
    REQUIRE(e.paste(0, mime));
    paint(e.qdoc);
    CHECK(e.yjs() == canonical({ins("Plan"), ins("\n", obj({{"header", num(1)}})), ins("todo"),
                                ins("\n", obj({{"list", str("unchecked")}})), ins("done"),
                                ins("\n", obj({{"list", str("checked")}})), ins("quoted "),
                                ins("strong", obj({{"bold", yes()}})), ins("\n", obj({{"blockquote", yes()}})),
                                ins("gone", obj({{"strike", yes()}})), ins(" "), ins("code", obj({{"code", yes()}})),
                                ins("  "), ins("site", obj({{"link", str("https://example.com")}}))}));
    CHECK_FALSE(holdsRemoteImage(e.qdoc));
    CHECK(e.qdoc.loaded.isEmpty());
}

TEST_CASE("pasting plain text: lines continue the line they go into", "[rich-text][paste]")
{
    Editor e;
    e.text.applyDelta({ins("item"), ins("\n", obj({{"list", str("bullet")}}))});
    QMimeData mime;
    mime.setText(QStringLiteral(" one\r\ntwo\nthree <b>not bold</b>"));
    REQUIRE(e.paste(4, mime));
    CHECK(e.yjs() == canonical({ins("item one"), ins("\n", obj({{"list", str("bullet")}})), ins("two"),
                                ins("\n", obj({{"list", str("bullet")}})), ins("three <b>not bold</b>"),
                                ins("\n", obj({{"list", str("bullet")}}))}));
}

TEST_CASE("copy and paste between our documents keeps everything", "[rich-text][paste]")
{
    Editor from;
    from.text.applyDelta({ins("@Ann", obj({{"mention", str("ann")}})), ins(" check "),
                          embed(obj({{"image", str("convene://blobs/pic")}})),
                          ins("\n", obj({{"list", str("checked")}})), ins("x\n")});
    QTextCursor selection(&from.qdoc);
    selection.setPosition(0);
    selection.setPosition(13, QTextCursor::KeepAnchor);
    std::unique_ptr<QMimeData> mime(createMimeDataFromSelection(selection));
    REQUIRE(mime->hasFormat(QLatin1String(kDeltaMimeType)));
    CHECK(mime->text().startsWith(QStringLiteral("@Ann check")));

    Editor to;
    REQUIRE(to.paste(0, *mime));
    CHECK(to.yjs() ==
          canonical({ins("@Ann", obj({{"mention", str("ann")}})), ins(" check "),
                     embed(obj({{"image", str("convene://blobs/pic")}})), ins("\n", obj({{"list", str("checked")}}))}));
    // The same through HTML only: the blob image stays, the mention becomes text.
    QMimeData html;
    html.setHtml(mime->html());
    Editor viaHtml;
    REQUIRE(viaHtml.paste(0, html));
    CHECK(viaHtml.text.toDelta().size() >= 2);
    CHECK(viaHtml.text.toDelta()[1].embed);
}

TEST_CASE("pasting nothing changes nothing", "[rich-text][paste]")
{
    Editor e;
    QMimeData empty;
    CHECK_FALSE(e.paste(0, empty));
    QTextCursor c(&e.qdoc);
    CHECK_FALSE(insertFromMimeData(c, nullptr));
    QMimeData broken;
    broken.setData(QLatin1String(kDeltaMimeType), QByteArrayLiteral("[{\"insert\": 5}, {\"insert\"")); // malformed
    CHECK_FALSE(e.paste(0, broken));
    CHECK(e.text.length() == 0);
}
