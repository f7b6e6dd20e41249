// YATA integration, deletion, garbage collection and merging of items.
#include "crdt/doc.h"

#include <unordered_set>

namespace convene::crdt::detail {

namespace {

bool sameOrigin(bool hasA, ID a, bool hasB, ID b)
{
    return hasA == hasB && (!hasA || a == b);
}

void integrateContent(Transaction& tr, Item* item)
{
    switch (item->kind) {
    case ContentKind::Deleted:
        tr.deleteSet.add(item->id.client, item->id.clock, item->length);
        item->markDeleted();
        break;
    case ContentKind::Format: item->parent->hasFormatting = true; break;
    case ContentKind::Type: {
        Type* t = item->extra->type.get();
        t->doc = &tr.doc;
        t->item = item;
        t->ref = item->extra->typeRef;
        t->refKnown = true;
        break;
    }
    default: break;
    }
}

void turnIntoGC(Item* item)
{
    item->kind = ContentKind::GC;
    item->flags = 0;
    item->str.clear();
    item->extra.reset();
    item->left = item->right = nullptr;
    item->parent = nullptr;
    item->hasOrigin = item->hasRightOrigin = item->hasParentSub = false;
}

} // namespace

void addChangedType(Transaction& tr, Type* type, const std::string* parentSub)
{
    const Item* item = type->item;
    if (item == nullptr || (item->id.clock < tr.beforeState.get(item->id.client) && !item->deleted())) {
        auto& c = tr.changedFor(type);
        if (parentSub)
            c.keys.insert(*parentSub);
        else
            c.childList = true;
    }
}

void integrate(Transaction& tr, Item* self, Clock offset)
{
    StructStore& store = tr.doc.store();
    if (offset > 0) {
        self->id.clock += offset;
        self->left = store.getItemCleanEnd(tr, {self->id.client, self->id.clock - 1});
        self->origin = self->left->lastId();
        self->hasOrigin = true;
        ItemPtr rest = self->spliceContent(offset);
        // Keep the tail (rest) as this item's content.
        self->str = std::move(rest->str);
        self->extra = std::move(rest->extra);
        self->length = rest->length;
    }
    if (self->parent == nullptr || !self->isItem()) {
        turnIntoGC(self);
        store.addStruct(self);
        return;
    }
    Type* parent = self->parent;
    const std::string* sub = self->hasParentSub ? &self->parentSub : nullptr;
    if ((!self->left && (!self->right || self->right->left != nullptr)) ||
        (self->left && self->left->right != self->right)) {
        Item* left = self->left;
        Item* o;
        if (left) {
            o = left->right;
        } else if (sub) {
            auto it = parent->map.find(*sub);
            o = it == parent->map.end() ? nullptr : it->second;
            while (o && o->left)
                o = o->left;
        } else {
            o = parent->start;
        }
        std::unordered_set<const Item*> conflicting;
        std::unordered_set<const Item*> beforeOrigin;
        while (o && o != self->right) {
            beforeOrigin.insert(o);
            conflicting.insert(o);
            if (sameOrigin(self->hasOrigin, self->origin, o->hasOrigin, o->origin)) {
                if (o->id.client < self->id.client) {
                    left = o;
                    conflicting.clear();
                } else if (sameOrigin(self->hasRightOrigin, self->rightOrigin, o->hasRightOrigin, o->rightOrigin)) {
                    break;
                }
            } else if (o->hasOrigin && beforeOrigin.count(store.find(o->origin))) {
                if (!conflicting.count(store.find(o->origin))) {
                    left = o;
                    conflicting.clear();
                }
            } else {
                break;
            }
            o = o->right;
        }
        self->left = left;
    }
    if (self->left) {
        self->right = self->left->right;
        self->left->right = self;
    } else {
        Item* r;
        if (sub) {
            auto it = parent->map.find(*sub);
            r = it == parent->map.end() ? nullptr : it->second;
            while (r && r->left)
                r = r->left;
        } else {
            r = parent->start;
            parent->start = self;
        }
        self->right = r;
    }
    if (self->right) {
        self->right->left = self;
    } else if (sub) {
        parent->map[*sub] = self;
        if (self->left)
            deleteItem(tr, self->left);
    }
    if (!sub && self->countable() && !self->deleted())
        parent->length += self->length;
    store.addStruct(self);
    integrateContent(tr, self);
    addChangedType(tr, parent, sub);
    if ((parent->item && parent->item->deleted()) || (sub && self->right))
        deleteItem(tr, self);
}

// Deleting a type deletes its content. Iterative (types can nest arbitrarily deep in hostile
// input) but in the same order as Yjs' recursion, which decides the delete set's client order.
void deleteItem(Transaction& tr, Item* root)
{
    if (root->deleted())
        return;
    enum class Step : uint8_t { Child, Finish };
    std::vector<std::pair<Item*, Step>> stack{{root, Step::Child}};
    while (!stack.empty()) {
        auto [item, step] = stack.back();
        stack.pop_back();
        if (step == Step::Finish) {
            tr.forgetChanged(item->extra->type.get());
            continue;
        }
        if (item->deleted()) {
            if (item != root && item->id.clock < tr.beforeState.get(item->id.client))
                tr.mergeStructs.push_back(item->id); // deleted earlier: try merging it after this transaction
            continue;
        }
        Type* parent = item->parent;
        if (item->countable() && !item->hasParentSub)
            parent->length -= item->length;
        item->markDeleted();
        tr.deleteSet.add(item->id.client, item->id.clock, item->length);
        addChangedType(tr, parent, item->hasParentSub ? &item->parentSub : nullptr);
        if (item->kind != ContentKind::Type)
            continue;
        Type* t = item->extra->type.get();
        stack.emplace_back(item, Step::Finish);
        std::vector<Item*> children;
        for (Item* child = t->start; child; child = child->right)
            children.push_back(child);
        for (auto& [key, child] : t->map)
            children.push_back(child);
        for (auto it = children.rbegin(); it != children.rend(); ++it)
            stack.emplace_back(*it, Step::Child);
    }
}

void gcItem(StructStore& store, Item* root, bool parentGCd)
{
    (void)store;
    std::vector<std::pair<Item*, bool>> stack{{root, parentGCd}};
    while (!stack.empty()) {
        auto [item, gcd] = stack.back();
        stack.pop_back();
        if (!item->isItem())
            continue;
        if (item->kind == ContentKind::Type) {
            Type* t = item->extra->type.get();
            for (Item* child = t->start; child; child = child->right)
                stack.emplace_back(child, true);
            t->start = nullptr;
            for (auto& [key, last] : t->map)
                for (Item* c = last; c; c = c->left)
                    stack.emplace_back(c, true);
            t->map.clear();
        }
        if (gcd) {
            // The parent is gone: the item becomes a GC struct in place.
            turnIntoGC(item);
        } else {
            item->kind = ContentKind::Deleted;
            item->flags &= ~Item::Countable;
            item->str.clear();
            item->str.shrink_to_fit();
            item->extra.reset();
        }
    }
}

bool mergeItems(Item* left, Item* right)
{
    if (left->isGC() || right->isGC() || left->isSkip() || right->isSkip()) {
        if (left->kind != right->kind)
            return false;
        left->length += right->length;
        return true;
    }
    if (!(right->hasOrigin && right->origin == left->lastId() && left->right == right &&
          sameOrigin(left->hasRightOrigin, left->rightOrigin, right->hasRightOrigin, right->rightOrigin) &&
          left->id.client == right->id.client && left->id.clock + left->length == right->id.clock &&
          left->deleted() == right->deleted() && !left->hasRedone && !right->hasRedone &&
          left->contentMergeable(*right)))
        return false;
    Type* parent = left->parent;
    for (auto& m : parent->markers)
        if (m.p == right) {
            m.p = left;
            if (!left->deleted() && left->countable())
                m.index -= left->length;
        }
    if (right->keep())
        left->setKeep(true);
    left->right = right->right;
    if (left->right)
        left->right->left = left;
    left->mergeContent(*right);
    return true;
}

int tryToMergeWithLefts(StructList& structs, std::size_t pos)
{
    Item* right = structs[pos];
    Item* left = structs[pos - 1];
    std::size_t i = pos;
    for (; i > 0; right = left, left = i >= 2 ? structs[i - 2] : nullptr, --i) {
        if (left->deleted() == right->deleted() && left->kind == right->kind && (left->isGC() == right->isGC())) {
            if (mergeItems(left, right)) {
                if (right->isItem() && right->hasParentSub) {
                    auto it = right->parent->map.find(right->parentSub);
                    if (it != right->parent->map.end() && it->second == right)
                        it->second = left;
                }
                delete right; // the structs slot is erased below without being read
                continue;
            }
        }
        break;
    }
    const std::size_t merged = pos - i;
    if (merged) {
        structs.erase(pos + 1 - merged, pos + 1);
    }
    return int(merged);
}

Item* newLocalItem(Transaction& tr, Item* left, Item* right, Type* parent, const std::string* parentSub)
{
    auto* item = new Item();
    const ClientId me = tr.doc.clientId();
    item->id = {me, tr.doc.store().getState(me)};
    item->left = left;
    if (left) {
        item->origin = left->lastId();
        item->hasOrigin = true;
    }
    item->right = right;
    if (right) {
        item->rightOrigin = right->id;
        item->hasRightOrigin = true;
    }
    item->parent = parent;
    if (parentSub) {
        item->hasParentSub = true;
        item->parentSub = *parentSub;
    }
    return item;
}

} // namespace convene::crdt::detail
