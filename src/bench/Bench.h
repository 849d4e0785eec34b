// `stipple bench`: prints the figures the README quotes. Each timed figure is run several times
// and printed as its median with the 95th percentile and the number of runs; the anchors it is
// compared with (Yuksel's sample elimination, a compute pass that only writes) run in the same
// process, so every ratio comes from one run of the benchmark.
#pragma once

#include "app/Cli.h"

#include <optional>
#include <string>

namespace stipple {

struct BenchOptions {
    // Fewer runs and smaller inputs (a pool at 25/cm^2, a 100k-triangle import, a 1024 export):
    // the same figures in seconds, for tests and a quick look; not figures to quote.
    bool quick = false;
    // Where to write every figure as JSON (`-` for standard output, then the table goes to
    // standard error); none: the table only.
    std::optional<std::string> jsonPath;
};

int runBench(const BenchOptions& options = {});

// `stipple bench [--quick] [--json FILE]`, for the program's command line.
extern const Command kBenchCommand;

}  // namespace stipple
