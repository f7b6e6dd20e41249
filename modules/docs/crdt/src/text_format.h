#pragma once
// Internal helpers for format attributes, which follow JavaScript value identity rules.
#include "crdt/doc.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace convene::crdt::detail {

using AttrVal = std::shared_ptr<const Value>;

inline bool isNullish(const AttrVal& v)
{
    return !v || v->isNull() || v->isUndefined();
}

// JavaScript ===: primitives by value, objects by identity.
inline bool strictEq(const AttrVal& a, const AttrVal& b)
{
    const bool an = isNullish(a), bn = isNullish(b);
    if (an || bn)
        return an && bn;
    if (!a->isPrimitive() || !b->isPrimitive())
        return a.get() == b.get();
    return *a == *b;
}

inline bool equalAttrs(const AttrVal& a, const AttrVal& b)
{
    if (strictEq(a, b))
        return true;
    if (isNullish(a) || isNullish(b) || a->kind() != Value::Kind::Object || b->kind() != Value::Kind::Object)
        return false;
    const auto& ao = a->asObject();
    const auto& bo = b->asObject();
    if (ao.size() != bo.size())
        return false;
    for (const auto& [k, v] : ao) {
        const Value* w = b->get(k);
        if (!w || !v.isPrimitive() || !(v == *w))
            return false;
    }
    return true;
}

// An insertion-ordered map like JavaScript's Map / plain object.
class Attrs {
public:
    const AttrVal* find(const std::string& key) const
    {
        for (const auto& e : entries_)
            if (e.first == key)
                return &e.second;
        return nullptr;
    }
    AttrVal getOrNull(const std::string& key) const
    {
        const AttrVal* v = find(key);
        return v ? *v : AttrVal{};
    }
    void set(const std::string& key, AttrVal v)
    {
        for (auto& e : entries_)
            if (e.first == key) {
                e.second = std::move(v);
                return;
            }
        entries_.emplace_back(key, std::move(v));
    }
    void erase(const std::string& key)
    {
        std::erase_if(entries_, [&](const auto& e) { return e.first == key; });
    }
    bool empty() const { return entries_.empty(); }
    std::size_t size() const { return entries_.size(); }
    const std::vector<std::pair<std::string, AttrVal>>& entries() const { return entries_; }
    Value toValue(bool skipNull) const
    {
        Value::Object o;
        for (const auto& [k, v] : entries_) {
            if (skipNull && isNullish(v))
                continue;
            o.emplace_back(k, v ? *v : Value::null());
        }
        return Value::object(std::move(o));
    }
    static Attrs fromValue(const Value* v)
    {
        Attrs a;
        if (v && v->kind() == Value::Kind::Object)
            for (const auto& [k, val] : v->asObject())
                if (!val.isUndefined())
                    a.set(k, std::make_shared<const Value>(val));
        return a;
    }

private:
    std::vector<std::pair<std::string, AttrVal>> entries_;
};

inline void updateCurrentAttributes(Attrs& attrs, const Item& format)
{
    if (isNullish(format.extra->value))
        attrs.erase(format.extra->key);
    else
        attrs.set(format.extra->key, format.extra->value);
}

} // namespace convene::crdt::detail
