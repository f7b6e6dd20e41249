#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace convene {

enum class ErrorCode {
    InvalidArgument,
    NotFound,
    PermissionDenied, // e.g. a setting locked by policy
    Io,
    Corrupt,
    Unsupported,
    Unavailable,
    Rejected,
    TooLarge,
    Internal,
};

// An error a person can read: `message` is already translated where it reaches the UI.
struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

// Either a value or an Error; used across module boundaries instead of exceptions.
template<typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Error error) : m_state(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template<>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) { }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace convene
