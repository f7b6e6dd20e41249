#include "ytext_slice.h"

#include <algorithm>
#include <string>
#include <utility>

namespace convene::docs::detail {

namespace {

using Attributes = std::vector<std::pair<std::string, crdt::Value>>;

void update(Attributes& attrs, const crdt::Item& format)
{
    const std::string& key = format.formatKey();
    const crdt::Value& value = format.formatValue();
    auto it = std::find_if(attrs.begin(), attrs.end(), [&](const auto& e) { return e.first == key; });
    if (value.isNull() || value.isUndefined()) {
        if (it != attrs.end())
            attrs.erase(it);
    } else if (it != attrs.end()) {
        it->second = value;
    } else {
        attrs.emplace_back(key, value);
    }
}

crdt::Value toValue(const Attributes& attrs)
{
    if (attrs.empty())
        return {};
    return crdt::Value::object(crdt::Value::Object(attrs.begin(), attrs.end()));
}

class SliceBuilder {
public:
    explicit SliceBuilder(std::vector<crdt::DeltaOp>& out) : out_(out) { }
    void text(std::u16string_view s, const Attributes& attrs)
    {
        if (!out_.empty() && !out_.back().embed && open_) {
            out_.back().text += s;
            return;
        }
        crdt::DeltaOp op;
        op.text = std::u16string(s);
        op.attributes = toValue(attrs);
        out_.push_back(std::move(op));
        open_ = true;
    }
    void embed(crdt::Value value, const Attributes& attrs)
    {
        crdt::DeltaOp op;
        op.embed = std::move(value);
        op.attributes = toValue(attrs);
        out_.push_back(std::move(op));
        open_ = false;
    }
    // The attributes changed: the next text starts a new insert.
    void close() { open_ = false; }

private:
    std::vector<crdt::DeltaOp>& out_;
    bool open_ = false;
};

} // namespace

std::vector<crdt::DeltaOp> ytextSlice(const crdt::Text& text, uint64_t from, uint64_t to)
{
    std::vector<crdt::DeltaOp> out;
    if (to <= from)
        return out;
    SliceBuilder builder(out);
    Attributes attrs;
    uint64_t index = 0;
    for (const crdt::Item* n = text.type()->start; n && index < to; n = n->right) {
        if (n->deleted())
            continue;
        if (n->kind == crdt::ContentKind::Format) {
            update(attrs, *n);
            builder.close();
            continue;
        }
        if (!n->countable())
            continue;
        const uint64_t start = index;
        index += n->length;
        if (index <= from)
            continue;
        const uint64_t a = std::max(from, start) - start;
        const uint64_t b = std::min(to, index) - start;
        switch (n->kind) {
        case crdt::ContentKind::String: builder.text(std::u16string_view(n->str).substr(a, b - a), attrs); break;
        case crdt::ContentKind::Embed: builder.embed(n->formatValue(), attrs); break;
        default:
            for (uint64_t i = a; i < b; ++i)
                builder.embed(crdt::Value::object(), attrs);
            break;
        }
    }
    return out;
}

} // namespace convene::docs::detail
