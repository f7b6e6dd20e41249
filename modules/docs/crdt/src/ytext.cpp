#include "crdt/ytext.h"

#include "crdt/encoding.h"
#include "text_format.h"

#include <map>
#include <set>

namespace convene::crdt {

using detail::Attrs;
using detail::AttrVal;
using detail::equalAttrs;

namespace {

struct TextPos {
    Item* left = nullptr;
    Item* right = nullptr;
    uint64_t index = 0;
    Attrs current;

    void forward()
    {
        if (right->kind == ContentKind::Format) {
            if (!right->deleted())
                detail::updateCurrentAttributes(current, *right);
        } else if (!right->deleted()) {
            index += right->length;
        }
        left = right;
        right = right->right;
    }
};

void findNextPosition(Transaction& tr, TextPos& pos, uint64_t count)
{
    while (pos.right && count > 0) {
        if (pos.right->kind == ContentKind::Format) {
            if (!pos.right->deleted())
                detail::updateCurrentAttributes(pos.current, *pos.right);
        } else if (!pos.right->deleted()) {
            if (count < pos.right->length)
                tr.doc.store().getItemCleanStart(tr, {pos.right->id.client, pos.right->id.clock + count});
            pos.index += pos.right->length;
            count -= pos.right->length;
        }
        pos.left = pos.right;
        pos.right = pos.right->right;
    }
}

TextPos findPosition(Transaction& tr, Type* parent, uint64_t index, bool useMarker)
{
    TextPos pos;
    SearchMarker* marker = useMarker ? detail::findMarker(parent, index) : nullptr;
    if (marker) {
        pos.left = marker->p->left;
        pos.right = marker->p;
        pos.index = marker->index;
        findNextPosition(tr, pos, index - pos.index);
    } else {
        pos.right = parent->start;
        findNextPosition(tr, pos, index);
    }
    return pos;
}

Item* integrateNew(Transaction& tr, Item* left, Item* right, Type* parent, ContentKind kind)
{
    Item* item = detail::newLocalItem(tr, left, right, parent, nullptr);
    item->setContentKind(kind);
    return item;
}

void insertFormatItem(Transaction& tr, Type* parent, TextPos& pos, const std::string& key, const AttrVal& value)
{
    Item* item = integrateNew(tr, pos.left, pos.right, parent, ContentKind::Format);
    item->extra = std::make_unique<ContentExtra>();
    item->extra->key = key;
    item->extra->value = value ? value : std::make_shared<const Value>(Value::null());
    item->length = 1;
    detail::integrate(tr, item, 0);
    pos.right = item;
    pos.forward();
}

void insertNegatedAttributes(Transaction& tr, Type* parent, TextPos& pos, Attrs& negated)
{
    while (pos.right &&
           (pos.right->deleted() || (pos.right->kind == ContentKind::Format && negated.find(pos.right->formatKey()) &&
                                     equalAttrs(negated.getOrNull(pos.right->formatKey()), pos.right->extra->value)))) {
        if (!pos.right->deleted())
            negated.erase(pos.right->formatKey());
        pos.forward();
    }
    negated.forEach([&](const std::string& key, const AttrVal& val) { insertFormatItem(tr, parent, pos, key, val); });
}

void minimizeAttributeChanges(TextPos& pos, const Attrs& attributes)
{
    while (pos.right) {
        if (!(pos.right->deleted() ||
              (pos.right->kind == ContentKind::Format &&
               equalAttrs(attributes.getOrNull(pos.right->formatKey()), pos.right->extra->value))))
            break;
        pos.forward();
    }
}

Attrs insertAttributes(Transaction& tr, Type* parent, TextPos& pos, const Attrs& attributes)
{
    Attrs negated;
    attributes.forEach([&](const std::string& key, const AttrVal& val) {
        AttrVal current = pos.current.getOrNull(key);
        if (!equalAttrs(current, val)) {
            negated.set(key, current);
            insertFormatItem(tr, parent, pos, key, val);
        }
    });
    return negated;
}

void insertContent(Transaction& tr, Type* parent, TextPos& pos, Item* content, Attrs attributes)
{
    pos.current.forEach([&](const std::string& key, const AttrVal&) {
        if (!attributes.find(key))
            attributes.set(key, AttrVal{});
    });
    minimizeAttributeChanges(pos, attributes);
    Attrs negated = insertAttributes(tr, parent, pos, attributes);
    if (!parent->markers.empty())
        detail::updateMarkerChanges(parent, pos.index, int64_t(content->length));
    Item* item = content;
    const ClientId me = tr.doc.clientId();
    item->id = {me, tr.doc.store().getState(me)};
    item->left = pos.left;
    item->hasOrigin = pos.left != nullptr;
    if (pos.left)
        item->origin = pos.left->lastId();
    item->right = pos.right;
    item->hasRightOrigin = pos.right != nullptr;
    if (pos.right)
        item->rightOrigin = pos.right->id;
    item->parent = parent;
    detail::integrate(tr, item, 0);
    pos.right = item;
    pos.forward();
    insertNegatedAttributes(tr, parent, pos, negated);
}

Item* makeStringItem(std::u16string_view text)
{
    auto* item = new Item();
    item->setContentKind(ContentKind::String);
    item->str.assign(text);
    item->length = text.size();
    return item;
}

Item* makeEmbedItem(const Value& embed)
{
    auto* item = new Item();
    item->setContentKind(ContentKind::Embed);
    item->extra = std::make_unique<ContentExtra>();
    item->extra->value = std::make_shared<const Value>(embed);
    item->length = 1;
    return item;
}

void formatText(Transaction& tr, Type* parent, TextPos& pos, uint64_t length, const Attrs& attributes)
{
    minimizeAttributeChanges(pos, attributes);
    Attrs negated = insertAttributes(tr, parent, pos, attributes);
    while (pos.right &&
           (length > 0 || (!negated.empty() && (pos.right->deleted() || pos.right->kind == ContentKind::Format)))) {
        if (!pos.right->deleted()) {
            if (pos.right->kind == ContentKind::Format) {
                const std::string key = pos.right->formatKey();
                AttrVal value = pos.right->extra->value;
                if (const AttrVal* attr = attributes.find(key)) {
                    if (equalAttrs(*attr, value)) {
                        negated.erase(key);
                    } else {
                        if (length == 0)
                            break;
                        negated.set(key, value);
                    }
                    detail::deleteItem(tr, pos.right);
                } else {
                    pos.current.set(key, value);
                }
            } else {
                if (length < pos.right->length)
                    tr.doc.store().getItemCleanStart(tr, {pos.right->id.client, pos.right->id.clock + length});
                length -= std::min(length, pos.right->length);
            }
        }
        pos.forward();
    }
    if (length > 0) {
        Item* nl = makeStringItem(std::u16string(length, u'\n'));
        const ClientId me = tr.doc.clientId();
        nl->id = {me, tr.doc.store().getState(me)};
        nl->left = pos.left;
        nl->hasOrigin = pos.left != nullptr;
        if (pos.left)
            nl->origin = pos.left->lastId();
        nl->right = pos.right;
        nl->hasRightOrigin = pos.right != nullptr;
        if (pos.right)
            nl->rightOrigin = pos.right->id;
        nl->parent = parent;
        detail::integrate(tr, nl, 0);
        pos.right = nl;
        pos.forward();
    }
    insertNegatedAttributes(tr, parent, pos, negated);
}

} // namespace

namespace detail {

int cleanupFormattingGap(Transaction& tr, Item* start, Item* curr, const Attrs& startAttributes, Attrs& currAttributes)
{
    Item* end = start;
    // The last format item of each key in the gap; a map, as a gap can hold any number of keys.
    std::map<std::string, Item*> endFormats;
    auto getEnd = [&](const std::string& k) -> Item* {
        auto it = endFormats.find(k);
        return it == endFormats.end() ? nullptr : it->second;
    };
    while (end && (!end->countable() || end->deleted())) {
        if (!end->deleted() && end->kind == ContentKind::Format)
            endFormats[end->formatKey()] = end;
        end = end->right;
    }
    int cleanups = 0;
    bool reachedCurr = false;
    while (start != end) {
        if (curr == start)
            reachedCurr = true;
        if (!start->deleted() && start->kind == ContentKind::Format) {
            const std::string& key = start->formatKey();
            const AttrVal& value = start->extra->value;
            AttrVal startAttrValue = startAttributes.getOrNull(key);
            if (getEnd(key) != start || strictEq(startAttrValue, value)) {
                deleteItem(tr, start);
                ++cleanups;
                if (!reachedCurr && strictEq(currAttributes.getOrNull(key), value) &&
                    !strictEq(startAttrValue, value)) {
                    if (isNullish(startAttrValue))
                        currAttributes.erase(key);
                    else
                        currAttributes.set(key, startAttrValue);
                }
            }
            if (!reachedCurr && !start->deleted())
                updateCurrentAttributes(currAttributes, *start);
        }
        start = start->right;
    }
    return cleanups;
}

void cleanupContextlessFormattingGap(Transaction& tr, Item* item)
{
    while (item && item->right && (item->right->deleted() || !item->right->countable()))
        item = item->right;
    std::set<std::string> seen;
    while (item && (item->deleted() || !item->countable())) {
        if (!item->deleted() && item->kind == ContentKind::Format && !seen.insert(item->formatKey()).second)
            deleteItem(tr, item);
        item = item->left;
    }
}

int cleanupTextFormatting(Transaction& tr, Type* type)
{
    int res = 0;
    Item* start = type->start;
    Item* end = type->start;
    Attrs startAttributes;
    Attrs current;
    while (end) {
        if (!end->deleted()) {
            if (end->kind == ContentKind::Format) {
                updateCurrentAttributes(current, *end);
            } else {
                res += cleanupFormattingGap(tr, start, end, startAttributes, current);
                startAttributes = current;
                start = end;
            }
        }
        end = end->right;
    }
    return res;
}

void cleanupTextAfterTransaction(Transaction& tr)
{
    Doc& doc = tr.doc;
    std::vector<Type*> fullCleanup;
    auto needs = [&](Type* t) { return std::find(fullCleanup.begin(), fullCleanup.end(), t) != fullCleanup.end(); };
    for (const auto& [client, afterClock] : tr.afterState.entries()) {
        const Clock clock = tr.beforeState.get(client);
        if (afterClock == clock)
            continue;
        auto* structs = doc.store().structsOf(client);
        for (std::size_t i = StructStore::findIndex(*structs, clock); i < structs->size(); ++i) {
            Item* item = (*structs)[i];
            if (item->isItem() && !item->deleted() && item->kind == ContentKind::Format && !needs(item->parent))
                fullCleanup.push_back(item->parent);
        }
    }
    // The deleted items of the finished transaction, collected before anything else changes.
    std::vector<ID> deletedIds;
    for (const auto& [client, ranges] : tr.deleteSet.clients()) {
        auto* structs = doc.store().structsOf(client);
        if (!structs)
            continue;
        for (const auto& r : ranges) {
            for (std::size_t i = StructStore::findIndex(*structs, r.clock); i < structs->size(); ++i) {
                Item* s = (*structs)[i];
                if (s->id.clock >= r.clock + r.len)
                    break;
                deletedIds.push_back({client, std::max(s->id.clock, r.clock)});
            }
        }
    }
    doc.transact([&](Transaction& t) {
        for (const ID& id : deletedIds) {
            Item* item = doc.store().find(id);
            if (!item->isItem() || !item->parent || !item->parent->hasFormatting || needs(item->parent))
                continue;
            if (item->kind == ContentKind::Format)
                fullCleanup.push_back(item->parent);
            else
                cleanupContextlessFormattingGap(t, item);
        }
        for (Type* t2 : fullCleanup)
            cleanupTextFormatting(t, t2);
    });
}

} // namespace detail

std::string Text::toString() const
{
    return toUtf8(t_->textContent());
}

void Text::insert(uint64_t index, std::string_view utf8, const Value* attributes)
{
    insert(index, std::u16string_view(toUtf16(utf8)), attributes);
}

void Text::insert(uint64_t index, std::u16string_view text, const Value* attributes)
{
    if (text.empty())
        return;
    t_->doc->transact([&](Transaction& tr) {
        TextPos pos = findPosition(tr, t_, std::min(index, t_->length), attributes == nullptr);
        Attrs attrs = attributes ? Attrs::fromValue(attributes) : pos.current;
        insertContent(tr, t_, pos, makeStringItem(text), std::move(attrs));
    });
}

void Text::insertEmbed(uint64_t index, const Value& embed, const Value* attributes)
{
    t_->doc->transact([&](Transaction& tr) {
        TextPos pos = findPosition(tr, t_, std::min(index, t_->length), attributes == nullptr);
        insertContent(tr, t_, pos, makeEmbedItem(embed), Attrs::fromValue(attributes));
    });
}

void Text::remove(uint64_t index, uint64_t length)
{
    if (length == 0)
        return;
    t_->doc->transact([&](Transaction& tr) {
        TextPos pos = findPosition(tr, t_, index, true);
        const uint64_t startLength = length;
        const Attrs startAttrs = pos.current;
        Item* start = pos.right;
        while (length > 0 && pos.right) {
            Item* r = pos.right;
            if (!r->deleted() &&
                (r->kind == ContentKind::String || r->kind == ContentKind::Embed || r->kind == ContentKind::Type)) {
                if (length < r->length)
                    tr.doc.store().getItemCleanStart(tr, {r->id.client, r->id.clock + length});
                length -= r->length;
                detail::deleteItem(tr, r);
            }
            pos.forward();
        }
        // Only format items are ever removed by the cleanup, so plain text can skip the walk.
        if (start && t_->hasFormatting)
            detail::cleanupFormattingGap(tr, start, pos.right, startAttrs, pos.current);
        if (!t_->markers.empty())
            detail::updateMarkerChanges(t_, pos.index, -int64_t(startLength) + int64_t(length));
    });
}

void Text::format(uint64_t index, uint64_t length, const Value& attributes)
{
    if (length == 0)
        return;
    t_->doc->transact([&](Transaction& tr) {
        TextPos pos = findPosition(tr, t_, index, false);
        if (!pos.right)
            return;
        formatText(tr, t_, pos, length, Attrs::fromValue(&attributes));
    });
}

void Text::applyDelta(const std::vector<DeltaOp>& delta)
{
    t_->doc->transact([&](Transaction& tr) {
        TextPos pos;
        pos.right = t_->start;
        for (const DeltaOp& op : delta) {
            const Attrs attrs = Attrs::fromValue(&op.attributes);
            switch (op.kind) {
            case DeltaOp::Kind::Insert:
                if (op.embed)
                    insertContent(tr, t_, pos, makeEmbedItem(*op.embed), attrs);
                else if (!op.text.empty())
                    insertContent(tr, t_, pos, makeStringItem(op.text), attrs);
                break;
            case DeltaOp::Kind::Retain: formatText(tr, t_, pos, op.count, attrs); break;
            case DeltaOp::Kind::Delete: {
                uint64_t length = op.count;
                const Attrs startAttrs = pos.current;
                Item* start = pos.right;
                while (length > 0 && pos.right) {
                    Item* r = pos.right;
                    if (!r->deleted() && r->countable() && r->kind != ContentKind::Format) {
                        if (length < r->length)
                            tr.doc.store().getItemCleanStart(tr, {r->id.client, r->id.clock + length});
                        length -= r->length;
                        detail::deleteItem(tr, r);
                    }
                    pos.forward();
                }
                if (start)
                    detail::cleanupFormattingGap(tr, start, pos.right, startAttrs, pos.current);
                t_->markers.clear();
                break;
            }
            }
        }
    });
}

std::vector<DeltaOp> Text::toDelta() const
{
    std::vector<DeltaOp> ops;
    Attrs current;
    std::u16string str;
    auto pack = [&] {
        if (str.empty())
            return;
        DeltaOp op;
        op.text = std::move(str);
        str.clear();
        if (!current.empty() && current.fitsDelta())
            op.attributes = current.toValue(false);
        ops.push_back(std::move(op));
    };
    for (Item* n = t_->start; n; n = n->right) {
        if (n->deleted())
            continue;
        switch (n->kind) {
        case ContentKind::String: str += n->str; break;
        case ContentKind::Embed:
        case ContentKind::Type: {
            pack();
            DeltaOp op;
            op.embed = n->kind == ContentKind::Embed ? *n->extra->value : Value::object();
            if (!current.empty() && current.fitsDelta())
                op.attributes = current.toValue(false);
            ops.push_back(std::move(op));
            break;
        }
        case ContentKind::Format:
            pack();
            detail::updateCurrentAttributes(current, *n);
            break;
        default: break;
        }
    }
    pack();
    return ops;
}

std::u16string Type::textContent() const
{
    std::u16string out;
    out.reserve(length);
    for (const Item* n = start; n; n = n->right)
        if (!n->deleted() && n->countable() && n->kind == ContentKind::String)
            out += n->str;
    return out;
}

} // namespace convene::crdt
