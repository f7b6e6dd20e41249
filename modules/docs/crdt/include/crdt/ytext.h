#pragma once
#include "crdt/doc.h"

#include <string_view>

namespace convene::crdt {

// Shared rich text (Yjs' Y.Text). Positions and lengths are UTF-16 code units.
class Text {
public:
    explicit Text(Type* type) : t_(type) { }
    Type* type() const { return t_; }

    uint64_t length() const { return t_->length; }
    std::u16string toU16String() const { return t_->textContent(); }
    std::string toString() const;

    // attributes: a Value object, or null to inherit the formatting at the position.
    void insert(uint64_t index, std::u16string_view text, const Value* attributes = nullptr);
    void insert(uint64_t index, std::string_view utf8, const Value* attributes = nullptr);
    void insertEmbed(uint64_t index, const Value& embed, const Value* attributes = nullptr);
    void remove(uint64_t index, uint64_t length);
    void format(uint64_t index, uint64_t length, const Value& attributes);
    void applyDelta(const std::vector<DeltaOp>& delta);
    std::vector<DeltaOp> toDelta() const;

    int observe(std::function<void(const Event&)> handler) { return t_->doc->addObserver(t_, std::move(handler)); }

private:
    Type* t_;
};

} // namespace convene::crdt
