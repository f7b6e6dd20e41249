#include "crdt/id.h"

#include <random>

namespace convene::crdt {

uint64_t ClientIdHash::processKey()
{
    static const uint64_t key = [] {
        std::random_device device;
        return (uint64_t(device()) << 32) ^ uint64_t(device());
    }();
    return key;
}

} // namespace convene::crdt
