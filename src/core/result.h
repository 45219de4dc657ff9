#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace samskab::core {

// Why a call failed. The code decides the exit status (CLI) or HTTP status (web) in one
// place each; the message is already in the user's language and names what was wrong.
enum class ErrorCode {
    Invalid,    // bad input a user can correct
    NotFound,   // a named record does not exist
    Conflict,   // the input contradicts what is stored
    Forbidden,  // the caller may not do this
    Storage,    // the database failed; not the user's fault
    Usage,      // the command line itself is wrong
};

struct Error {
    ErrorCode code = ErrorCode::Invalid;
    std::string message;
    std::string field;  // path of the offending field, when there is one
};

// Expected failures are returned, never thrown. Exceptions are reserved for bugs.
template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::string field = {}) {
    return tl::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}

}  // namespace samskab::core
