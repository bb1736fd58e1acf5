#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace pd {

/// What kind of failure an operation ended with. Callers map these to exit codes (CLI) or message styles (GUI).
enum class ErrorCode {
    InvalidArgument,  ///< bad input: a field, a file, an argument; the message names it
    NotFound,         ///< the object asked for does not exist
    PermissionDenied, ///< the operator's role does not allow the action
    Conflict,         ///< someone else changed the record first (optimistic concurrency)
    NotPrivacyDesk,   ///< the database is not a Privacy Desk database
    TooNew,           ///< the database was written by a newer version
    Storage,          ///< the database refused or failed
    Cancelled,        ///< the operator cancelled long work
};

/// An error for a human: one clear line that names what was wrong. Never carries personal data.
struct Error
{
    ErrorCode code = ErrorCode::Storage;
    QString message;
};

/// A value or an error. Small on purpose: std::expected is C++23.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/// Success or an error, for operations that return nothing.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_failed(true), m_error(std::move(error)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace pd
