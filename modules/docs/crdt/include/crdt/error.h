#pragma once
#include <stdexcept>
#include <string>

namespace convene::crdt {

// Thrown inside the library for malformed input; public entry points turn it into a Status.
class DecodeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Status {
    bool ok = true;
    std::string error;
    static Status success() { return {}; }
    static Status failure(std::string message) { return {false, std::move(message)}; }
    explicit operator bool() const { return ok; }
};

} // namespace convene::crdt
