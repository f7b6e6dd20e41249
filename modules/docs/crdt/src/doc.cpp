#include "crdt/doc.h"

#include "crdt/encoding.h"
#include "crdt/update.h"

#include <random>

namespace convene::crdt {

namespace detail {
void cleanupTextAfterTransaction(Transaction& tr);
void fillEvent(Event& ev, Transaction& tr);
} // namespace detail

ClientId Doc::randomClientId()
{
    static thread_local std::mt19937 rng{std::random_device{}()};
    return rng() & 0x7FFFFFFF;
}

Transaction::Changed& Transaction::findOrAddChanged(Type* type)
{
    if (auto it = changedIndex_.find(type); it != changedIndex_.end())
        return changed[it->second].second;
    changed.emplace_back(type, Changed{});
    if (!changedIndex_.empty()) {
        changedIndex_.emplace(type, changed.size() - 1);
    } else if (changed.size() > kChangedScanLimit) {
        for (std::size_t i = 0; i < changed.size(); ++i)
            if (changed[i].first)
                changedIndex_.emplace(changed[i].first, i);
    }
    return changed.back().second;
}

void Transaction::forgetChanged(Type* type)
{
    std::size_t i = changed.size();
    if (changedIndex_.empty()) {
        for (i = 0; i < changed.size() && changed[i].first != type; ++i) { }
    } else if (auto it = changedIndex_.find(type); it != changedIndex_.end()) {
        i = it->second;
        changedIndex_.erase(it);
    }
    if (i < changed.size())
        changed[i] = {nullptr, Changed{}};
}

Doc::Doc(ClientId clientId, DocOptions options) : clientId_(clientId), options_(options) { }

Doc::~Doc() = default;

Type* Doc::rootType(const std::string& name)
{
    auto& slot = roots_[name];
    if (!slot) {
        slot = std::make_unique<Type>();
        slot->doc = this;
        slot->rootName = name;
    }
    return slot.get();
}

std::string Doc::rootNameOf(const Type* type) const
{
    return type->rootName;
}

int Doc::onUpdate(UpdateHandler handler)
{
    updateHandlers_.emplace_back(nextHandle_, std::move(handler));
    return nextHandle_++;
}

int Doc::onAfterTransaction(TransactionHandler handler)
{
    afterTransactionHandlers_.emplace_back(nextHandle_, std::move(handler));
    return nextHandle_++;
}

int Doc::addObserver(Type* type, std::function<void(const Event&)> handler)
{
    type->observers.emplace_back(nextHandle_, std::move(handler));
    return nextHandle_++;
}

void Doc::off(int handle)
{
    std::erase_if(updateHandlers_, [&](const auto& h) { return h.first == handle; });
    std::erase_if(afterTransactionHandlers_, [&](const auto& h) { return h.first == handle; });
    for (auto& [name, t] : roots_)
        std::erase_if(t->observers, [&](const auto& h) { return h.first == handle; });
}

void Doc::beginTransaction(const void* origin, bool local)
{
    if (spareTransaction_) {
        transaction_ = std::move(spareTransaction_);
        transaction_->reset();
    } else {
        transaction_ = std::make_unique<Transaction>(*this);
    }
    transaction_->origin = origin;
    transaction_->local = local;
    store_.fillStateVector(transaction_->beforeState);
}

void Doc::finishTransaction()
{
    // Transactions started while another one is cleaned up are queued behind it, as in Yjs.
    cleanupQueue_.push_back(std::move(transaction_));
    if (inCleanup_)
        return;
    inCleanup_ = true;
    while (!cleanupQueue_.empty()) {
        std::unique_ptr<Transaction> tr = std::move(cleanupQueue_.front());
        cleanupQueue_.pop_front();
        cleanupTransaction(*tr);
        spareTransaction_ = std::move(tr);
    }
    inCleanup_ = false;
}

void Doc::callObservers(Transaction& tr)
{
    for (auto& [type, changed] : tr.changed) {
        if (!type || (type->item && type->item->deleted()))
            continue;
        if (!tr.local)
            type->markers.clear();
        if (type->observers.empty())
            continue;
        Event ev;
        ev.target = type;
        ev.transaction = &tr;
        ev.childListChanged = changed.childList;
        ev.keysChanged = changed.keys;
        detail::fillEvent(ev, tr);
        auto observers = type->observers;
        for (auto& [h, fn] : observers)
            fn(ev);
    }
    for (auto& [type, changed] : tr.changed)
        if (type && !tr.local && type->hasFormatting && type->refKnown && type->ref == TypeRef::Text &&
            (!type->item || !type->item->deleted()))
            tr.needFormattingCleanup = true;
}

void Doc::cleanupTransaction(Transaction& tr)
{
    tr.deleteSet.sortAndMerge();
    store_.fillStateVector(tr.afterState);
    callObservers(tr);
    for (std::size_t i = 0; i < afterTransactionHandlers_.size(); ++i) {
        auto fn = afterTransactionHandlers_[i].second;
        fn(tr);
    }
    if (tr.needFormattingCleanup)
        detail::cleanupTextAfterTransaction(tr);

    const DeleteSet& ds = tr.deleteSet;
    if (options_.gc) {
        for (const auto& [client, ranges] : ds.clients()) {
            auto* structs = store_.structsOf(client);
            if (!structs)
                continue;
            for (auto di = ranges.size(); di-- > 0;) {
                const DeleteRange& d = ranges[di];
                const Clock end = d.clock + d.len;
                for (std::size_t si = StructStore::findIndex(*structs, d.clock); si < structs->size(); ++si) {
                    Item* s = (*structs)[si];
                    if (s->id.clock >= end)
                        break;
                    if (s->isItem() && s->deleted() && !s->keep())
                        detail::gcItem(store_, s, false);
                }
            }
        }
    }
    for (const auto& [client, ranges] : ds.clients()) {
        auto* structs = store_.structsOf(client);
        if (!structs)
            continue;
        for (auto di = ranges.size(); di-- > 0;) {
            const DeleteRange& d = ranges[di];
            const std::size_t mostRight =
                std::min(structs->size() - 1, 1 + StructStore::findIndex(*structs, d.clock + d.len - 1));
            for (std::size_t si = mostRight; si > 0 && (*structs)[si]->id.clock >= d.clock;) {
                const std::size_t step = 1 + std::size_t(detail::tryToMergeWithLefts(*structs, si));
                if (step > si)
                    break;
                si -= step;
            }
        }
    }
    for (const auto& [client, clock] : tr.afterState.entries()) {
        const Clock before = tr.beforeState.get(client);
        if (before == clock)
            continue;
        auto& structs = store_.listOf(client);
        const std::size_t first = std::max<std::size_t>(StructStore::findIndex(structs, before), 1);
        for (std::size_t i = structs.size() - 1; i >= first;) {
            const std::size_t merged = std::size_t(detail::tryToMergeWithLefts(structs, i));
            if (i < first + 1 + merged)
                break;
            i -= 1 + merged;
        }
    }
    for (auto it = tr.mergeStructs.rbegin(); it != tr.mergeStructs.rend(); ++it) {
        auto& structs = store_.listOf(it->client);
        const std::size_t pos = StructStore::findIndex(structs, it->clock);
        if (pos + 1 < structs.size() && detail::tryToMergeWithLefts(structs, pos + 1) > 1)
            continue;
        if (pos > 0)
            detail::tryToMergeWithLefts(structs, pos);
    }
    if (!tr.local && tr.afterState.get(clientId_) != tr.beforeState.get(clientId_))
        clientId_ = randomClientId();

    if (!updateHandlers_.empty()) {
        bool changed = !tr.deleteSet.empty();
        for (const auto& [client, clock] : tr.afterState.entries())
            if (tr.beforeState.get(client) != clock)
                changed = true;
        if (changed) {
            Encoder enc(std::move(updateBuffer_));
            writeClientsStructs(enc, store_, tr.beforeState);
            tr.deleteSet.write(enc);
            std::vector<uint8_t> update = enc.take();
            for (std::size_t i = 0; i < updateHandlers_.size(); ++i) {
                if (updateHandlers_.size() == 1) {
                    updateHandlers_[i].second(update, tr.origin);
                } else {
                    auto fn = updateHandlers_[i].second;
                    fn(update, tr.origin);
                }
            }
            updateBuffer_ = std::move(update);
        }
    }
}

} // namespace convene::crdt
