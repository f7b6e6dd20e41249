#pragma once
#include <new>
#include <stdexcept>
#include <string>

namespace convene::crdt {

// Thrown inside the library for malformed input; public entry points turn it into a Status.
class DecodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Runs a decoder. Memory that cannot be had for what an input claims is a decode error like any
// other: hostile input must never take the process down with std::bad_alloc.
template<typename Decode>
decltype(auto) decodeOrReject(Decode&& decode)
{
    try {
        return decode();
    } catch (const std::bad_alloc&) {
        throw DecodeError("out of memory for the sizes the input claims");
    } catch (const std::length_error&) {
        throw DecodeError("the input claims a size beyond any container");
    }
}

struct Status {
    bool ok = true;
    std::string error;
    static Status success() { return {}; }
    static Status failure(std::string message) { return {false, std::move(message)}; }
    explicit operator bool() const { return ok; }
};

} // namespace convene::crdt
