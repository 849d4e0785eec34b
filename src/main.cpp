// The program: the command line with every command, the benchmark's among them.
#include "app/Cli.h"
#include "bench/Bench.h"

int main(int argc, char** argv) { return stipple::runCommandLine(argc, argv, {stipple::kBenchCommand}); }
