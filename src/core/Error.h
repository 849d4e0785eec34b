// The two kinds of failure the command line distinguishes (exit 2 and exit 1).
#pragma once

#include <stdexcept>
#include <string>

namespace stipple {

// Bad input from the user: a file that cannot be read or used, a bad option. Exit code 2.
// The message names the file and the problem, ready to show as it is.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Something Stipple itself could not do (no GL context, a shader that does not compile). Exit 1.
class InternalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace stipple
