#include "doc_content.h"

#include "bench_support.h"

#include <convene/docs/doc_entries.h>

#include <crdt/doc.h>
#include <crdt/update.h>
#include <crdt/ytext.h>

#include <array>
#include <string_view>

using namespace convene;

namespace docs_bench {

namespace {

constexpr crdt::ClientId kAuthorClient = 1'000'001;

QByteArray toByteArray(const std::vector<uint8_t>& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

// Collects a document's updates and hands them out merged, as an editing session does.
class UpdateBatcher {
public:
    explicit UpdateBatcher(crdt::Doc& doc)
    {
        doc.onUpdate([this](const std::vector<uint8_t>& update, const void*) { m_pending.push_back(update); });
    }
    void cut(std::vector<QByteArray>& out)
    {
        if (m_pending.empty())
            return;
        out.push_back(toByteArray(m_pending.size() == 1 ? m_pending.front() : crdt::mergeUpdates(m_pending)));
        m_pending.clear();
    }

private:
    std::vector<std::vector<uint8_t>> m_pending;
};

void finish(DocHistory& history, crdt::Doc& doc, int64_t started)
{
    history.state = toByteArray(doc.encodeStateAsUpdate());
    history.text = doc.getText(docs::kContentName).toU16String();
    history.buildMs = msBetween(started, nowNs());
}

// A small deterministic generator (the same document on every machine and library).
class Random {
public:
    uint32_t next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return uint32_t(m_state >> 33);
    }
    int below(int n) { return int(next() % uint32_t(n)); }
    bool chance(int percent) { return below(100) < percent; }

private:
    uint64_t m_state = 42;
};

constexpr std::array<std::u16string_view, 48> kWords = {
    u"the",      u"team",     u"document", u"release",   u"meeting",  u"review",   u"plan",      u"budget",
    u"customer", u"server",   u"client",   u"schedule",  u"update",   u"design",   u"quarter",   u"goal",
    u"risk",     u"launch",   u"support",  u"feedback",  u"workflow", u"calendar", u"message",   u"channel",
    u"of",       u"and",      u"to",       u"with",      u"for",      u"in",       u"every",     u"each",
    u"shared",   u"offline",  u"quickly",  u"carefully", u"together", u"local",    u"remote",    u"cache",
    u"agreed",   u"proposed", u"measured", u"written",   u"reviewed", u"merged",   u"published", u"archived",
};

constexpr std::array<std::u16string_view, 8> kCodeLines = {
    u"for (const auto& entry : entries) {",
    u"    if (!entry.valid())",
    u"        continue;",
    u"    total += entry.size();",
    u"}",
    u"auto result = store.apply(update);",
    u"return result.ok() ? result.value() : fallback;",
    u"const QString name = QStringLiteral(\"convene\");",
};

class Writer {
public:
    std::vector<crdt::DeltaOp> ops;
    std::size_t length = 0;

    void text(std::u16string s, crdt::Value attributes = {})
    {
        length += s.size();
        ops.push_back({crdt::DeltaOp::Kind::Insert, std::move(s), {}, {}, 0, std::move(attributes)});
    }
    void line(crdt::Value attributes = {}) { text(u"\n", std::move(attributes)); }
};

crdt::Value flag(const char* name)
{
    return crdt::Value::object({{name, crdt::Value::boolean(true)}});
}

std::u16string sentence(Random& random)
{
    std::u16string s;
    const int words = 6 + random.below(11);
    for (int i = 0; i < words; ++i) {
        std::u16string word(kWords[size_t(random.below(int(kWords.size())))]);
        if (i == 0)
            word[0] = char16_t(word[0] - u'a' + u'A');
        s += word;
        s += i + 1 < words ? u" " : u". ";
    }
    return s;
}

// A paragraph with a bold, an italic or a code run now and then.
void paragraph(Writer& w, Random& random)
{
    const int sentences = 3 + random.below(5);
    for (int i = 0; i < sentences; ++i) {
        w.text(sentence(random));
        if (random.chance(25)) {
            const char* kinds[] = {"bold", "italic", "code"};
            std::u16string run(kWords[size_t(random.below(int(kWords.size())))]);
            run += u" ";
            run += kWords[size_t(random.below(int(kWords.size())))];
            w.text(run, flag(kinds[random.below(3)]));
            w.text(u" ");
        }
    }
    w.line();
}

void list(Writer& w, Random& random)
{
    const char* type = random.chance(60) ? "bullet" : "ordered";
    const int items = 3 + random.below(4);
    for (int i = 0; i < items; ++i) {
        std::u16string item = sentence(random);
        item.pop_back(); // the space after the full stop
        w.text(item);
        w.line(crdt::Value::object({{"list", crdt::Value::string(type)}}));
    }
}

void codeBlock(Writer& w, Random& random)
{
    const int lines = 4 + random.below(7);
    for (int i = 0; i < lines; ++i) {
        w.text(std::u16string(kCodeLines[size_t(random.below(int(kCodeLines.size())))]));
        w.line(flag("code-block"));
    }
}

void heading(Writer& w, int level, const std::u16string& title)
{
    w.text(title);
    w.line(crdt::Value::object({{"header", crdt::Value::number(level)}}));
}

std::u16string number(int n)
{
    std::u16string s;
    for (char c : std::to_string(n))
        s += char16_t(c);
    return s;
}

} // namespace

DocHistory traceHistory(const Trace& trace, std::size_t editsPerUpdate)
{
    DocHistory history;
    const int64_t started = nowNs();
    crdt::Doc doc(kAuthorClient);
    crdt::Text text = doc.getText(docs::kContentName);
    UpdateBatcher batcher(doc);
    if (!trace.startContent.empty())
        text.insert(0, std::u16string_view(trace.startContent));
    std::size_t inBatch = 0;
    for (const auto& txn : trace.txns) {
        doc.transact([&](crdt::Transaction&) {
            for (const TracePatch& p : txn) {
                if (p.del > 0)
                    text.remove(p.pos, p.del);
                if (!p.insert.empty())
                    text.insert(p.pos, std::u16string_view(p.insert));
            }
        });
        history.edits += txn.size();
        inBatch += txn.size();
        if (inBatch >= editsPerUpdate) {
            batcher.cut(history.updates);
            inBatch = 0;
        }
    }
    batcher.cut(history.updates);
    finish(history, doc, started);
    return history;
}

DocHistory generatedHistory(int pages, std::size_t charsPerUpdate)
{
    DocHistory history;
    const int64_t started = nowNs();
    Random random;
    Writer w;
    const std::size_t target = std::size_t(pages) * 3000;
    for (int chapter = 1; w.length < target; ++chapter) {
        heading(w, 1, u"Chapter " + number(chapter) + u": " + std::u16string(kWords[size_t(chapter) % kWords.size()]));
        for (int section = 1; section <= 5 && w.length < target; ++section) {
            heading(w, 2, number(chapter) + u"." + number(section) + u" " + sentence(random));
            const int paragraphs = 2 + random.below(4);
            for (int i = 0; i < paragraphs; ++i)
                paragraph(w, random);
            if (random.chance(50))
                list(w, random);
            if (random.chance(25))
                codeBlock(w, random);
        }
    }

    crdt::Doc doc(kAuthorClient);
    crdt::Text text = doc.getText(docs::kContentName);
    UpdateBatcher batcher(doc);
    for (std::size_t i = 0; i < w.ops.size();) {
        std::vector<crdt::DeltaOp> chunk;
        if (text.length() > 0)
            chunk.push_back({crdt::DeltaOp::Kind::Retain, {}, {}, {}, text.length(), {}});
        std::size_t chars = 0;
        while (i < w.ops.size() && chars < charsPerUpdate) {
            chars += w.ops[i].text.size();
            chunk.push_back(w.ops[i++]);
        }
        doc.transact([&](crdt::Transaction&) { text.applyDelta(chunk); });
        batcher.cut(history.updates);
        history.edits += chunk.size();
    }
    finish(history, doc, started);
    return history;
}

} // namespace docs_bench
