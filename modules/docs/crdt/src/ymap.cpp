#include "crdt/ymap.h"

#include "crdt/yarray.h"
#include "crdt/ytext.h"

namespace convene::crdt {

namespace {

Type* typed(Doc& doc, const std::string& name, TypeRef ref)
{
    Type* t = doc.rootType(name);
    if (!t->refKnown) {
        t->ref = ref;
        t->refKnown = true;
    }
    return t;
}

} // namespace

Text Doc::getText(const std::string& name)
{
    return Text(typed(*this, name, TypeRef::Text));
}

Map Doc::getMap(const std::string& name)
{
    return Map(typed(*this, name, TypeRef::Map));
}

Array Doc::getArray(const std::string& name)
{
    return Array(typed(*this, name, TypeRef::Array));
}

void Map::set(const std::string& key, const Value& value)
{
    t_->doc->transact([&](Transaction& tr) {
        auto it = t_->map.find(key);
        Item* left = it == t_->map.end() ? nullptr : it->second;
        Item* item = detail::newLocalItem(tr, left, nullptr, t_, &key);
        if (value.kind() == Value::Kind::Binary) {
            item->setContentKind(ContentKind::Binary);
            item->extra = std::make_unique<ContentExtra>();
            item->extra->binary = value.asBinary();
        } else {
            item->setContentKind(ContentKind::Any);
            item->extra = std::make_unique<ContentExtra>();
            item->extra->values.push_back(value);
        }
        item->length = 1;
        detail::integrate(tr, item, 0);
    });
}

void Map::remove(const std::string& key)
{
    t_->doc->transact([&](Transaction& tr) {
        auto it = t_->map.find(key);
        if (it != t_->map.end())
            detail::deleteItem(tr, it->second);
    });
}

std::optional<Value> Map::get(const std::string& key) const
{
    auto it = t_->map.find(key);
    if (it == t_->map.end() || it->second->deleted())
        return std::nullopt;
    return detail::contentValue(*it->second, it->second->length - 1);
}

bool Map::has(const std::string& key) const
{
    auto it = t_->map.find(key);
    return it != t_->map.end() && !it->second->deleted();
}

std::vector<std::string> Map::keys() const
{
    std::vector<std::string> out;
    for (const auto& [k, item] : t_->map)
        if (!item->deleted())
            out.push_back(k);
    return out;
}

Value Map::toJson() const
{
    Value::Object o;
    for (const auto& [k, item] : t_->map)
        if (!item->deleted())
            o.emplace_back(k, detail::contentValue(*item, item->length - 1));
    return Value::object(std::move(o));
}

} // namespace convene::crdt
