#include "app/Cli.h"

int main(int argc, char** argv) { return stipple::runCommandLine(argc, argv); }
