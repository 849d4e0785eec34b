// The candidate pool and the scatter's per-candidate result, as gpu/ImpressionField.cpp lays
// them out (std430).
#include "bindings.glsl"

struct GpuCandidate {
    vec4 positionRank;         // xyz: position in mm, w: rank in [0, 1)
    vec4 normalScalpWeight;    // xyz: unit normal, w: scalp weight 0..1
    vec4 uvSpare;              // xy: uv
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
