// `stipple bench`: prints the figures the README quotes (medians, with the machine they ran on).
#pragma once

namespace stipple {

int runBench();

}  // namespace stipple
