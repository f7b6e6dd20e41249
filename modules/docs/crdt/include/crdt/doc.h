#pragma once
#include "crdt/delete_set.h"
#include "crdt/error.h"
#include "crdt/item.h"
#include "crdt/struct_store.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace convene::crdt {

class Doc;
class Transaction;
class Text;
class Map;
class Array;

// One operation of a Quill-style delta. For arrays, insert holds the inserted values.
struct DeltaOp {
    enum class Kind : uint8_t { Insert, Retain, Delete } kind = Kind::Insert;
    std::u16string text; // text insert
    std::optional<Value> embed; // embed (or nested type placeholder) insert
    std::vector<Value> values; // array insert
    uint64_t count = 0; // retain / delete length
    Value attributes; // object or undefined
    bool operator==(const DeltaOp&) const = default;
};
std::string deltaToJson(const std::vector<DeltaOp>& delta);

struct KeyChange {
    enum class Action : uint8_t { Add, Update, Delete } action = Action::Add;
    Value oldValue;
};

// What changed in one type during one transaction.
struct Event {
    Type* target = nullptr;
    Transaction* transaction = nullptr;
    bool childListChanged = false;
    std::set<std::string> keysChanged;
    std::map<std::string, KeyChange> keys; // Map
    // Text and Array: the change as a delta. Worked out on first use, during the observer call:
    // it walks the whole type, which observers that ignore an event should not pay for.
    const std::vector<DeltaOp>& delta() const;

private:
    mutable std::optional<std::vector<DeltaOp>> delta_;
};

struct SearchMarker {
    Item* p = nullptr;
    uint64_t index = 0;
    uint64_t timestamp = 0;
};

// Yjs' AbstractType: the shared state behind Text, Map and Array handles.
class Type {
public:
    Doc* doc = nullptr;
    Item* item = nullptr; // the item that contains this type; null for a root type
    std::string rootName;
    TypeRef ref = TypeRef::Array;
    bool refKnown = false;
    Item* start = nullptr;
    std::map<std::string, Item*> map;
    uint64_t length = 0;
    bool hasFormatting = false;
    std::vector<SearchMarker> markers;
    uint64_t markerClock = 0;
    std::vector<std::pair<int, std::function<void(const Event&)>>> observers;

    std::u16string textContent() const;
};

class Transaction {
public:
    explicit Transaction(Doc& d) : doc(d) { }
    Doc& doc;
    const void* origin = nullptr;
    bool local = true;
    StateVector beforeState;
    StateVector afterState;
    DeleteSet deleteSet;
    std::vector<ID> mergeStructs;
    struct Changed {
        bool childList = false;
        std::set<std::string> keys;
    };
    // The types changed, in the order of their first change. Few types change per transaction,
    // so a flat list it is; past a handful an index takes over, as a remote update can touch
    // thousands. A type deleted during the transaction is forgotten: its entry's type becomes null.
    std::vector<std::pair<Type*, Changed>> changed;
    Changed& changedFor(Type* type)
    {
        if (changedIndex_.empty()) {
            for (auto& c : changed)
                if (c.first == type)
                    return c.second;
            if (changed.size() < kChangedScanLimit) {
                changed.emplace_back(type, Changed{});
                return changed.back().second;
            }
        }
        return findOrAddChanged(type);
    }
    void forgetChanged(Type* type);
    void reset()
    {
        origin = nullptr;
        local = true;
        deleteSet.clear();
        mergeStructs.clear();
        changed.clear();
        if (!changedIndex_.empty())
            changedIndex_.clear();
        needFormattingCleanup = false;
    }
    bool needFormattingCleanup = false;
    // Previous values of overwritten/deleted map entries are read from the items themselves.
    bool adds(const Item& item) const { return item.id.clock >= beforeState.get(item.id.client); }
    bool deletes(const Item& item) const { return deleteSet.isDeleted(item.id); }

private:
    Changed& findOrAddChanged(Type* type); // changedFor() past a handful of types
    static constexpr std::size_t kChangedScanLimit = 8;
    std::unordered_map<const Type*, std::size_t> changedIndex_;
};

struct DocOptions {
    bool gc = true;
};

class Doc {
public:
    explicit Doc(ClientId clientId = randomClientId(), DocOptions options = {});
    ~Doc();
    Doc(const Doc&) = delete;
    Doc& operator=(const Doc&) = delete;

    static ClientId randomClientId();
    ClientId clientId() const { return clientId_; }
    const DocOptions& options() const { return options_; }

    Text getText(const std::string& name);
    Map getMap(const std::string& name);
    Array getArray(const std::string& name);
    Type* rootType(const std::string& name); // creates an untyped root if needed

    // Runs fn inside a transaction (nested calls join the outer one).
    template<typename F>
    void transact(F&& fn, const void* origin = nullptr, bool local = true)
    {
        if (transaction_) {
            fn(*transaction_);
            return;
        }
        beginTransaction(origin, local);
        try {
            fn(*transaction_);
        } catch (...) {
            finishTransaction();
            throw;
        }
        finishTransaction();
    }
    Transaction* currentTransaction() { return transaction_.get(); }

    // Applies an update (v1). A malformed update is rejected and the document is left unchanged.
    Status applyUpdate(std::span<const uint8_t> update, const void* origin = nullptr);
    std::vector<uint8_t> encodeStateAsUpdate(const StateVector& target = {}) const;
    std::vector<uint8_t> encodeStateAsUpdate(std::span<const uint8_t> encodedTargetStateVector) const;
    StateVector stateVector() const { return store_.stateVector(); }
    std::vector<uint8_t> encodeStateVector() const { return stateVector().encode(); }
    bool hasPending() const { return store_.pending != nullptr || !store_.pendingDs.empty(); }

    using UpdateHandler = std::function<void(const std::vector<uint8_t>& update, const void* origin)>;
    int onUpdate(UpdateHandler handler);
    using TransactionHandler = std::function<void(Transaction&)>;
    int onAfterTransaction(TransactionHandler handler);
    void off(int handle);
    int addObserver(Type* type, std::function<void(const Event&)> handler);

    StructStore& store() { return store_; }
    const StructStore& store() const { return store_; }
    const std::map<std::string, std::unique_ptr<Type>>& roots() const { return roots_; }
    std::string rootNameOf(const Type* type) const;

private:
    void beginTransaction(const void* origin, bool local);
    void finishTransaction();
    void cleanupTransaction(Transaction& tr);
    void callObservers(Transaction& tr);

    ClientId clientId_;
    DocOptions options_;
    StructStore store_;
    std::map<std::string, std::unique_ptr<Type>> roots_;
    std::unique_ptr<Transaction> transaction_;
    std::vector<std::pair<int, UpdateHandler>> updateHandlers_;
    std::vector<std::pair<int, TransactionHandler>> afterTransactionHandlers_;
    int nextHandle_ = 1;
    bool inCleanup_ = false;
    std::deque<std::unique_ptr<Transaction>> cleanupQueue_;
    std::unique_ptr<Transaction> spareTransaction_; // reused: most edits are tiny transactions
    std::vector<uint8_t> updateBuffer_;
};

// Internal operations shared by the types (Yjs' Item.js / Transaction.js functions).
namespace detail {
void integrate(Transaction& tr, Item* item, Clock offset);
void deleteItem(Transaction& tr, Item* item);
void gcItem(StructStore& store, Item* item, bool parentGCd);
void addChangedType(Transaction& tr, Type* type, const std::string* parentSub);
int tryToMergeWithLefts(StructList& structs, std::size_t pos);
bool mergeItems(Item* left, Item* right);
Item* newLocalItem(Transaction& tr, Item* left, Item* right, Type* parent, const std::string* parentSub);
void updateMarkerChanges(Type* type, uint64_t index, int64_t len);
SearchMarker* findMarker(Type* type, uint64_t index);
Value contentValue(const Item& item, std::size_t index);
} // namespace detail

} // namespace convene::crdt
