#version 430 core
// Lists the impressions' candidate ids, appended with an atomic counter (in no particular order).
#include "bindings.glsl"
#include "candidates.glsl"

layout(local_size_x = 128) in;

layout(std430, binding = BUFFER_DOT_STATES) readonly buffer DotStates { GpuDotState dotStates[]; };
layout(std430, binding = BUFFER_ACTIVE_LIST) buffer ActiveList {
    uint listedCount;
    uint activeIds[];
};

uniform uint uCount;

void main() {
    uint id = gl_GlobalInvocationID.x;
    if (id >= uCount || dotStates[id].kind != kDotImpression) return;
    activeIds[atomicAdd(listedCount, 1u)] = id;
}
