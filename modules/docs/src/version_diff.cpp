#include "convene/docs/version_diff.h"

#include "change_alignment.h"
#include "diff_units.h"
#include "sequence_diff.h"

#include <string>
#include <unordered_map>

namespace convene::docs {

namespace {

using crdt::DeltaOp;
using crdt::Value;
using detail::DiffEdit;
using detail::kEmbedBase;
using detail::Units;
using detail::Vocabulary;

const detail::LayeredDiffOptions& diffOptions()
{
    static const detail::LayeredDiffOptions options = [] {
        detail::LayeredDiffOptions o;
        o.isWordPart = detail::isWordPart;
        return o;
    }();
    return options;
}

// Appends ops, merging a run of text (or of retains) that shares one style id.
class DeltaWriter {
public:
    void text(uint32_t key, uint64_t style, const Value& attributes)
    {
        if (!mergeable(DeltaOp::Kind::Insert, style)) {
            DeltaOp op;
            op.attributes = attributes;
            push(std::move(op), style, true);
        }
        detail::appendCodePoint(ops_.back().text, key);
    }
    void embed(const Value& embed, const Value& attributes)
    {
        DeltaOp op;
        op.embed = embed;
        op.attributes = attributes;
        push(std::move(op), 0, false);
    }
    void retain(uint64_t count, uint64_t style, const Value& attributes)
    {
        if (mergeable(DeltaOp::Kind::Retain, style)) {
            ops_.back().count += count;
            return;
        }
        DeltaOp op;
        op.kind = DeltaOp::Kind::Retain;
        op.count = count;
        op.attributes = attributes;
        push(std::move(op), style, true);
    }
    void remove(uint64_t count)
    {
        if (mergeable(DeltaOp::Kind::Delete, 0)) {
            ops_.back().count += count;
            return;
        }
        DeltaOp op;
        op.kind = DeltaOp::Kind::Delete;
        op.count = count;
        push(std::move(op), 0, true);
    }
    std::vector<DeltaOp> take()
    {
        if (!ops_.empty() && ops_.back().kind == DeltaOp::Kind::Retain && ops_.back().attributes.isUndefined())
            ops_.pop_back();
        return std::move(ops_);
    }

private:
    bool mergeable(DeltaOp::Kind kind, uint64_t style) const
    {
        return lastMergeable_ && ops_.back().kind == kind && lastStyle_ == style;
    }
    void push(DeltaOp op, uint64_t style, bool mergeable)
    {
        ops_.push_back(std::move(op));
        lastStyle_ = style;
        lastMergeable_ = mergeable;
    }

    std::vector<DeltaOp> ops_;
    uint64_t lastStyle_ = 0;
    bool lastMergeable_ = false;
};

enum class Mark : uint8_t { None, Added, Removed, Formatted };

class MarkedWriter {
public:
    explicit MarkedWriter(const Vocabulary& vocabulary) : vocabulary_(vocabulary) { }

    void unit(uint32_t key, uint32_t attributeId, Mark mark)
    {
        const uint64_t style = uint64_t(attributeId) << 2 | uint64_t(mark);
        const Value& attributes = attributesFor(style, attributeId, mark);
        if (key >= kEmbedBase)
            writer_.embed(vocabulary_.embedValue(key - kEmbedBase), attributes);
        else
            writer_.text(key, style, attributes);
    }
    std::vector<DeltaOp> take() { return writer_.take(); }

private:
    const Value& attributesFor(uint64_t style, uint32_t attributeId, Mark mark)
    {
        if (mark == Mark::None)
            return vocabulary_.attributeValue(attributeId);
        auto it = cache_.find(style);
        if (it != cache_.end())
            return it->second;
        const Value& own = vocabulary_.attributeValue(attributeId);
        Value::Object entries = own.isUndefined() ? Value::Object{} : own.asObject();
        const char* name = mark == Mark::Added ? kDiffAdded : mark == Mark::Removed ? kDiffRemoved : kDiffFormatted;
        entries.emplace_back(kDiffAttribute, Value::string(name));
        return cache_.emplace(style, Value::object(std::move(entries))).first->second;
    }

    const Vocabulary& vocabulary_;
    DeltaWriter writer_;
    std::unordered_map<uint64_t, Value> cache_;
};

// The attribute changes (null removes) that turn one attribute set into another; id 0 is none.
class FormatChanges {
public:
    explicit FormatChanges(const Vocabulary& vocabulary) : vocabulary_(vocabulary) { }

    uint32_t between(uint32_t from, uint32_t to)
    {
        if (from == to)
            return 0;
        const uint64_t pair = uint64_t(from) << 32 | to;
        if (auto it = byPair_.find(pair); it != byPair_.end())
            return it->second;
        Value::Object change;
        const Value& before = vocabulary_.attributeValue(from);
        const Value& after = vocabulary_.attributeValue(to);
        if (!after.isUndefined())
            for (const auto& [key, value] : after.asObject()) {
                const Value* old = before.isUndefined() ? nullptr : before.get(key);
                if (!old || !(*old == value))
                    change.emplace_back(key, value);
            }
        if (!before.isUndefined())
            for (const auto& [key, value] : before.asObject())
                if (after.isUndefined() || !after.get(key))
                    change.emplace_back(key, Value::null());
        Value value = Value::object(std::move(change));
        const auto [it, added] = byJson_.try_emplace(value.toJson(), uint32_t(values_.size()));
        if (added)
            values_.push_back(std::move(value));
        byPair_.emplace(pair, it->second);
        return it->second;
    }
    const Value& value(uint32_t id) const { return values_[id]; }

private:
    const Vocabulary& vocabulary_;
    std::unordered_map<uint64_t, uint32_t> byPair_;
    std::unordered_map<std::string, uint32_t> byJson_;
    std::vector<Value> values_{Value()};
};

} // namespace

std::vector<DeltaOp> markedDelta(const std::vector<DeltaOp>& older, const std::vector<DeltaOp>& newer)
{
    Vocabulary vocabulary;
    const Units a = detail::toUnits(older, vocabulary);
    const Units b = detail::toUnits(newer, vocabulary);
    std::vector<DiffEdit> edits = detail::diffInLayers(a.keys, b.keys, diffOptions());
    detail::mergeShortEqualities(edits);
    detail::slideToBoundaries(edits, a, b);
    MarkedWriter out(vocabulary);
    for (const DiffEdit& e : edits) {
        for (std::size_t i = 0; i < e.length; ++i) {
            switch (e.kind) {
            case DiffEdit::Kind::Equal: {
                const uint32_t attributes = b.attributes[e.b + i];
                out.unit(b.keys[e.b + i], attributes,
                         attributes == a.attributes[e.a + i] ? Mark::None : Mark::Formatted);
                break;
            }
            case DiffEdit::Kind::Delete: out.unit(a.keys[e.a + i], a.attributes[e.a + i], Mark::Removed); break;
            case DiffEdit::Kind::Insert: out.unit(b.keys[e.b + i], b.attributes[e.b + i], Mark::Added); break;
            }
        }
    }
    return out.take();
}

DiffSummary diffSummary(const std::vector<DeltaOp>& marked)
{
    DiffSummary summary;
    for (const DeltaOp& op : marked) {
        const Value* mark = op.attributes.kind() == Value::Kind::Object ? op.attributes.get(kDiffAttribute) : nullptr;
        if (op.kind != DeltaOp::Kind::Insert || !mark || mark->kind() != Value::Kind::String)
            continue;
        const int length = op.embed ? 1 : int(op.text.size());
        if (mark->asString() == kDiffAdded)
            summary.added += length;
        else if (mark->asString() == kDiffRemoved)
            summary.removed += length;
        else if (mark->asString() == kDiffFormatted)
            summary.formatted += length;
    }
    return summary;
}

std::vector<DeltaOp> transformingDelta(const std::vector<DeltaOp>& current, const std::vector<DeltaOp>& target)
{
    Vocabulary vocabulary;
    const Units a = detail::toUnits(current, vocabulary);
    const Units b = detail::toUnits(target, vocabulary);
    std::vector<DiffEdit> edits = detail::diffInLayers(a.keys, b.keys, diffOptions());
    detail::mergeCostlyEqualities(edits);
    detail::slideToBoundaries(edits, a, b);
    FormatChanges changes(vocabulary);
    DeltaWriter out;
    auto insert = [&](const DiffEdit& e) {
        for (std::size_t i = e.b; i < e.b + e.length; ++i) {
            const Value& attributes = vocabulary.attributeValue(b.attributes[i]);
            if (b.keys[i] >= kEmbedBase)
                out.embed(vocabulary.embedValue(b.keys[i] - kEmbedBase), attributes);
            else
                out.text(b.keys[i], b.attributes[i], attributes);
        }
    };
    for (std::size_t n = 0; n < edits.size(); ++n) {
        const DiffEdit& e = edits[n];
        switch (e.kind) {
        case DiffEdit::Kind::Equal:
            for (std::size_t i = 0; i < e.length; ++i) {
                const uint32_t change = changes.between(a.attributes[e.a + i], b.attributes[e.b + i]);
                out.retain(detail::utf16Width(a.keys[e.a + i]), change, changes.value(change));
            }
            break;
        case DiffEdit::Kind::Delete: {
            // Quill's order within a change: the insert first, then the delete.
            if (n + 1 < edits.size() && edits[n + 1].kind == DiffEdit::Kind::Insert)
                insert(edits[++n]);
            uint64_t width = 0;
            for (std::size_t i = e.a; i < e.a + e.length; ++i)
                width += detail::utf16Width(a.keys[i]);
            out.remove(width);
            break;
        }
        case DiffEdit::Kind::Insert: insert(e); break;
        }
    }
    return out.take();
}

} // namespace convene::docs