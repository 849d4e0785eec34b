#version 430 core
// One texel of the dot map: coverage of the dots around the texel's point on the skin.
// Compiled three times (gpu/PigmentBake.cpp): MARK_ISLANDS only marks which texels the UV
// islands cover, once, for the padding; the bake writes the coverage; HALO then writes the
// pigment's halo, its soft shadow in the skin (core/SkinDiffusion.h), from the coverage's mips.
#include "hash.glsl"
#include "candidates.glsl"
#include "dots.glsl"
#include "stubble.glsl"

in vec3 vPosition;
in vec2 vUv;

#ifdef HALO
// The map from its level 1 down, blending two levels: the level being drawn is not among them.
layout(binding = 0) uniform sampler2D uCoarseLevels;
uniform float uHaloSigmaMm;  // core/SkinDiffusion.h
uniform float uHaloTail;     // share of the halo in its tail, kHaloTailScale = 4 times wider
#endif

// MARK_ISLANDS: (0, 1) on every covered texel. Otherwise r: pigment, g: the client's
// pigmented hair, a: their grey hair; HALO: b, the pigment's halo (the others are masked).
out vec4 coverage;

#ifdef HALO
// The pigment blurred to the halo's sigma: a mip texel 2 sigma wide on the skin here, read
// bilinearly, blurs by about sigma (a box and a tent). The UV map stretches the skin more one
// way than another (and shears it): the level follows the way a texel covers most skin, and a
// row of reads the other way widens the blur there to match, so the halo stays round on the
// skin. Levels count from the map's level 1, which bounds the blur below by about a texel.
// The coverage at mip `level`, `reads` reads one texel of the level apart (in UV) along
// `shortWay`, centred on the texel.
float blurredAt(vec2 uv, vec2 shortWay, float level, int reads) {
    vec2 step = shortWay * exp2(floor(level)) / vec2(textureSize(uCoarseLevels, 0));
    float sum = 0.0;
    for (int i = 0; i < reads; ++i) sum += textureLod(uCoarseLevels, uv + (float(i) - 0.5 * float(reads - 1)) * step, level).r;
    return sum / float(reads);
}

// `du` and `dv`: the skin under one texel step along u and along v.
float haloAt(vec2 uv, vec3 du, vec3 dv) {
    // The skin's metric on texel steps; its eigenvalues are the squared lengths of the longest
    // and the shortest texel step on the skin.
    float a = dot(du, du), b = dot(du, dv), c = dot(dv, dv);
    float mean = 0.5 * (a + c), spread = sqrt(0.25 * (a - c) * (a - c) + b * b);
    float longest = sqrt(mean + spread), shortest = sqrt(max(mean - spread, 1e-12));
    vec2 shortWay = abs(b) > 1e-12 * mean ? normalize(vec2(b, mean - spread - a)) : (a < c ? vec2(1.0, 0.0) : vec2(0.0, 1.0));
    float level = max(log2(2.0 * uHaloSigmaMm / longest) - 1.0, 0.0);
    int reads = int(clamp(round(longest / shortest), 1.0, 4.0));
    float halo = blurredAt(uv, shortWay, level, reads);
    // The tail, 4 sigma: two levels coarser.
    return uHaloTail > 0.0 ? mix(halo, blurredAt(uv, shortWay, level + 2.0, reads), uHaloTail) : halo;
}
#endif

void main() {
#ifdef MARK_ISLANDS
    coverage = vec4(0.0, 1.0, 0.0, 0.0);
#elif defined(HALO)
    coverage = vec4(0.0, 0.0, haloAt(vUv, dFdx(vPosition), dFdy(vPosition)), 0.0);
#else
    // The texel's size on the skin, so each dot is filtered to what one texel can hold.
    vec3 dx = dFdx(vPosition), dy = dFdy(vPosition);
    float texelMm = max(length(dx), length(dy));
    vec2 hair = stubbleCoverage(vPosition, normalize(cross(dx, dy)), texelMm, true);
    coverage = vec4(dotCoverage(vPosition, texelMm, true), hair.x, 0.0, hair.y);
#endif
}
