// The candidate pool and the scatter's per-candidate result, as gpu/ImpressionField.cpp lays
// them out (std430).
#include "bindings.glsl"

struct GpuCandidate {
    // xy: uv, z: rank in [0, 1), w: scalp weight 0..1. All the scatter reads, in one vector:
    // software GL gathers each field of a struct across its lanes separately, and separate
    // fields made the scatter's reads cost more than the rest of it (docs/scatter.md).
    vec4 scatterInput;
    vec4 position;             // xyz: position in mm
    vec4 normal;               // xyz: unit normal (the client's hair leaves the skin along it)
};

// What the scatter decided for one candidate: nothing, an impression, or a follicle of the
// client's own hair (core/NativeHair.h). diameterMm is 0 for nothing.
const uint kDotNone = 0u;
const uint kDotImpression = 1u;
const uint kDotFollicle = 2u;

struct GpuDotState {
    float diameterMm;
    float shade;               // 0..1 opacity of the pigment, or of the stubble
    uint seed;
    uint kind;                 // kDotNone, kDotImpression or kDotFollicle
};

layout(std430, binding = BUFFER_CANDIDATES) readonly buffer Candidates { GpuCandidate candidates[]; };
