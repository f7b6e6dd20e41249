#include "crdt/yarray.h"

namespace convene::crdt {

namespace {

// Yjs groups consecutive JSON values into one ContentAny; binaries get their own item.
void insertAfter(Transaction& tr, Type* parent, Item* left, const std::vector<Value>& values)
{
    Item* right = left ? left->right : parent->start;
    std::vector<Value> pending;
    auto flush = [&] {
        if (pending.empty())
            return;
        Item* item = detail::newLocalItem(tr, left, right, parent, nullptr);
        item->setContentKind(ContentKind::Any);
        item->extra = std::make_unique<ContentExtra>();
        item->length = pending.size();
        item->extra->values = std::move(pending);
        pending.clear();
        detail::integrate(tr, item, 0);
        left = item;
    };
    for (const Value& v : values) {
        if (v.kind() == Value::Kind::Binary) {
            flush();
            Item* item = detail::newLocalItem(tr, left, right, parent, nullptr);
            item->setContentKind(ContentKind::Binary);
            item->extra = std::make_unique<ContentExtra>();
            item->extra->binary = v.asBinary();
            item->length = 1;
            detail::integrate(tr, item, 0);
            left = item;
        } else {
            pending.push_back(v);
        }
    }
    flush();
}

} // namespace

void Array::insert(uint64_t index, const std::vector<Value>& values)
{
    if (values.empty())
        return;
    t_->doc->transact([&](Transaction& tr) {
        if (index > t_->length)
            index = t_->length;
        if (index == 0) {
            if (!t_->markers.empty())
                detail::updateMarkerChanges(t_, 0, int64_t(values.size()));
            insertAfter(tr, t_, nullptr, values);
            return;
        }
        const uint64_t startIndex = index;
        Item* n = t_->start;
        if (SearchMarker* m = detail::findMarker(t_, index)) {
            n = m->p;
            index -= m->index;
            if (index == 0) {
                n = n->left;
                while (n && n->deleted())
                    n = n->left;
                index += n && n->countable() && !n->deleted() ? n->length : 0;
            }
        }
        for (; n; n = n->right) {
            if (!n->deleted() && n->countable()) {
                if (index <= n->length) {
                    if (index < n->length)
                        tr.doc.store().getItemCleanStart(tr, {n->id.client, n->id.clock + index});
                    break;
                }
                index -= n->length;
            }
        }
        if (!t_->markers.empty())
            detail::updateMarkerChanges(t_, startIndex, int64_t(values.size()));
        insertAfter(tr, t_, n, values);
    });
}

void Array::remove(uint64_t index, uint64_t length)
{
    if (length == 0)
        return;
    t_->doc->transact([&](Transaction& tr) {
        const uint64_t startIndex = index;
        const uint64_t startLength = length;
        Item* n = t_->start;
        if (SearchMarker* m = detail::findMarker(t_, index)) {
            n = m->p;
            index -= m->index;
        }
        for (; n && index > 0; n = n->right) {
            if (!n->deleted() && n->countable()) {
                if (index < n->length)
                    tr.doc.store().getItemCleanStart(tr, {n->id.client, n->id.clock + index});
                index -= std::min(index, n->length);
            }
        }
        while (length > 0 && n) {
            if (!n->deleted()) {
                if (length < n->length)
                    tr.doc.store().getItemCleanStart(tr, {n->id.client, n->id.clock + length});
                length -= n->length;
                detail::deleteItem(tr, n);
            }
            n = n->right;
        }
        if (!t_->markers.empty())
            detail::updateMarkerChanges(t_, startIndex, -int64_t(startLength) + int64_t(length));
    });
}

Value Array::get(uint64_t index) const
{
    for (const Item* n = t_->start; n; n = n->right) {
        if (n->deleted() || !n->countable())
            continue;
        if (index < n->length)
            return detail::contentValue(*n, index);
        index -= n->length;
    }
    return Value();
}

std::vector<Value> Array::toVector() const
{
    std::vector<Value> out;
    for (const Item* n = t_->start; n; n = n->right)
        if (!n->deleted() && n->countable())
            for (std::size_t i = 0; i < n->length; ++i)
                out.push_back(detail::contentValue(*n, i));
    return out;
}

} // namespace convene::crdt
