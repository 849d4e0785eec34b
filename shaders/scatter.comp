#version 430 core
// One thread per candidate: active iff rank < density(uv) * scalpWeight / maxDensity.
// The CPU twin is src/core/Scatter.cpp; tests compare the two on random density maps.
// Either every candidate is visited, or only those listed (a brush's reach); the active count
// follows each change of state, so both keep it exact. compact.comp lists the actives.
#include "hash.glsl"
#include "candidates.glsl"

layout(local_size_x = 128) in;

layout(std430, binding = 1) buffer DotStates { GpuDotState dotStates[]; };
layout(std430, binding = 2) buffer ActiveCount { uint activeCount; };
layout(std430, binding = 6) readonly buffer ScatterIds { uint scatterIds[]; };

layout(binding = 0) uniform sampler2D uDensity;  // impressions per cm^2, fetched texel by texel

uniform uint uCount;            // threads: candidates in the pool, or listed ids
uniform bool uUseIdList;
uniform float uMaxDensityPerCm2;
uniform float uNeedleDiameterMm;
uniform float uDiameterJitter;  // relative, e.g. 0.08 for +/- 8 %
uniform float uShade;
uniform float uShadeJitter;
uniform uint uSeed;

// Bilinear density with texel centres at (i + 0.5) / size and clamp-to-edge, in plain float
// math so it matches DensityMap::sample() on the CPU (hardware filtering rounds its weights);
// the order of operations follows core/DensityMap.h line by line.
float sampleDensity(vec2 uv) {
    ivec2 size = textureSize(uDensity, 0);
    precise vec2 t = uv * vec2(size) - 0.5;
    vec2 base = floor(t);
    precise vec2 f = t - base;
    // Clamped as floats first, so uv far outside [0, 1] cannot overflow the int conversion.
    ivec2 i0 = ivec2(clamp(base, vec2(0.0), vec2(size - 1)));
    ivec2 i1 = ivec2(clamp(base + 1.0, vec2(0.0), vec2(size - 1)));
    float d00 = texelFetch(uDensity, ivec2(i0.x, i0.y), 0).r;
    float d10 = texelFetch(uDensity, ivec2(i1.x, i0.y), 0).r;
    float d01 = texelFetch(uDensity, ivec2(i0.x, i1.y), 0).r;
    float d11 = texelFetch(uDensity, ivec2(i1.x, i1.y), 0).r;
    // `precise`: no fused multiply-add may change the rounding the CPU twin does.
    precise float bottom = d00 + f.x * (d10 - d00);
    precise float top = d01 + f.x * (d11 - d01);
    precise float value = bottom + f.y * (top - bottom);
    return value;
}

void main() {
    if (gl_GlobalInvocationID.x >= uCount) return;
    uint id = uUseIdList ? scatterIds[gl_GlobalInvocationID.x] : gl_GlobalInvocationID.x;
    uint wasActive = dotStates[id].isActive;
    GpuCandidate c = candidates[id];
    float threshold = sampleDensity(c.uvSpare.xy) * c.normalScalpWeight.w / uMaxDensityPerCm2;
    uint seed = lowbias32(id ^ lowbias32(uSeed));
    GpuDotState state;
    state.seed = seed;
    state.isActive = c.positionRank.w < threshold ? 1u : 0u;
    float sizeJitter = 2.0 * hashToUnitFloat(lowbias32(seed ^ 0x9e3779b9u)) - 1.0;
    float shadeJitter = hashToUnitFloat(lowbias32(seed ^ 0x85ebca6bu));
    state.diameterMm = state.isActive == 1u ? uNeedleDiameterMm * (1.0 + uDiameterJitter * sizeJitter) : 0.0;
    state.shade = uShade * (1.0 - uShadeJitter * shadeJitter);
    dotStates[id] = state;
    // Unsigned wrap-around: adding 0xffffffff subtracts one.
    if (state.isActive != wasActive) atomicAdd(activeCount, state.isActive == 1u ? 1u : 0xffffffffu);
}
