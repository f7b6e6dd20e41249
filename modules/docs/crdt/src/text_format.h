#pragma once
// Internal helpers for format attributes, which follow JavaScript value identity rules.
#include "crdt/doc.h"

#include <algorithm>
#include <map>
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
    auto samePrimitive = [](const Value& v, const Value* w) { return w && v.isPrimitive() && v == *w; };
    constexpr std::size_t kScanLimit = 16;
    if (ao.size() <= kScanLimit) {
        for (const auto& [k, v] : ao)
            if (!samePrimitive(v, b->get(k)))
                return false;
        return true;
    }
    // Many keys (hostile input can send them): b's entries sorted by key, then a binary search each.
    std::vector<const std::pair<std::string, Value>*> sorted;
    sorted.reserve(bo.size());
    for (const auto& entry : bo)
        sorted.push_back(&entry);
    auto byKey = [](const auto* x, const auto* y) { return x->first < y->first; };
    std::sort(sorted.begin(), sorted.end(), byKey);
    for (const auto& entry : ao) {
        auto it = std::lower_bound(sorted.begin(), sorted.end(), &entry, byKey);
        if (it == sorted.end() || (*it)->first != entry.first || !samePrimitive(entry.second, &(*it)->second))
            return false;
    }
    return true;
}

// An insertion-ordered map like JavaScript's Map. A few keys is the common case and a plain scan;
// beyond that (hostile updates can carry thousands of format keys) lookups go through an index
// and a removed key leaves a hole that is compacted away later, so no operation is linear.
// A run may hold any number of format attributes, but a delta op carries at most this many:
// beyond that (only a hostile update gets there; editors use a few dozen keys at most) the run's
// attributes are left out of deltas, so observing a text costs memory linear in its size rather
// than in runs × attributes.
inline constexpr std::size_t kMaxDeltaAttributes = 64;

class Attrs {
public:
    Attrs() = default;
    Attrs(const Attrs& o) : entries_(o.entries_), live_(o.live_), index_(o.index_ ? copyIndex(*o.index_) : nullptr) { }
    Attrs& operator=(const Attrs& o)
    {
        if (this != &o)
            *this = Attrs(o);
        return *this;
    }
    Attrs(Attrs&&) noexcept = default;
    Attrs& operator=(Attrs&&) noexcept = default;

    const AttrVal* find(const std::string& key) const
    {
        const std::size_t i = indexOf(key);
        return i == kNone ? nullptr : &entries_[i].value;
    }
    AttrVal getOrNull(const std::string& key) const
    {
        const AttrVal* v = find(key);
        return v ? *v : AttrVal{};
    }
    void set(const std::string& key, AttrVal v)
    {
        if (const std::size_t i = indexOf(key); i != kNone) {
            entries_[i].value = std::move(v);
            return;
        }
        entries_.push_back({key, std::move(v), true});
        ++live_;
        if (index_)
            index_->emplace(key, entries_.size() - 1);
        else if (live_ > kScanLimit)
            buildIndex();
    }
    void erase(const std::string& key)
    {
        const std::size_t i = indexOf(key);
        if (i == kNone)
            return;
        --live_;
        if (!index_) {
            entries_.erase(entries_.begin() + std::ptrdiff_t(i));
            return;
        }
        index_->erase(entries_[i].key);
        entries_[i].live = false;
        entries_[i].value.reset();
        if (entries_.size() > 2 * live_ + kScanLimit)
            compact();
    }
    bool empty() const { return live_ == 0; }
    // Whether a delta op may carry these attributes (see kMaxDeltaAttributes).
    bool fitsDelta() const { return live_ <= kMaxDeltaAttributes; }
    std::size_t size() const { return live_; }
    // Calls fn(key, value) for each entry in insertion order.
    template<typename Fn>
    void forEach(Fn&& fn) const
    {
        for (const auto& e : entries_)
            if (e.live)
                fn(e.key, e.value);
    }
    Value toValue(bool skipNull) const
    {
        Value::Object o;
        o.reserve(live_);
        forEach([&](const std::string& k, const AttrVal& v) {
            if (!(skipNull && isNullish(v)))
                o.emplace_back(k, v ? *v : Value::null());
        });
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
    struct Entry {
        std::string key;
        AttrVal value;
        bool live = true;
    };
    static constexpr std::size_t kScanLimit = 8;
    static constexpr std::size_t kNone = std::size_t(-1);

    std::size_t indexOf(const std::string& key) const
    {
        if (index_) {
            auto it = index_->find(key);
            return it == index_->end() ? kNone : it->second;
        }
        for (std::size_t i = 0; i < entries_.size(); ++i)
            if (entries_[i].key == key)
                return i;
        return kNone;
    }
    void buildIndex();
    void compact()
    {
        std::erase_if(entries_, [](const Entry& e) { return !e.live; });
        buildIndex();
    }

    // An ordered map, not a hash: the keys come from other peers. Made only when needed, and
    // handled out of line (text_format.cpp), so the usual few attributes copy as cheaply as a vector.
    using Index = std::map<std::string, std::size_t>;
    struct IndexDeleter {
        void operator()(Index* index) const noexcept;
    };
    static std::unique_ptr<Index, IndexDeleter> copyIndex(const Index& index);

    std::vector<Entry> entries_;
    std::size_t live_ = 0;
    std::unique_ptr<Index, IndexDeleter> index_;
};

inline void updateCurrentAttributes(Attrs& attrs, const Item& format)
{
    if (isNullish(format.extra->value))
        attrs.erase(format.extra->key);
    else
        attrs.set(format.extra->key, format.extra->value);
}

} // namespace convene::crdt::detail
