// Change descriptions for observers (Yjs' YEvent / YTextEvent deltas).
#include "crdt/doc.h"
#include "crdt/encoding.h"
#include "text_format.h"

namespace convene::crdt::detail {

namespace {

void textDelta(const Event& ev, const Transaction& tr, std::vector<DeltaOp>& delta)
{
    Attrs current, old;
    Attrs attributes; // retain attribute changes; a nullptr value means "set to null"
    enum class Action { None, Insert, Retain, Delete } action = Action::None;
    std::u16string insert;
    std::optional<Value> embed;
    uint64_t retain = 0, deleteLen = 0;
    auto addOp = [&] {
        if (action == Action::None)
            return;
        DeltaOp op;
        bool push = false;
        switch (action) {
        case Action::Delete:
            if (deleteLen > 0) {
                op.kind = DeltaOp::Kind::Delete;
                op.count = deleteLen;
                push = true;
            }
            deleteLen = 0;
            break;
        case Action::Insert:
            if (embed || !insert.empty()) {
                op.kind = DeltaOp::Kind::Insert;
                op.text = insert;
                op.embed = embed;
                if (!current.empty() && current.fitsDelta())
                    op.attributes = current.toValue(true);
                push = true;
            }
            insert.clear();
            embed.reset();
            break;
        case Action::Retain:
            if (retain > 0) {
                op.kind = DeltaOp::Kind::Retain;
                op.count = retain;
                if (!attributes.empty() && attributes.fitsDelta())
                    op.attributes = attributes.toValue(false);
                push = true;
            }
            retain = 0;
            break;
        default: break;
        }
        if (push)
            delta.push_back(std::move(op));
        action = Action::None;
    };
    for (Item* item = ev.target->start; item; item = item->right) {
        const bool adds = tr.adds(*item);
        const bool dels = tr.deletes(*item);
        switch (item->kind) {
        case ContentKind::Type:
        case ContentKind::Embed:
        case ContentKind::String: {
            const bool isStr = item->kind == ContentKind::String;
            if (adds) {
                if (!dels) {
                    if (isStr) {
                        if (action != Action::Insert) {
                            addOp();
                            action = Action::Insert;
                        }
                        insert += item->str;
                    } else {
                        addOp();
                        action = Action::Insert;
                        embed = item->kind == ContentKind::Embed ? *item->extra->value : Value::object();
                        addOp();
                    }
                }
            } else if (dels) {
                if (action != Action::Delete) {
                    addOp();
                    action = Action::Delete;
                }
                deleteLen += item->length;
            } else if (!item->deleted()) {
                if (action != Action::Retain) {
                    addOp();
                    action = Action::Retain;
                }
                retain += item->length;
            }
            break;
        }
        case ContentKind::Format: {
            const std::string& key = item->formatKey();
            const AttrVal& value = item->extra->value;
            if (adds) {
                if (!dels) {
                    AttrVal curVal = current.getOrNull(key);
                    if (!equalAttrs(curVal, value)) {
                        if (action == Action::Retain)
                            addOp();
                        if (equalAttrs(value, old.getOrNull(key)))
                            attributes.erase(key);
                        else
                            attributes.set(key, value);
                    }
                }
            } else if (dels) {
                old.set(key, value);
                AttrVal curVal = current.getOrNull(key);
                if (!equalAttrs(curVal, value)) {
                    if (action == Action::Retain)
                        addOp();
                    attributes.set(key, curVal);
                }
            } else if (!item->deleted()) {
                old.set(key, value);
                if (const AttrVal* attr = attributes.find(key)) {
                    if (!equalAttrs(*attr, value)) {
                        if (action == Action::Retain)
                            addOp();
                        if (isNullish(value))
                            attributes.erase(key);
                        else
                            attributes.set(key, value);
                    }
                }
            }
            if (!item->deleted()) {
                if (action == Action::Insert)
                    addOp();
                updateCurrentAttributes(current, *item);
            }
            break;
        }
        default: break;
        }
    }
    addOp();
    while (!delta.empty() && delta.back().kind == DeltaOp::Kind::Retain && delta.back().attributes.isUndefined())
        delta.pop_back();
}

void arrayDelta(const Event& ev, const Transaction& tr, std::vector<DeltaOp>& delta)
{
    DeltaOp last;
    bool hasLast = false;
    auto pack = [&] {
        if (hasLast)
            delta.push_back(std::move(last));
        last = DeltaOp();
        hasLast = false;
    };
    for (Item* item = ev.target->start; item; item = item->right) {
        if (item->deleted()) {
            if (tr.deletes(*item) && !tr.adds(*item)) {
                if (!hasLast || last.kind != DeltaOp::Kind::Delete) {
                    pack();
                    last.kind = DeltaOp::Kind::Delete;
                    hasLast = true;
                }
                last.count += item->length;
            }
        } else if (tr.adds(*item)) {
            if (!hasLast || last.kind != DeltaOp::Kind::Insert) {
                pack();
                last.kind = DeltaOp::Kind::Insert;
                hasLast = true;
            }
            for (std::size_t i = 0; i < item->length; ++i)
                last.values.push_back(contentValue(*item, i));
        } else {
            if (!hasLast || last.kind != DeltaOp::Kind::Retain) {
                pack();
                last.kind = DeltaOp::Kind::Retain;
                hasLast = true;
            }
            last.count += item->length;
        }
    }
    if (hasLast && last.kind != DeltaOp::Kind::Retain)
        pack();
}

void mapKeys(Event& ev, const Transaction& tr)
{
    for (const std::string& key : ev.keysChanged) {
        auto it = ev.target->map.find(key);
        if (it == ev.target->map.end())
            continue;
        Item* item = it->second;
        KeyChange change;
        if (tr.adds(*item)) {
            Item* prev = item->left;
            while (prev && tr.adds(*prev))
                prev = prev->left;
            if (tr.deletes(*item)) {
                if (prev && tr.deletes(*prev)) {
                    change.action = KeyChange::Action::Delete;
                    change.oldValue = contentValue(*prev, prev->length - 1);
                } else {
                    continue;
                }
            } else if (prev && tr.deletes(*prev)) {
                change.action = KeyChange::Action::Update;
                change.oldValue = contentValue(*prev, prev->length - 1);
            } else {
                change.action = KeyChange::Action::Add;
            }
        } else if (tr.deletes(*item)) {
            change.action = KeyChange::Action::Delete;
            change.oldValue = contentValue(*item, item->length - 1);
        } else {
            continue;
        }
        ev.keys[key] = change;
    }
}

} // namespace

Value contentValue(const Item& item, std::size_t index)
{
    switch (item.kind) {
    case ContentKind::String: return Value::string(toUtf8(std::u16string(1, item.str[index])));
    case ContentKind::Json:
    case ContentKind::Any: return item.extra->values[index];
    case ContentKind::Binary: return Value::binary(item.extra->binary);
    case ContentKind::Embed: return *item.extra->value;
    case ContentKind::Type: return Value::object();
    default: return Value();
    }
}

void fillEvent(Event& ev, Transaction& tr)
{
    mapKeys(ev, tr);
}

} // namespace convene::crdt::detail

namespace convene::crdt {

const std::vector<DeltaOp>& Event::delta() const
{
    if (!delta_) {
        delta_.emplace();
        const Type* t = target;
        if (t->refKnown && (t->ref == TypeRef::Text || t->ref == TypeRef::XmlText))
            detail::textDelta(*this, *transaction, *delta_);
        else if (childListChanged)
            detail::arrayDelta(*this, *transaction, *delta_);
    }
    return *delta_;
}

} // namespace convene::crdt
