#include "crdt/undo_manager.h"

#include <algorithm>

namespace convene::crdt {

namespace {

bool isParentOf(const Type* parent, const Item* child)
{
    while (child) {
        if (child->parent == parent)
            return true;
        child = child->parent ? child->parent->item : nullptr;
    }
    return false;
}

// Calls f for every struct in the id ranges of ds, splitting items at the range borders.
template<typename F>
void iterateDeleted(Transaction& tr, const DeleteSet& ds, F&& f)
{
    StructStore& store = tr.doc.store();
    for (const auto& [client, ranges] : ds.clients()) {
        StructList* structs = store.structsOf(client);
        if (!structs || structs->empty())
            continue;
        for (const DeleteRange& r : ranges) {
            const Clock state = store.getState(client);
            if (r.clock >= state)
                continue;
            const Clock end = std::min(r.clock + r.len, state);
            std::size_t i = store.findIndexCleanStart(tr, *structs, r.clock);
            while (i < structs->size()) {
                Item* s = (*structs)[i];
                if (s->id.clock >= end)
                    break;
                if (end < s->id.clock + s->length)
                    store.findIndexCleanStart(tr, *structs, end);
                f((*structs)[i]);
                ++i;
            }
        }
    }
}

bool deletedByStack(const std::vector<UndoManager::StackItem>& stack, ID id)
{
    return std::any_of(stack.begin(), stack.end(), [&](const auto& s) { return s.deletions.isDeleted(id); });
}

} // namespace

UndoManager::UndoManager(Doc& doc, std::vector<Type*> scope, Options options)
    : doc_(doc), scope_(std::move(scope)), options_(std::move(options))
{
    if (!options_.now)
        options_.now = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now().time_since_epoch())
                .count();
        };
    options_.trackedOrigins.insert(this);
    handle_ = doc_.onAfterTransaction([this](Transaction& tr) { afterTransaction(tr); });
}

UndoManager::~UndoManager()
{
    doc_.off(handle_);
}

bool UndoManager::inScope(const Item* item) const
{
    return std::any_of(scope_.begin(), scope_.end(), [&](const Type* t) { return isParentOf(t, item); });
}

void UndoManager::afterTransaction(Transaction& tr)
{
    if (!tr.local || !options_.trackedOrigins.count(tr.origin))
        return;
    bool touchesScope = false;
    for (const auto& [type, changed] : tr.changed) {
        for (const Type* t = type; t && !touchesScope; t = t->item ? t->item->parent : nullptr)
            touchesScope = std::find(scope_.begin(), scope_.end(), t) != scope_.end();
    }
    if (!touchesScope)
        return;
    auto& stack = undoing_ ? redoStack_ : undoStack_;
    if (undoing_)
        stopCapturing();
    else if (!redoing_)
        redoStack_.clear();
    DeleteSet insertions;
    for (const auto& [client, endClock] : tr.afterState.entries()) {
        const Clock start = tr.beforeState.get(client);
        if (endClock > start)
            insertions.add(client, start, endClock - start);
    }
    const int64_t now = options_.now();
    if (lastChange_ > 0 && now - lastChange_ < options_.captureTimeoutMs && !stack.empty() && !undoing_ && !redoing_) {
        stack.back().deletions.merge(tr.deleteSet);
        stack.back().insertions.merge(insertions);
    } else {
        StackItem item;
        item.deletions = tr.deleteSet;
        item.insertions = std::move(insertions);
        stack.push_back(std::move(item));
    }
    if (!undoing_ && !redoing_)
        lastChange_ = now;
    // Deleted content must survive garbage collection so that it can be restored.
    iterateDeleted(tr, tr.deleteSet, [&](Item* item) {
        if (item->isItem() && inScope(item))
            for (Item* i = item; i && !i->keep(); i = i->parent ? i->parent->item : nullptr)
                i->setKeep(true);
    });
}

Item* UndoManager::redoItem(Transaction& tr, Item* item, const std::vector<Item*>& redoItems,
                            const DeleteSet& itemsToDelete)
{
    StructStore& store = doc_.store();
    if (item->hasRedone)
        return store.getItemCleanStart(tr, item->redone);
    Item* parentItem = item->parent->item;
    if (parentItem && parentItem->deleted()) {
        const bool willRedo = std::find(redoItems.begin(), redoItems.end(), parentItem) != redoItems.end();
        if (!parentItem->hasRedone && (!willRedo || !redoItem(tr, parentItem, redoItems, itemsToDelete)))
            return nullptr;
        while (parentItem->hasRedone)
            parentItem = store.getItemCleanStart(tr, parentItem->redone);
    }
    Type* parentType = parentItem ? parentItem->extra->type.get() : item->parent;
    Item* left = nullptr;
    Item* right = nullptr;
    auto traced = [&](Item* x) {
        while (x && x->parent->item != parentItem)
            x = x->hasRedone ? store.getItemCleanStart(tr, x->redone) : nullptr;
        return x;
    };
    if (!item->hasParentSub) {
        for (left = item->left; left; left = left->left)
            if (Item* t = traced(left)) {
                left = t;
                break;
            }
        for (right = item; right; right = right->right)
            if (Item* t = traced(right)) {
                right = t;
                break;
            }
    } else {
        if (item->right) {
            left = item;
            while (left && left->right &&
                   (left->right->hasRedone || itemsToDelete.isDeleted(left->right->id) ||
                    deletedByStack(undoStack_, left->right->id) || deletedByStack(redoStack_, left->right->id))) {
                left = left->right;
                while (left->hasRedone)
                    left = store.getItemCleanStart(tr, left->redone);
            }
            if (left && left->right)
                return nullptr; // someone else overwrote the key meanwhile
        } else {
            auto it = parentType->map.find(item->parentSub);
            left = it == parentType->map.end() ? nullptr : it->second;
        }
        if (left && left->parent->item != parentItem) {
            auto it = parentType->map.find(item->parentSub);
            left = it == parentType->map.end() ? nullptr : it->second;
        }
    }
    Item* redone = detail::newLocalItem(tr, left, right, parentType, item->hasParentSub ? &item->parentSub : nullptr);
    redone->copyContentFrom(*item);
    item->hasRedone = true;
    item->redone = redone->id;
    for (Item* i = redone; i && !i->keep(); i = i->parent ? i->parent->item : nullptr)
        i->setKeep(true);
    detail::integrate(tr, redone, 0);
    return redone;
}

bool UndoManager::popStackItem(std::vector<StackItem>& stack)
{
    bool performed = false;
    doc_.transact(
        [&](Transaction& tr) {
            while (!stack.empty() && !performed) {
                StackItem stackItem = std::move(stack.back());
                stack.pop_back();
                stackItem.insertions.sortAndMerge();
                stackItem.deletions.sortAndMerge();
                std::vector<Item*> toDelete;
                std::vector<Item*> toRedo;
                iterateDeleted(tr, stackItem.insertions, [&](Item* s) {
                    if (!s->isItem())
                        return;
                    if (s->hasRedone) {
                        // Follow the chain of redone copies to the live one.
                        Item* cur = s;
                        Clock diff = 0;
                        ID next = s->redone;
                        while (true) {
                            cur = doc_.store().find({next.client, next.clock + diff});
                            diff = next.clock + diff - cur->id.clock;
                            if (!cur->isItem() || !cur->hasRedone)
                                break;
                            next = cur->redone;
                        }
                        if (diff > 0)
                            cur = doc_.store().getItemCleanStart(tr, {cur->id.client, cur->id.clock + diff});
                        s = cur;
                    }
                    if (s->isItem() && !s->deleted() && inScope(s))
                        toDelete.push_back(s);
                });
                iterateDeleted(tr, stackItem.deletions, [&](Item* s) {
                    if (s->isItem() && inScope(s) && !stackItem.insertions.isDeleted(s->id))
                        toRedo.push_back(s);
                });
                for (Item* s : toRedo)
                    performed = redoItem(tr, s, toRedo, stackItem.insertions) != nullptr || performed;
                for (auto it = toDelete.rbegin(); it != toDelete.rend(); ++it) {
                    detail::deleteItem(tr, *it);
                    performed = true;
                }
            }
            for (auto& [type, changed] : tr.changed)
                if (type && changed.childList)
                    type->markers.clear();
        },
        this);
    return performed;
}

bool UndoManager::undo()
{
    undoing_ = true;
    const bool res = popStackItem(undoStack_);
    undoing_ = false;
    return res;
}

bool UndoManager::redo()
{
    redoing_ = true;
    const bool res = popStackItem(redoStack_);
    redoing_ = false;
    return res;
}

void UndoManager::clear()
{
    undoStack_.clear();
    redoStack_.clear();
}

} // namespace convene::crdt
