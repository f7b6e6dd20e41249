#pragma once
// Small builders and comparisons for the rich-text tests.
#include "catch_qt_strings.h"

#include "convene/docs/rich_text_attributes.h"

#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "crdt/value.h"

#include <QTextDocument>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace rich_text_test {

using convene::crdt::DeltaOp;
using convene::crdt::Value;

inline Value obj(std::initializer_list<std::pair<std::string, Value>> entries)
{
    return Value::object(Value::Object(entries.begin(), entries.end()));
}
inline Value yes()
{
    return Value::boolean(true);
}
inline Value str(const std::string& s)
{
    return Value::string(s);
}
inline Value num(double n)
{
    return Value::number(n);
}

inline DeltaOp ins(const std::string& utf8, Value attributes = {})
{
    DeltaOp op;
    op.text = convene::crdt::toUtf16(utf8);
    op.attributes = std::move(attributes);
    return op;
}
inline DeltaOp insU16(std::u16string text, Value attributes = {})
{
    DeltaOp op;
    op.text = std::move(text);
    op.attributes = std::move(attributes);
    return op;
}
inline DeltaOp embed(Value value, Value attributes = {})
{
    DeltaOp op;
    op.embed = std::move(value);
    op.attributes = std::move(attributes);
    return op;
}
inline DeltaOp retain(uint64_t n, Value attributes = {})
{
    DeltaOp op;
    op.kind = DeltaOp::Kind::Retain;
    op.count = n;
    op.attributes = std::move(attributes);
    return op;
}
inline DeltaOp del(uint64_t n)
{
    DeltaOp op;
    op.kind = DeltaOp::Kind::Delete;
    op.count = n;
    return op;
}

inline Value sortedKeys(const Value& v)
{
    if (v.kind() != Value::Kind::Object)
        return v;
    Value::Object o = v.asObject();
    for (auto& [k, x] : o)
        x = sortedKeys(x);
    std::sort(o.begin(), o.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return o.empty() ? Value() : Value::object(std::move(o));
}

// A delta in one spelling: attribute keys sorted, neighbouring inserts with equal attributes
// joined, so deltas that mean the same compare equal.
inline std::string canonical(const std::vector<DeltaOp>& delta)
{
    std::vector<DeltaOp> out;
    for (const DeltaOp& op : delta) {
        DeltaOp c = op;
        c.attributes = sortedKeys(op.attributes);
        if (c.embed)
            c.embed = sortedKeys(*c.embed);
        if (!out.empty() && c.kind == DeltaOp::Kind::Insert && out.back().kind == DeltaOp::Kind::Insert && !c.embed &&
            !out.back().embed && out.back().attributes == c.attributes) {
            out.back().text += c.text;
            continue;
        }
        out.push_back(std::move(c));
    }
    return convene::crdt::deltaToJson(out);
}

// The part of a delta a document shows: line attributes on "\n", inline ones elsewhere (a Y.Text
// can hold others, e.g. a "\n" typed concurrently into a bold range is bold).
inline std::vector<DeltaOp> shownPart(const std::vector<DeltaOp>& delta)
{
    std::vector<DeltaOp> out;
    for (const DeltaOp& op : delta) {
        if (op.kind != DeltaOp::Kind::Insert)
            continue;
        const Value inlineAttrs = convene::docs::toValue(convene::docs::inlineAttributesFrom(op.attributes));
        if (op.embed) {
            out.push_back(embed(*op.embed, inlineAttrs));
            continue;
        }
        const Value lineAttrs = convene::docs::toValue(convene::docs::lineAttributesFrom(op.attributes));
        std::u16string run;
        for (char16_t c : op.text) {
            if (c != u'\n') {
                run += c;
                continue;
            }
            if (!run.empty())
                out.push_back(insU16(std::exchange(run, {}), inlineAttrs));
            out.push_back(insU16(u"\n", lineAttrs));
        }
        if (!run.empty())
            out.push_back(insU16(run, inlineAttrs));
    }
    return out;
}

} // namespace rich_text_test
