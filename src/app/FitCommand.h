// `stipple fit`: the client's own head from a few photos, written as a project that carries it
// (docs/photo-fit.md).
#pragma once

#include <string>

namespace stipple {

int runFit(int argc, char** argv);
std::string fitHelp();

}  // namespace stipple
