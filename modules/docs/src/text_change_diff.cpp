#include "text_change_diff.h"

#include "convene/docs/rich_text_attributes.h"

#include <algorithm>

namespace convene::docs::detail {

namespace {

struct Unit {
    char16_t c;
    uint32_t op;
};

std::vector<Unit> unitsOf(const std::vector<crdt::DeltaOp>& ops)
{
    std::vector<Unit> units;
    for (uint32_t i = 0; i < ops.size(); ++i) {
        if (ops[i].embed)
            units.push_back({0xfffc, i});
        else
            for (char16_t c : ops[i].text)
                units.push_back({c, i});
    }
    return units;
}

bool sameContent(const Unit& a, const std::vector<crdt::DeltaOp>& aOps, const Unit& b,
                 const std::vector<crdt::DeltaOp>& bOps)
{
    if (a.c != b.c)
        return false;
    const auto& ea = aOps[a.op].embed;
    const auto& eb = bOps[b.op].embed;
    if (ea.has_value() != eb.has_value())
        return false;
    return !ea || *ea == *eb;
}

void putChange(crdt::Value::Object& o, std::string_view key, bool changed, crdt::Value now)
{
    if (changed)
        o.emplace_back(std::string(key), std::move(now));
}

crdt::Value boolOrNull(bool b)
{
    return b ? crdt::Value::boolean(true) : crdt::Value::null();
}

crdt::Value stringOrNull(const QString& s)
{
    return s.isEmpty() ? crdt::Value::null() : crdt::Value::string(s.toStdString());
}

crdt::Value countOrNull(int n)
{
    return n > 0 ? crdt::Value::number(n) : crdt::Value::null();
}

crdt::Value objectOrUndefined(crdt::Value::Object o)
{
    return o.empty() ? crdt::Value() : crdt::Value::object(std::move(o));
}

crdt::Value inlineChange(const InlineAttributes& a, const InlineAttributes& b)
{
    crdt::Value::Object o;
    putChange(o, attribute::bold, a.bold != b.bold, boolOrNull(b.bold));
    putChange(o, attribute::italic, a.italic != b.italic, boolOrNull(b.italic));
    putChange(o, attribute::underline, a.underline != b.underline, boolOrNull(b.underline));
    putChange(o, attribute::strike, a.strike != b.strike, boolOrNull(b.strike));
    putChange(o, attribute::code, a.code != b.code, boolOrNull(b.code));
    putChange(o, attribute::link, a.link != b.link, stringOrNull(b.link));
    putChange(o, attribute::mention, a.mention != b.mention, stringOrNull(b.mention));
    return objectOrUndefined(std::move(o));
}

crdt::Value lineChange(const LineAttributes& a, const LineAttributes& b)
{
    crdt::Value::Object o;
    putChange(o, attribute::header, a.header != b.header, countOrNull(b.header));
    putChange(o, attribute::list, a.list != b.list, stringOrNull(listTypeName(b.list)));
    putChange(o, attribute::indent, a.indent != b.indent, countOrNull(b.indent));
    putChange(o, attribute::blockquote, a.blockquote != b.blockquote, boolOrNull(b.blockquote));
    putChange(o, attribute::codeBlock, a.codeBlock != b.codeBlock, boolOrNull(b.codeBlock));
    return objectOrUndefined(std::move(o));
}

class ChangeBuilder {
public:
    void retain(uint64_t n, const crdt::Value& attributes)
    {
        if (n == 0)
            return;
        if (!ops_.empty() && ops_.back().kind == crdt::DeltaOp::Kind::Retain && ops_.back().attributes == attributes) {
            ops_.back().count += n;
            return;
        }
        crdt::DeltaOp op;
        op.kind = crdt::DeltaOp::Kind::Retain;
        op.count = n;
        op.attributes = attributes;
        ops_.push_back(std::move(op));
    }
    void remove(uint64_t n)
    {
        if (n == 0)
            return;
        crdt::DeltaOp op;
        op.kind = crdt::DeltaOp::Kind::Delete;
        op.count = n;
        ops_.push_back(std::move(op));
    }
    void insertText(std::u16string_view s, const crdt::Value& attributes)
    {
        if (!ops_.empty() && ops_.back().kind == crdt::DeltaOp::Kind::Insert && !ops_.back().embed &&
            ops_.back().attributes == attributes) {
            ops_.back().text += s;
            return;
        }
        crdt::DeltaOp op;
        op.text = std::u16string(s);
        op.attributes = attributes;
        ops_.push_back(std::move(op));
    }
    void insertEmbed(const crdt::Value& embed, const crdt::Value& attributes)
    {
        crdt::DeltaOp op;
        op.embed = embed;
        op.attributes = attributes;
        ops_.push_back(std::move(op));
    }
    std::vector<crdt::DeltaOp> finish()
    {
        while (!ops_.empty() && ops_.back().kind == crdt::DeltaOp::Kind::Retain && ops_.back().attributes.isUndefined())
            ops_.pop_back();
        return std::move(ops_);
    }

private:
    std::vector<crdt::DeltaOp> ops_;
};

// Retains over units whose text is the same on both sides, changing attributes where needed.
class AttributeDiff {
public:
    AttributeDiff(const std::vector<crdt::DeltaOp>& before, const std::vector<crdt::DeltaOp>& after)
        : before_(before), after_(after)
    { }
    const crdt::Value& change(const Unit& a, const Unit& b)
    {
        const bool newline = a.c == u'\n';
        if (a.op != lastA_ || b.op != lastB_ || newline != lastNewline_) {
            lastA_ = a.op;
            lastB_ = b.op;
            lastNewline_ = newline;
            const crdt::Value& x = before_[a.op].attributes;
            const crdt::Value& y = after_[b.op].attributes;
            change_ = newline ? lineChange(lineAttributesFrom(x), lineAttributesFrom(y))
                              : inlineChange(inlineAttributesFrom(x), inlineAttributesFrom(y));
        }
        return change_;
    }

private:
    const std::vector<crdt::DeltaOp>& before_;
    const std::vector<crdt::DeltaOp>& after_;
    uint32_t lastA_ = UINT32_MAX;
    uint32_t lastB_ = UINT32_MAX;
    bool lastNewline_ = false;
    crdt::Value change_;
};

} // namespace

std::vector<crdt::DeltaOp> diffRange(uint64_t position, const std::vector<crdt::DeltaOp>& before,
                                     uint64_t changedBefore, const std::vector<crdt::DeltaOp>& after,
                                     uint64_t changedAfter)
{
    const std::vector<Unit> a = unitsOf(before);
    const std::vector<Unit> b = unitsOf(after);
    changedBefore = std::min<uint64_t>(changedBefore, a.size());
    changedAfter = std::min<uint64_t>(changedAfter, b.size());
    // The tails must be the same text; if they are not, they are part of the change.
    const bool tailsMatch =
        a.size() - changedBefore == b.size() - changedAfter &&
        std::equal(a.begin() + std::ptrdiff_t(changedBefore), a.end(), b.begin() + std::ptrdiff_t(changedAfter),
                   [&](const Unit& x, const Unit& y) { return sameContent(x, before, y, after); });
    if (!tailsMatch) {
        changedBefore = a.size();
        changedAfter = b.size();
    }
    const std::size_t limit = std::min(changedBefore, changedAfter);
    std::size_t prefix = 0;
    while (prefix < limit && sameContent(a[prefix], before, b[prefix], after))
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < limit - prefix &&
           sameContent(a[changedBefore - 1 - suffix], before, b[changedAfter - 1 - suffix], after))
        ++suffix;

    ChangeBuilder out;
    AttributeDiff attrs(before, after);
    out.retain(position, {});
    for (std::size_t i = 0; i < prefix; ++i)
        out.retain(1, attrs.change(a[i], b[i]));
    out.remove(changedBefore - prefix - suffix);
    for (std::size_t i = prefix; i < changedAfter - suffix; ++i) {
        const crdt::DeltaOp& op = after[b[i].op];
        if (op.embed) {
            out.insertEmbed(*op.embed, op.attributes);
            continue;
        }
        std::size_t j = i;
        while (j + 1 < changedAfter - suffix && b[j + 1].op == b[i].op)
            ++j;
        std::u16string text;
        for (std::size_t k = i; k <= j; ++k)
            text += b[k].c;
        out.insertText(text, op.attributes);
        i = j;
    }
    for (std::size_t i = 0; i < suffix + (a.size() - changedBefore); ++i) {
        const std::size_t ia = changedBefore - suffix + i;
        const std::size_t ib = changedAfter - suffix + i;
        out.retain(1, attrs.change(a[ia], b[ib]));
    }
    return out.finish();
}

} // namespace convene::docs::detail
