// The command line: `stipple [FILE]`, `stipple info`, `stipple render`, `stipple bench`.
#pragma once

namespace stipple {

// Runs the command named by argv and returns the process exit code:
// 0 success, 2 bad input or usage, 1 internal failure.
int runCommandLine(int argc, char** argv);

}  // namespace stipple
