#pragma once
// Memory as a test sees it: while an AllocationLimit lives, operator new fails with
// std::bad_alloc once more than `bytes` would be allocated at once (counted from its start), as
// on a machine with that much memory to spare, and the peak is recorded. Linking
// allocation_limit.cpp replaces the global operator new and delete of the test binary.
#include <cstddef>

namespace crdt_test {

class AllocationLimit {
public:
    explicit AllocationLimit(std::size_t bytes);
    ~AllocationLimit();
    AllocationLimit(const AllocationLimit&) = delete;
    AllocationLimit& operator=(const AllocationLimit&) = delete;

    // The most bytes allocated at once since the limit was set, beyond what was allocated then.
    std::size_t peak() const;

private:
    std::size_t base_;
};

} // namespace crdt_test
