// The candidate pool and the scatter's per-candidate result, as gpu/ImpressionField.cpp lays
// them out (std430).

struct GpuCandidate {
    vec4 positionRank;         // xyz: position in mm, w: rank in [0, 1)
    vec4 normalScalpWeight;    // xyz: unit normal, w: scalp weight 0..1
    vec4 uvSpare;              // xy: uv
};

// What the scatter decided for one candidate. diameterMm is 0 for an inactive candidate.
struct GpuDotState {
    float diameterMm;
    float shade;               // 0..1 pigment opacity
    uint seed;
    uint isActive;
};

layout(std430, binding = 0) readonly buffer Candidates { GpuCandidate candidates[]; };
