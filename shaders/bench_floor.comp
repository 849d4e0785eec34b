#version 430 core
// The benchmark's floor for a compute pass on this machine: each invocation writes one word and
// does nothing else. A full re-scatter is one invocation per candidate with the same group size
// (scatter.comp), so it cannot be faster than this pass over as many invocations.
#include "bindings.glsl"
layout(local_size_x = 128) in;

layout(std430, binding = BUFFER_BENCH_WORDS) writeonly buffer Words { uint words[]; };

uniform uint uCount;

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i < uCount) words[i] = i;
}
