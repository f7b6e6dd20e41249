#pragma once

#include "crdt/doc.h"

#include <cstdint>
#include <vector>

namespace convene::docs::detail {

// A whole text (a delta of inserts) to be rendered in steps: a first one of a screenful and
// more at once, the rest in later turns of the event loop, so the first frame of a long
// document lays out only about what it shows. Steps end at line ends where the text allows.
class RenderSteps {
public:
    static constexpr uint64_t kFirstUnits = 8 * 1024; // UTF-16 units: more than a screen holds
    static constexpr uint64_t kStepUnits = 12 * 1024; // about 5 ms of layout each
    static constexpr uint64_t kSteppedAbove = 3 * kFirstUnits; // shorter texts go at once

    // Whether `delta` inserts all of a text `length` long, and nothing else, and that is long
    // enough for steps. (A change inserting at the start of a text looks the same but is shorter.)
    static bool worthSteps(const std::vector<crdt::DeltaOp>& delta, uint64_t length);

    void start(std::vector<crdt::DeltaOp> inserts);
    bool pending() const { return next_ < ops_.size(); }
    // The next inserts, about `units` long: more up to the next line end, less never.
    std::vector<crdt::DeltaOp> take(uint64_t units);
    std::vector<crdt::DeltaOp> takeAll() { return take(UINT64_MAX); }
    void clear();

private:
    std::vector<crdt::DeltaOp> ops_;
    std::size_t next_ = 0;
};

} // namespace convene::docs::detail
