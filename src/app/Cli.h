// The command line: `stipple [FILE]`, `stipple info`, `stipple render`, `stipple export` and the
// others of the usage text. Commands of the libraries above app (`stipple bench`) are added by
// the program (src/main.cpp).
#pragma once

#include <initializer_list>
#include <string>

namespace stipple {

// One `stipple NAME ...` command: what runs it (returning the exit code) and its --help text.
struct Command {
    const char* name;
    int (*run)(int argc, char** argv);
    std::string (*help)();
};

// Runs the command named by argv, among app's and `more`, and returns the process exit code:
// 0 success, 2 bad input or usage, 1 internal failure.
int runCommandLine(int argc, char** argv, std::initializer_list<Command> more = {});

}  // namespace stipple
