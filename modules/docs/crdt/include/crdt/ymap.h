#pragma once
#include "crdt/doc.h"

namespace convene::crdt {

// Shared key/value map (Yjs' Y.Map); values are JSON-like.
class Map {
public:
    explicit Map(Type* type) : t_(type) { }
    Type* type() const { return t_; }
    void set(const std::string& key, const Value& value);
    void remove(const std::string& key);
    std::optional<Value> get(const std::string& key) const;
    bool has(const std::string& key) const;
    std::vector<std::string> keys() const;
    Value toJson() const;
    int observe(std::function<void(const Event&)> handler) { return t_->doc->addObserver(t_, std::move(handler)); }

private:
    Type* t_;
};

} // namespace convene::crdt
