// Runs `stipple` with the given arguments in this process, as the shell would run it.
#pragma once

#include "app/Cli.h"
#include "bench/Bench.h"

#include <string>
#include <vector>

namespace stipple::test {

inline int run(std::vector<std::string> args) {
    args.insert(args.begin(), "stipple");
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    return runCommandLine(int(argv.size()), argv.data(), {kBenchCommand});
}

}  // namespace stipple::test
