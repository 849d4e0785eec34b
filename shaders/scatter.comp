#version 430 core
// One thread per candidate: an impression iff rank < density(uv) * scalpWeight / maxDensity
// (the threshold); otherwise a follicle of the client's hair iff
// 1 - rank < hair(uv) * scalpWeight / maxDensity. A session window shows only the impressions
// with from * threshold <= rank < to * threshold (core/SessionPlan.h).
// The CPU twin is src/core/Scatter.cpp; tests compare the two on random density maps.
// Either every candidate is visited, or only those listed (a brush's reach); the impression
// count follows each change of state, so both keep it exact. compact.comp lists the impressions.
#include "bindings.glsl"
#include "hash.glsl"
#include "candidates.glsl"

layout(local_size_x = 128) in;

layout(std430, binding = BUFFER_DOT_STATES) buffer DotStates { GpuDotState dotStates[]; };
layout(std430, binding = BUFFER_ACTIVE_COUNT) buffer ActiveCount { uint activeCount; };
layout(std430, binding = BUFFER_SCATTER_IDS) readonly buffer ScatterIds { uint scatterIds[]; };

layout(binding = TEXTURE_SCATTER_DENSITY) uniform sampler2D uDensity;      // impressions per cm^2, fetched texel by texel
layout(binding = TEXTURE_SCATTER_HAIR) uniform sampler2D uHairDensity;  // follicular units per cm^2, the same way

uniform uint uCount;            // threads: candidates in the pool, or listed ids
uniform bool uUseIdList;
uniform float uMaxDensityPerCm2;
uniform uint uSeed;
uniform vec2 uRankWindow;       // (from, to) as fractions of the threshold; (0, 1): the whole design

// A look for each kind of dot (ScatterParams): x diameter mm, y relative diameter jitter
// (0.08 for +/- 8 %), z shade, w relative shade jitter.
uniform vec4 uImpressionLook;
uniform vec4 uStubbleLook;

// Bilinear density with texel centres at (i + 0.5) / size and clamp-to-edge, in plain float
// math so it matches DensityMap::sample() on the CPU (hardware filtering rounds its weights);
// the order of operations follows core/DensityMap.h line by line.
float sampleDensity(sampler2D map, vec2 uv) {
    ivec2 size = textureSize(map, 0);
    precise vec2 t = uv * vec2(size) - 0.5;
    vec2 base = floor(t);
    precise vec2 f = t - base;
    // Clamped as floats first, so uv far outside [0, 1] cannot overflow the int conversion.
    ivec2 i0 = ivec2(clamp(base, vec2(0.0), vec2(size - 1)));
    ivec2 i1 = ivec2(clamp(base + 1.0, vec2(0.0), vec2(size - 1)));
    float d00 = texelFetch(map, ivec2(i0.x, i0.y), 0).r;
    float d10 = texelFetch(map, ivec2(i1.x, i0.y), 0).r;
    float d01 = texelFetch(map, ivec2(i0.x, i1.y), 0).r;
    float d11 = texelFetch(map, ivec2(i1.x, i1.y), 0).r;
    // `precise`: no fused multiply-add may change the rounding the CPU twin does.
    precise float bottom = d00 + f.x * (d10 - d00);
    precise float top = d01 + f.x * (d11 - d01);
    precise float value = bottom + f.y * (top - bottom);
    return value;
}

void main() {
    if (gl_GlobalInvocationID.x >= uCount) return;
    uint id = uUseIdList ? scatterIds[gl_GlobalInvocationID.x] : gl_GlobalInvocationID.x;
    bool wasImpression = dotStates[id].kind == kDotImpression;
    vec4 scatterInput = candidates[id].scatterInput;
    vec2 uv = scatterInput.xy;
    float rank = scatterInput.z;
    float scalpWeight = scatterInput.w;
    precise float threshold = sampleDensity(uDensity, uv) * scalpWeight / uMaxDensityPerCm2;
    precise float hairThreshold = sampleDensity(uHairDensity, uv) * scalpWeight / uMaxDensityPerCm2;
    precise float fromTop = 1.0 - rank;
    precise float lower = uRankWindow.x * threshold;
    precise float upper = uRankWindow.y * threshold;
    GpuDotState state;
    state.seed = lowbias32(id ^ lowbias32(uSeed));
    if (rank < threshold) state.kind = rank < upper && !(rank < lower) ? kDotImpression : kDotNone;
    else state.kind = fromTop < hairThreshold ? kDotFollicle : kDotNone;
    vec4 look = state.kind == kDotFollicle ? uStubbleLook : uImpressionLook;
    float sizeJitter = 2.0 * hashToUnitFloat(lowbias32(state.seed ^ 0x9e3779b9u)) - 1.0;
    float shadeJitter = hashToUnitFloat(lowbias32(state.seed ^ 0x85ebca6bu));
    state.diameterMm = state.kind != kDotNone ? look.x * (1.0 + look.y * sizeJitter) : 0.0;
    state.shade = look.z * (1.0 - look.w * shadeJitter);
    dotStates[id] = state;
    bool isImpression = state.kind == kDotImpression;
    // Unsigned wrap-around: adding 0xffffffff subtracts one.
    if (isImpression != wasImpression) atomicAdd(activeCount, isImpression ? 1u : 0xffffffffu);
}
