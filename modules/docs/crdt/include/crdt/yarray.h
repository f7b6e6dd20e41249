#pragma once
#include "crdt/doc.h"

namespace convene::crdt {

// Shared list (Yjs' Y.Array) of JSON-like values.
class Array {
public:
    explicit Array(Type* type) : t_(type) { }
    Type* type() const { return t_; }
    uint64_t length() const { return t_->length; }
    void insert(uint64_t index, const std::vector<Value>& values);
    void push(const std::vector<Value>& values) { insert(length(), values); }
    void remove(uint64_t index, uint64_t length);
    Value get(uint64_t index) const;
    std::vector<Value> toVector() const;
    Value toJson() const { return Value::array(toVector()); }
    int observe(std::function<void(const Event&)> handler) { return t_->doc->addObserver(t_, std::move(handler)); }

private:
    Type* t_;
};

} // namespace convene::crdt
