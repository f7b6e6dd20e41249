#include "allocation_limit.h"

#include <atomic>
#include <cstdlib>
#include <limits>
#include <new>

namespace {

// Every block carries its size in front, so that delete knows what to give back.
constexpr std::size_t kHeader = alignof(std::max_align_t);

std::atomic<std::size_t> gLive{0};
std::atomic<std::size_t> gPeak{0};
std::atomic<std::size_t> gLimit{std::numeric_limits<std::size_t>::max()};

void* allocate(std::size_t size) noexcept
{
    const std::size_t live = gLive.fetch_add(size) + size;
    if (live > gLimit.load() || size > std::numeric_limits<std::size_t>::max() - kHeader) {
        gLive.fetch_sub(size);
        return nullptr;
    }
    auto* block = static_cast<unsigned char*>(std::malloc(size + kHeader));
    if (!block) {
        gLive.fetch_sub(size);
        return nullptr;
    }
    std::size_t peak = gPeak.load();
    while (live > peak && !gPeak.compare_exchange_weak(peak, live)) { }
    *reinterpret_cast<std::size_t*>(block) = size;
    return block + kHeader;
}

void release(void* p) noexcept
{
    if (!p)
        return;
    auto* block = static_cast<unsigned char*>(p) - kHeader;
    gLive.fetch_sub(*reinterpret_cast<std::size_t*>(block));
    std::free(block);
}

} // namespace

void* operator new(std::size_t size)
{
    if (void* p = allocate(size))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t size)
{
    return operator new(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept
{
    return allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept
{
    return allocate(size);
}
void operator delete(void* p) noexcept
{
    release(p);
}
void operator delete[](void* p) noexcept
{
    release(p);
}
void operator delete(void* p, std::size_t) noexcept
{
    release(p);
}
void operator delete[](void* p, std::size_t) noexcept
{
    release(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept
{
    release(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept
{
    release(p);
}

namespace crdt_test {

AllocationLimit::AllocationLimit(std::size_t bytes) : base_(gLive.load())
{
    gPeak.store(base_);
    gLimit.store(base_ + bytes);
}

AllocationLimit::~AllocationLimit()
{
    gLimit.store(std::numeric_limits<std::size_t>::max());
}

std::size_t AllocationLimit::peak() const
{
    const std::size_t peak = gPeak.load();
    return peak > base_ ? peak - base_ : 0;
}

} // namespace crdt_test
