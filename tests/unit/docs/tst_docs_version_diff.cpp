// Version diffs: marked deltas, summaries, restore deltas checked against the CRDT, painting.
#include "convene/docs/version_diff.h"
#include "crdt/encoding.h"
#include "crdt/ytext.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>

namespace Catch {
template<>
struct StringMaker<convene::docs::DiffSummary> {
    static std::string convert(const convene::docs::DiffSummary& s)
    {
        return "{+" + std::to_string(s.added) + " -" + std::to_string(s.removed) + " ~" + std::to_string(s.formatted) +
               "}";
    }
};
} // namespace Catch

using namespace convene;
using crdt::DeltaOp;
using crdt::Value;

namespace {

std::vector<DeltaOp> delta(std::string_view json)
{
    std::vector<DeltaOp> ops;
    const Value parsed = crdt::parseJson(json);
    for (const Value& v : parsed.asArray()) {
        DeltaOp op;
        if (const Value* insert = v.get("insert")) {
            if (insert->kind() == Value::Kind::String)
                op.text = crdt::toUtf16(insert->asString());
            else
                op.embed = *insert;
        } else if (const Value* retain = v.get("retain")) {
            op.kind = DeltaOp::Kind::Retain;
            op.count = uint64_t(retain->asNumber());
        } else {
            op.kind = DeltaOp::Kind::Delete;
            op.count = uint64_t(v.get("delete")->asNumber());
        }
        if (const Value* attributes = v.get("attributes"))
            op.attributes = *attributes;
        ops.push_back(std::move(op));
    }
    return ops;
}

std::string json(const std::vector<DeltaOp>& ops)
{
    return crdt::deltaToJson(ops);
}

// Attribute keys sorted and adjacent text runs of equal attributes merged, so two deltas of the
// same content compare equal however the CRDT's format items happen to be ordered.
std::string canonical(const std::vector<DeltaOp>& ops)
{
    std::vector<DeltaOp> out;
    for (DeltaOp op : ops) {
        if (op.attributes.kind() == Value::Kind::Object) {
            Value::Object entries = op.attributes.asObject();
            std::sort(entries.begin(), entries.end(), [](const auto& l, const auto& r) { return l.first < r.first; });
            op.attributes = entries.empty() ? Value() : Value::object(std::move(entries));
        }
        if (op.kind == DeltaOp::Kind::Insert && !op.embed && op.text.empty())
            continue;
        if (!out.empty() && op.kind == DeltaOp::Kind::Insert && !op.embed && out.back().kind == DeltaOp::Kind::Insert &&
            !out.back().embed && out.back().attributes == op.attributes) {
            out.back().text += op.text;
            continue;
        }
        out.push_back(std::move(op));
    }
    return json(out);
}

// The text of a marked delta without the ops of one kind of mark.
std::u16string textWithout(const std::vector<DeltaOp>& marked, const char* mark)
{
    std::u16string text;
    for (const DeltaOp& op : marked) {
        const Value* m =
            op.attributes.kind() == Value::Kind::Object ? op.attributes.get(docs::kDiffAttribute) : nullptr;
        if (m && m->asString() == mark)
            continue;
        text += op.embed ? std::u16string(1, u'\uFFFC') : op.text;
    }
    return text;
}

std::u16string plainText(const std::vector<DeltaOp>& content)
{
    std::u16string text;
    for (const DeltaOp& op : content)
        text += op.embed ? std::u16string(1, u'\uFFFC') : op.text;
    return text;
}

// What restoring does: a CRDT text holding `current` gets the transforming delta.
std::vector<DeltaOp> restoredThroughCrdt(const std::vector<DeltaOp>& current, const std::vector<DeltaOp>& target)
{
    crdt::Doc doc(7);
    crdt::Text text = doc.getText("content");
    text.applyDelta(current);
    REQUIRE(canonical(text.toDelta()) == canonical(current));
    text.applyDelta(docs::transformingDelta(current, target));
    return text.toDelta();
}

// A document as units (one code point or embed each) with attributes, so that random edits
// never split a surrogate pair.
struct Unit {
    std::u16string text; // empty for an embed
    Value embed;
    Value attributes;
};
using Units = std::vector<Unit>;

std::vector<DeltaOp> toDelta(const Units& units)
{
    std::vector<DeltaOp> ops;
    for (const Unit& u : units) {
        if (u.text.empty()) {
            DeltaOp op;
            op.embed = u.embed;
            op.attributes = u.attributes;
            ops.push_back(op);
        } else if (!ops.empty() && !ops.back().embed && ops.back().attributes == u.attributes) {
            ops.back().text += u.text;
        } else {
            DeltaOp op;
            op.text = u.text;
            op.attributes = u.attributes;
            ops.push_back(op);
        }
    }
    return ops;
}

class RandomDocuments {
public:
    explicit RandomDocuments(uint32_t seed) : rng_(seed) { }

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    Value inlineAttributes()
    {
        static const char* const json[] = {
            "null",
            "null",
            R"({"bold":true})",
            R"({"italic":true})",
            R"({"bold":true,"italic":true})",
            R"({"italic":true,"bold":true})", // same set, other key order
            R"({"code":true})",
            R"({"link":"https://example.com/a"})",
            R"({"link":"https://example.com/b","underline":true})",
            R"({"mention":"user-7"})",
        };
        const Value v = crdt::parseJson(json[below(std::size(json))]);
        return v.isNull() ? Value() : v;
    }
    Value lineAttributes()
    {
        static const char* const json[] = {
            "null",
            "null",
            R"({"header":1})",
            R"({"header":2})",
            R"({"list":"bullet"})",
            R"({"list":"checked"})",
            R"({"list":"unchecked"})",
            R"({"blockquote":true})",
            R"({"code-block":true})",
        };
        const Value v = crdt::parseJson(json[below(std::size(json))]);
        return v.isNull() ? Value() : v;
    }
    Unit unit(const Value& attributes)
    {
        static const char16_t* const pieces[] = {u"a", u"b", u"c", u" ", u"e", u"中", u"文", u"😀", u"🎉", u"\n"};
        const int pick = below(int(std::size(pieces)) + 1);
        if (pick == int(std::size(pieces)))
            return {
                {}, crdt::parseJson(R"({"image":"convene://blobs/)" + std::to_string(below(3)) + "\"}"), attributes};
        Unit u{pieces[pick], {}, attributes};
        if (u.text == u"\n")
            u.attributes = lineAttributes();
        return u;
    }
    Units run(int length)
    {
        Units units;
        const Value attributes = inlineAttributes();
        for (int i = 0; i < length; ++i)
            units.push_back(unit(attributes));
        return units;
    }
    Units document(int maxLength)
    {
        Units units;
        const int length = below(maxLength + 1);
        while (int(units.size()) < length) {
            Units r = run(1 + below(8));
            units.insert(units.end(), r.begin(), r.end());
        }
        return units;
    }
    Units edited(Units units, int edits)
    {
        for (int i = 0; i < edits; ++i) {
            const int at = below(int(units.size()) + 1);
            const int length = std::min(1 + below(6), int(units.size()) - at);
            switch (below(4)) {
            case 0: {
                Units r = run(1 + below(6));
                units.insert(units.begin() + at, r.begin(), r.end());
                break;
            }
            case 1: units.erase(units.begin() + at, units.begin() + at + length); break;
            case 2: {
                const Value attributes = inlineAttributes();
                for (int k = at; k < at + length; ++k)
                    if (units[k].text != u"\n")
                        units[k].attributes = attributes;
                break;
            }
            default:
                for (int k = at; k < at + length; ++k)
                    if (units[k].text == u"\n")
                        units[k].attributes = lineAttributes();
                    else if (!units[k].text.empty())
                        units[k] = unit(units[k].attributes);
                break;
            }
        }
        return units;
    }

private:
    std::mt19937 rng_;
};

// A long document: paragraphs of words with some formatting, headings, list items and images.
Units longDocument(std::mt19937& rng, int length)
{
    static const char16_t* const words[] = {u"version", u"history", u"document", u"convene", u"team",  u"meeting",
                                            u"文档",    u"版本",    u"协作",     u"the",     u"and",   u"of",
                                            u"review",  u"draft",   u"change",   u"project", u"notes", u"🎉"};
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    Units units;
    while (int(units.size()) < length) {
        const int wordsInParagraph = 10 + pick(80);
        for (int w = 0; w < wordsInParagraph; ++w) {
            const char16_t* word = words[pick(int(std::size(words)))];
            const Value attributes = pick(12) == 0 ? crdt::parseJson(R"({"bold":true})") : Value();
            for (std::u16string_view rest = word; !rest.empty();) {
                const std::size_t width = rest[0] >= 0xD800 && rest[0] < 0xDC00 ? 2 : 1;
                units.push_back({std::u16string(rest.substr(0, width)), {}, attributes});
                rest.remove_prefix(width);
            }
            units.push_back({u" ", {}, {}});
        }
        if (pick(20) == 0)
            units.push_back(
                {{}, crdt::parseJson(R"({"image":"convene://blobs/)" + std::to_string(pick(50)) + "\"}"), {}});
        const int kind = pick(10);
        units.push_back({u"\n",
                         {},
                         kind == 0   ? crdt::parseJson(R"({"header":2})")
                         : kind == 1 ? crdt::parseJson(R"({"list":"bullet"})")
                                     : Value()});
    }
    return units;
}

std::size_t utf16Length(const Units& units)
{
    std::size_t n = 0;
    for (const Unit& u : units)
        n += u.text.empty() ? 1 : u.text.size();
    return n;
}

// A few scattered edits whose minimal diff is known: (added, removed, formatted) units.
Units scatteredEdits(const Units& original, std::mt19937& rng, docs::DiffSummary& expected)
{
    Units units = original;
    const std::size_t stride = units.size() / 6;
    for (int i = 5; i >= 1; --i) { // from the end, so positions before stay valid
        const std::size_t at = stride * std::size_t(i) + std::uniform_int_distribution<std::size_t>(0, 100)(rng);
        switch (i % 3) {
        case 0:
            for (char16_t c : std::u16string_view(u"«新增 inserted»"))
                units.insert(units.begin() + std::ptrdiff_t(at), Unit{std::u16string(1, c), {}, {}});
            expected.added += 13;
            break;
        case 1:
            units.erase(units.begin() + std::ptrdiff_t(at), units.begin() + std::ptrdiff_t(at) + 7);
            expected.removed += int(
                utf16Length(Units(original.begin() + std::ptrdiff_t(at), original.begin() + std::ptrdiff_t(at) + 7)));
            break;
        default:
            for (std::size_t k = at; k < at + 9; ++k) {
                if (units[k].text == u"\n")
                    continue;
                units[k].attributes = crdt::parseJson(R"({"italic":true,"underline":true})");
                expected.formatted += units[k].text.empty() ? 1 : int(units[k].text.size());
            }
            break;
        }
    }
    return units;
}

// About 30% of the units replaced by fresh text, in spans of 20 to 400 units.
Units rewritten(const Units& original, std::mt19937& rng)
{
    Units units = original;
    const Units fresh = longDocument(rng, int(original.size() / 2));
    std::size_t replaced = 0, source = 0;
    while (replaced < original.size() * 3 / 10) {
        const std::size_t length = std::uniform_int_distribution<std::size_t>(20, 400)(rng);
        const std::size_t at = std::uniform_int_distribution<std::size_t>(0, units.size() - length)(rng);
        for (std::size_t k = 0; k < length; ++k)
            units[at + k] = fresh[(source + k) % fresh.size()];
        source += length;
        replaced += length;
    }
    return units;
}

QTextCharFormat formatAt(const QTextDocument& doc, int position)
{
    const QTextBlock block = doc.findBlock(position);
    for (auto it = block.begin(); !it.atEnd(); ++it)
        if (position >= it.fragment().position() && position < it.fragment().position() + it.fragment().length())
            return it.fragment().charFormat();
    FAIL("no fragment at " << position);
    return {};
}

// What the rich-text renderer would show, without its formatting: plain inserts, one block
// per "\n" (the last "\n" ends the last block), an image per embed.
void showPlain(QTextDocument& doc, const std::vector<DeltaOp>& ops)
{
    QTextCursor cursor(&doc);
    const std::u16string text = plainText(ops);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == u'\n') {
            if (i + 1 < text.size())
                cursor.insertBlock();
        } else if (text[i] == u'\uFFFC') {
            QTextImageFormat image;
            image.setName(QStringLiteral("convene://blobs/x"));
            cursor.insertImage(image);
        } else {
            cursor.insertText(QString(QChar(text[i])));
        }
    }
}

} // namespace

TEST_CASE("equal versions have nothing marked and an empty restore delta", "[docs][history]")
{
    const auto doc = delta(R"([{"insert":"Title"},{"insert":"\n","attributes":{"header":1}},)"
                           R"({"insert":"text "},{"insert":{"image":"convene://blobs/1"}},{"insert":"\n"}])");
    CHECK(json(docs::markedDelta(doc, doc)) == json(doc));
    CHECK(docs::diffSummary(docs::markedDelta(doc, doc)) == docs::DiffSummary{});
    CHECK(docs::transformingDelta(doc, doc).empty());
}

TEST_CASE("marked deltas show additions and removals where they happened", "[docs][history]")
{
    SECTION("an insertion")
    {
        CHECK(
            json(docs::markedDelta(delta(R"([{"insert":"Hello world\n"}])"),
                                   delta(R"([{"insert":"Hello brave world\n"}])"))) ==
            R"([{"insert":"Hello "},{"insert":"brave ","attributes":{"convene-diff":"added"}},{"insert":"world\n"}])");
    }
    SECTION("a removal is put back where it was, with its own attributes")
    {
        CHECK(json(docs::markedDelta(delta(R"([{"insert":"one "},{"insert":"two ","attributes":{"bold":true}},)"
                                           R"({"insert":"three\n"}])"),
                                     delta(R"([{"insert":"one three\n"}])"))) ==
              R"([{"insert":"one "},{"insert":"two ","attributes":{"bold":true,"convene-diff":"removed"}},)"
              R"({"insert":"three\n"}])");
    }
    SECTION("a rewritten phrase reads as one removal and one addition, not letter by letter")
    {
        CHECK(json(docs::markedDelta(delta(R"([{"insert":"The quick brown fox\n"}])"),
                                     delta(R"([{"insert":"The slow red fox\n"}])"))) ==
              R"([{"insert":"The "},{"insert":"quick brown","attributes":{"convene-diff":"removed"}},)"
              R"({"insert":"slow red","attributes":{"convene-diff":"added"}},{"insert":" fox\n"}])");
    }
    SECTION("Chinese text")
    {
        CHECK(json(docs::markedDelta(delta(R"([{"insert":"今天天气很好。\n"}])"),
                                     delta(R"([{"insert":"今天天气不错。\n"}])"))) ==
              R"([{"insert":"今天天气"},{"insert":"很好","attributes":{"convene-diff":"removed"}},)"
              R"({"insert":"不错","attributes":{"convene-diff":"added"}},{"insert":"。\n"}])");
    }
    SECTION("a removed line")
    {
        CHECK(json(docs::markedDelta(delta(R"([{"insert":"first\nsecond\nthird\n"}])"),
                                     delta(R"([{"insert":"first\nthird\n"}])"))) ==
              R"([{"insert":"first\n"},{"insert":"second\n","attributes":{"convene-diff":"removed"}},)"
              R"({"insert":"third\n"}])");
    }
}

TEST_CASE("marked deltas show formatting changes with the newer attributes", "[docs][history]")
{
    SECTION("inline attributes")
    {
        CHECK(json(docs::markedDelta(delta(R"([{"insert":"plain bold\n"}])"),
                                     delta(R"([{"insert":"plain "},{"insert":"bold","attributes":{"bold":true}},)"
                                           R"({"insert":"\n"}])"))) ==
              R"([{"insert":"plain "},{"insert":"bold","attributes":{"bold":true,"convene-diff":"formatted"}},)"
              R"({"insert":"\n"}])");
    }
    SECTION("a line attribute lives on the newline alone")
    {
        CHECK(json(docs::markedDelta(delta(R"([{"insert":"Title"},{"insert":"\n","attributes":{"header":1}}])"),
                                     delta(R"([{"insert":"Title"},{"insert":"\n","attributes":{"header":2}}])"))) ==
              R"([{"insert":"Title"},{"insert":"\n","attributes":{"header":2,"convene-diff":"formatted"}}])");
    }
    SECTION("the order of attribute keys is no change")
    {
        CHECK(json(docs::markedDelta(delta(R"([{"insert":"x","attributes":{"bold":true,"italic":true}}])"),
                                     delta(R"([{"insert":"x","attributes":{"italic":true,"bold":true}}])"))) ==
              R"([{"insert":"x","attributes":{"bold":true,"italic":true}}])");
    }
}

TEST_CASE("embeds and surrogate pairs are single units", "[docs][history]")
{
    SECTION("an image replaced by another")
    {
        CHECK(json(docs::markedDelta(delta(R"([{"insert":"a"},{"insert":{"image":"convene://blobs/1"}},)"
                                           R"({"insert":{"image":"convene://blobs/2"}},{"insert":"b\n"}])"),
                                     delta(R"([{"insert":"a"},{"insert":{"image":"convene://blobs/1"}},)"
                                           R"({"insert":{"image":"convene://blobs/3"}},{"insert":"b\n"}])"))) ==
              R"([{"insert":"a"},{"insert":{"image":"convene://blobs/1"}},)"
              R"({"insert":{"image":"convene://blobs/2"},"attributes":{"convene-diff":"removed"}},)"
              R"({"insert":{"image":"convene://blobs/3"},"attributes":{"convene-diff":"added"}},{"insert":"b\n"}])");
    }
    SECTION("emoji that share their high surrogate")
    {
        // U+1F600 and U+1F601 differ only in the low surrogate; the diff must not split them.
        const auto marked = docs::markedDelta(delta(R"([{"insert":"a😀b\n"}])"), delta(R"([{"insert":"a😁b\n"}])"));
        CHECK(json(marked) == R"([{"insert":"a"},{"insert":"😀","attributes":{"convene-diff":"removed"}},)"
                              R"({"insert":"😁","attributes":{"convene-diff":"added"}},{"insert":"b\n"}])");
        CHECK(docs::diffSummary(marked) == docs::DiffSummary{2, 2, 0});
        const auto restore =
            docs::transformingDelta(delta(R"([{"insert":"a😀b\n"}])"), delta(R"([{"insert":"a😁b\n"}])"));
        CHECK(json(restore) == R"([{"retain":1},{"insert":"😁"},{"delete":2}])");
    }
}

TEST_CASE("a diff summary counts UTF-16 units per kind of change", "[docs][history]")
{
    const auto marked = docs::markedDelta(
        delta(R"([{"insert":"keep 删除这些 plain text"},{"insert":{"image":"convene://blobs/1"}},{"insert":"\n"}])"),
        delta(R"([{"insert":"keep "},{"insert":"plain text","attributes":{"italic":true}},{"insert":" added 😀"},)"
              R"({"insert":"\n"}])"));
    // Removed: "删除这些 " (5) and the image (1); added: " added 😀" (9); formatted: "plain text" (10).
    INFO(json(marked));
    CHECK(docs::diffSummary(marked) == docs::DiffSummary{9, 6, 10});
    CHECK(docs::diffSummary(delta(R"([{"insert":"x","attributes":{"convene-diff":"added"}},{"retain":4}])")) ==
          docs::DiffSummary{1, 0, 0});
}

TEST_CASE("an unchanged word between changes no longer than it reads as rewritten", "[docs][history]")
{
    // diff-match-patch's rule: "plain" is kept only if it is longer than the change on one side.
    const auto marked = docs::markedDelta(delta(R"([{"insert":"keep 删除这些 plain!\n"}])"),
                                          delta(R"([{"insert":"keep plain added\n"}])"));
    CHECK(json(marked) == R"([{"insert":"keep "},{"insert":"删除这些 plain!","attributes":{"convene-diff":"removed"}},)"
                          R"({"insert":"plain added","attributes":{"convene-diff":"added"}},{"insert":"\n"}])");
}

TEST_CASE("restore deltas touch only what differs", "[docs][history]")
{
    const auto base = delta(R"([{"insert":"Hello world\n"}])");
    CHECK(json(docs::transformingDelta(base, delta(R"([{"insert":"Hello brave world\n"}])"))) ==
          R"([{"retain":6},{"insert":"brave "}])");
    CHECK(json(docs::transformingDelta(base, delta(R"([{"insert":"Hello\n"}])"))) == R"([{"retain":5},{"delete":6}])");
    CHECK(json(docs::transformingDelta(
              base, delta(R"([{"insert":"Hello "},{"insert":"world","attributes":{"bold":true}},)"
                          R"({"insert":"\n"}])"))) == R"([{"retain":6},{"retain":5,"attributes":{"bold":true}}])");
    CHECK(json(docs::transformingDelta(
              delta(R"([{"insert":"ab","attributes":{"bold":true,"link":"https://a"}},)"
                    R"({"insert":"\n"}])"),
              delta(R"([{"insert":"ab","attributes":{"link":"https://b"}},{"insert":"\n"}])"))) ==
          R"([{"retain":2,"attributes":{"link":"https://b","bold":null}}])");
    // A replacement inserts before it deletes, like Quill; the insert carries its attributes.
    CHECK(json(docs::transformingDelta(base,
                                       delta(R"([{"insert":"Hello "},{"insert":"there","attributes":{"italic":true}},)"
                                             R"({"insert":"\n"}])"))) ==
          R"([{"retain":6},{"insert":"there","attributes":{"italic":true}},{"delete":5}])");
}

TEST_CASE("restore deltas applied to the CRDT give the target version", "[docs][history][crdt]")
{
    SECTION("hand-written cases")
    {
        const char* const versions[] = {
            R"([{"insert":"Title"},{"insert":"\n","attributes":{"header":1}},{"insert":"item one"},)"
            R"({"insert":"\n","attributes":{"list":"checked"}},{"insert":{"image":"convene://blobs/9"}},{"insert":"\n"}])",
            R"([{"insert":"Title changed"},{"insert":"\n","attributes":{"header":2}},{"insert":"item "},)"
            R"({"insert":"one","attributes":{"bold":true,"link":"https://example.com"}},)"
            R"({"insert":"\n","attributes":{"list":"unchecked"}},{"insert":"tail\n"}])",
            R"([{"insert":"\n"}])",
            R"([])",
            R"([{"insert":"联系 "},{"insert":"@li","attributes":{"mention":"user-2"}},{"insert":" 😀\n"}])",
        };
        for (const char* from : versions)
            for (const char* to : versions) {
                INFO(from << " -> " << to);
                CHECK(canonical(restoredThroughCrdt(delta(from), delta(to))) == canonical(delta(to)));
            }
    }
    SECTION("random documents with formatting, line attributes and embeds")
    {
        for (uint32_t seed = 1; seed <= 300; ++seed) {
            RandomDocuments random(seed);
            const Units current = random.document(60);
            // Mostly edited versions of the same document, sometimes unrelated ones.
            const Units target = seed % 10 == 0 ? random.document(60) : random.edited(current, 1 + random.below(6));
            const auto from = toDelta(current), to = toDelta(target);
            INFO("seed " << seed << ": " << json(from) << " -> " << json(to));
            CHECK(canonical(restoredThroughCrdt(from, to)) == canonical(to));
            // Both sides of the marked delta are the two versions' texts.
            const auto marked = docs::markedDelta(from, to);
            CHECK(textWithout(marked, docs::kDiffRemoved) == plainText(to));
            CHECK(textWithout(marked, docs::kDiffAdded) == plainText(from));
        }
    }
}

TEST_CASE("a restore merges with a concurrent edit without losing it", "[docs][history][crdt]")
{
    auto sync = [](crdt::Doc& from, crdt::Doc& to) {
        REQUIRE(to.applyUpdate(from.encodeStateAsUpdate(to.stateVector())).ok);
    };
    SECTION("an edit in a paragraph the restore keeps")
    {
        const auto current = delta(R"([{"insert":"Keep this paragraph.\nRewrite this one.\n"}])");
        const auto target = delta(R"([{"insert":"Keep this paragraph.\nThe old wording.\n"}])");
        crdt::Doc restorer(1), writer(2);
        restorer.getText("content").applyDelta(current);
        sync(restorer, writer);
        writer.getText("content").insert(4, std::u16string_view(u" all of"));
        restorer.getText("content").applyDelta(docs::transformingDelta(current, target));
        sync(restorer, writer);
        sync(writer, restorer);
        CHECK(restorer.getText("content").toString() == "Keep all of this paragraph.\nThe old wording.\n");
        CHECK(json(writer.getText("content").toDelta()) == json(restorer.getText("content").toDelta()));
    }
    SECTION("random documents and concurrent insertions anywhere")
    {
        for (uint32_t seed = 1; seed <= 100; ++seed) {
            RandomDocuments random(seed * 7919);
            const Units current = random.document(50);
            const Units target = random.edited(current, 1 + random.below(5));
            crdt::Doc restorer(1), writer(2);
            restorer.getText("content").applyDelta(toDelta(current));
            sync(restorer, writer);
            const Units before(current.begin(), current.begin() + random.below(int(current.size()) + 1));
            writer.getText("content").insert(utf16Length(before), std::u16string_view(u"§"));
            restorer.getText("content").applyDelta(docs::transformingDelta(toDelta(current), toDelta(target)));
            sync(restorer, writer);
            sync(writer, restorer);
            INFO("seed " << seed);
            const std::u16string merged = restorer.getText("content").toU16String();
            CHECK(json(writer.getText("content").toDelta()) == json(restorer.getText("content").toDelta()));
            CHECK(std::count(merged.begin(), merged.end(), u'§') == 1);
            std::u16string withoutConcurrentEdit = merged;
            std::erase(withoutConcurrentEdit, u'§');
            std::u16string expected = plainText(toDelta(target));
            std::erase(expected, u'\uFFFC'); // toU16String leaves out embeds
            CHECK(withoutConcurrentEdit == expected);
        }
    }
}

TEST_CASE("100-page documents: scattered edits and a 30% rewrite", "[docs][history][large]")
{
    std::mt19937 rng(42);
    const Units original = longDocument(rng, 280'000);
    REQUIRE(utf16Length(original) > 280'000);
    const auto older = toDelta(original);

    SECTION("a few scattered edits are found exactly")
    {
        docs::DiffSummary expected;
        const auto newer = toDelta(scatteredEdits(original, rng, expected));
        REQUIRE(expected.added > 0);
        REQUIRE(expected.removed > 0);
        REQUIRE(expected.formatted > 0);
        CHECK(docs::diffSummary(docs::markedDelta(older, newer)) == expected);
        // Restoring the older version undoes exactly those edits.
        uint64_t inserted = 0, deleted = 0;
        for (const DeltaOp& op : docs::transformingDelta(newer, older)) {
            if (op.kind == DeltaOp::Kind::Insert)
                inserted += op.embed ? 1 : op.text.size();
            else if (op.kind == DeltaOp::Kind::Delete)
                deleted += op.count;
        }
        CHECK(inserted == uint64_t(expected.removed));
        CHECK(deleted == uint64_t(expected.added));
        CHECK(canonical(restoredThroughCrdt(newer, older)) == canonical(older));
    }
    SECTION("a 30% rewrite")
    {
        const auto newer = toDelta(rewritten(original, rng));
        const auto marked = docs::markedDelta(older, newer);
        CHECK(textWithout(marked, docs::kDiffRemoved) == plainText(newer));
        CHECK(textWithout(marked, docs::kDiffAdded) == plainText(older));
        const docs::DiffSummary summary = docs::diffSummary(marked);
        CHECK(summary.added > 0);
        CHECK(summary.added < int(utf16Length(original)) / 2);
        CHECK(canonical(restoredThroughCrdt(older, newer)) == canonical(newer));
    }
    SECTION("unrelated versions (the work bound gives up and replaces)")
    {
        const auto unrelated = toDelta(longDocument(rng, 280'000));
        const auto marked = docs::markedDelta(older, unrelated);
        CHECK(textWithout(marked, docs::kDiffRemoved) == plainText(unrelated));
        CHECK(textWithout(marked, docs::kDiffAdded) == plainText(older));
        CHECK(canonical(restoredThroughCrdt(older, unrelated)) == canonical(unrelated));
    }
}

// Figures for the record, not a pass/fail check: tst_docs_version_diff "[.figures]"
TEST_CASE("diff figures on a 300k-unit document", "[.figures]")
{
    using Clock = std::chrono::steady_clock;
    auto ms = [](Clock::time_point since) {
        return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
    };
    std::mt19937 rng(42);
    const Units original = longDocument(rng, 300'000);
    const auto older = toDelta(original);
    docs::DiffSummary expected;
    const std::pair<const char*, std::vector<DeltaOp>> cases[] = {
        {"5 scattered edits", toDelta(scatteredEdits(original, rng, expected))},
        {"30% rewrite", toDelta(rewritten(original, rng))},
        {"unrelated", toDelta(longDocument(rng, 300'000))},
    };
    for (const auto& [name, newer] : cases) {
        auto start = Clock::now();
        const auto marked = docs::markedDelta(older, newer);
        const double markedMs = ms(start);
        start = Clock::now();
        const auto restore = docs::transformingDelta(newer, older);
        const double restoreMs = ms(start);
        const docs::DiffSummary s = docs::diffSummary(marked);
        std::cout << name << ": " << utf16Length(original) << " units; markedDelta " << markedMs << " ms (+" << s.added
                  << " -" << s.removed << " ~" << s.formatted << ", " << marked.size() << " ops); transformingDelta "
                  << restoreMs << " ms (" << restore.size() << " ops)\n";
    }
}

TEST_CASE("painting a marked delta into the document that shows it", "[docs][history][paint]")
{
    const auto marked = docs::markedDelta(
        delta(
            R"([{"insert":"Intro line\nold words here\n"},{"insert":{"image":"convene://blobs/1"}},{"insert":"\n"}])"),
        delta(R"([{"insert":"Intro "},{"insert":"line","attributes":{"bold":true}},{"insert":"\nnew words here\n"},)"
              R"({"insert":"end\n"}])"));
    REQUIRE(json(marked) ==
            R"([{"insert":"Intro "},{"insert":"line","attributes":{"bold":true,"convene-diff":"formatted"}},)"
            R"({"insert":"\n"},{"insert":"old","attributes":{"convene-diff":"removed"}},)"
            R"({"insert":"new","attributes":{"convene-diff":"added"}},{"insert":" words here\n"},)"
            R"({"insert":{"image":"convene://blobs/1"},"attributes":{"convene-diff":"removed"}},)"
            R"({"insert":"end","attributes":{"convene-diff":"added"}},{"insert":"\n"}])");
    QTextDocument doc;
    showPlain(doc, marked);
    docs::DiffStyle style;
    style.addedBackground = QColor(1, 2, 3);
    style.removedBackground = QColor(4, 5, 6);
    style.removedText = QColor(7, 8, 9);
    style.formattedColour = QColor(10, 11, 12);
    docs::paintDiff(doc, marked, style);

    // Positions: "Intro " 0-5, "line" 6-9, \n 10, "old" 11-13, "new" 14-16, " words here" 17-27,
    // \n 28, image 29, "end" 30-32.
    for (int p : {0, 5, 18, 27}) {
        INFO("unchanged at " << p);
        CHECK(formatAt(doc, p).background().style() == Qt::NoBrush);
        CHECK_FALSE(formatAt(doc, p).fontStrikeOut());
        CHECK(formatAt(doc, p).underlineStyle() == QTextCharFormat::NoUnderline);
    }
    for (int p : {6, 9}) {
        INFO("formatted at " << p);
        CHECK(formatAt(doc, p).underlineStyle() == QTextCharFormat::DashUnderline);
        CHECK(formatAt(doc, p).underlineColor() == QColor(10, 11, 12));
        CHECK(formatAt(doc, p).background().style() == Qt::NoBrush);
    }
    for (int p : {11, 13, 29}) {
        INFO("removed at " << p);
        CHECK(formatAt(doc, p).background().color() == QColor(4, 5, 6));
        CHECK(formatAt(doc, p).foreground().color() == QColor(7, 8, 9));
        CHECK(formatAt(doc, p).fontStrikeOut());
    }
    for (int p : {14, 16, 30, 32}) {
        INFO("added at " << p);
        CHECK(formatAt(doc, p).background().color() == QColor(1, 2, 3));
        CHECK_FALSE(formatAt(doc, p).fontStrikeOut());
    }
    CHECK(formatAt(doc, 29).isImageFormat()); // merged into, not replaced
    CHECK(doc.characterAt(14) == QLatin1Char('n'));
}
