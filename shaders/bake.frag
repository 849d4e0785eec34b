#version 430 core
// One texel of the dot map: coverage of the dots around the texel's point on the skin.
// Compiled three times (gpu/PigmentBake.cpp): MARK_ISLANDS only marks which texels the UV
// islands cover, once, for the padding; the bake writes the coverage; HALO then writes the
// pigment's halo, its soft shadow in the skin (core/SkinDiffusion.h), from the coverage's mips.
#include "bindings.glsl"
#include "hash.glsl"
#include "candidates.glsl"
#include "dots.glsl"
#include "stubble.glsl"

in vec3 vPosition;
in vec2 vUv;

#ifdef HALO
// The map from its level 1 down, blending two levels: the level being drawn is not among them.
layout(binding = TEXTURE_COARSE_LEVELS) uniform sampler2D uCoarseLevels;
layout(binding = TEXTURE_FULL_LEVEL) uniform sampler2D uFullLevel;  // level 0, copied before the pass
uniform float uHaloSigmaMm;  // core/SkinDiffusion.h
uniform float uHaloTail;     // share of the halo in its tail, kHaloTailScale = 4 times wider
#endif

// MARK_ISLANDS: (0, 1) on every covered texel. Otherwise r: pigment, g: the client's
// pigmented hair, a: their grey hair; HALO: b, the pigment's halo (the others are masked).
out vec4 coverage;

#ifdef HALO
// The pigment blurred by a Gaussian of the halo's sigma on the skin. A single bilinear read of
// a mip level 2 sigma wide would blur by about sigma, but the level's texels are boxes fixed on
// the map's grid: a dot's blur then centres on its texel's centre, up to a sigma away from the
// dot, and shows the grid's squares. Instead: 5 x 5 bilinear reads of the level whose texel t
// is between sigma / 2 and sigma on the skin (of a copy of the full-size level where even
// level 1 is coarser), centred on this texel, s apart: their variance plus t^2 / 4 from the
// level's box and tent make sigma^2. Tents about a texel apart sum to a smooth curve: no
// ripple. The reads step along the skin's two principal ways in UV (the UV map stretches and
// shears the skin), at other offsets from the level's grid than the texel's own, so the grid's
// pull on the blur's centre mostly averages out and the halo stays round on the skin (up to a
// 4:1 stretch). uCoarseLevels counts levels from the map's level 1.
// `du` and `dv`: the skin under one texel step along u and along v at full size.
float blurredAt(vec2 uv, vec3 du, vec3 dv, float sigmaMm) {
    // The skin's metric on texel steps: its eigenvalues are the squared lengths of the longest
    // and the shortest texel step on the skin, its eigenvectors their ways.
    float a = dot(du, du), b = dot(du, dv), c = dot(dv, dv);
    float mean = 0.5 * (a + c), spread = sqrt(0.25 * (a - c) * (a - c) + b * b);
    float longest = sqrt(mean + spread), shortest = sqrt(max(mean - spread, 1e-12));
    vec2 shortWay = abs(b) > 1e-12 * mean ? normalize(vec2(b, mean - spread - a)) : (a < c ? vec2(1.0, 0.0) : vec2(0.0, 1.0));
    vec2 longWay = vec2(-shortWay.y, shortWay.x);
    // The level (of the full map) whose texel is between sigma / 2 and sigma along the long way,
    // read bilinearly; the full-size level (a copy) for a halo narrower than level 1's texels.
    float level = floor(max(log2(sigmaMm / longest), 0.0));
    bool full = level < 1.0;
    float texelMm = longest * exp2(level);
    // 5 reads weighted (1 2 3 2 1) have a variance of (4/3) s^2 per axis; s comes out at
    // 0.8-1.7 texels, so the tents overlap.
    float spacingMm = sqrt(max(sigmaMm * sigmaMm - 0.25 * texelMm * texelMm, 0.0) * 0.75);
    vec2 fullSize = 2.0 * vec2(textureSize(uCoarseLevels, 0));
    vec2 stepLong = longWay * (spacingMm / longest) / fullSize;
    // Where the map squeezes the skin hard (a UV pole) the ways turn within a few texels: reads
    // far along the short way would land on other skin, so they go at most 4 times as far.
    vec2 stepShort = shortWay * (spacingMm / longest) * min(longest / shortest, 4.0) / fullSize;
    // No pigment within 8 texels of the level (a bilinear read of the level 3 coarser is 0 only
    // where its four texels are): no halo, and no reads.
    bool pigmentNear = textureLod(uCoarseLevels, uv, level + 2.0).r > 0.0;
    const float weights[5] = float[5](1.0, 2.0, 3.0, 2.0, 1.0);
    // At most one of the two loops runs (software GL runs both sides of a branch, but an empty
    // loop ends at once).
    float sum = 0.0;
    int fullReads = full && pigmentNear ? 5 : 0, coarseReads = !full && pigmentNear ? 5 : 0;
    for (int i = 0; i < fullReads; ++i)
        for (int j = 0; j < 5; ++j)
            sum += weights[i] * weights[j] * textureLod(uFullLevel, uv + float(i - 2) * stepLong + float(j - 2) * stepShort, 0.0).r;
    for (int i = 0; i < coarseReads; ++i)
        for (int j = 0; j < 5; ++j)
            sum += weights[i] * weights[j] *
                   textureLod(uCoarseLevels, uv + float(i - 2) * stepLong + float(j - 2) * stepShort, level - 1.0).r;
    return sum / 81.0;
}

float haloAt(vec2 uv, vec3 du, vec3 dv) {
    float halo = blurredAt(uv, du, dv, uHaloSigmaMm);
    // The tail, kHaloTailScale = 4 times wider.
    return uHaloTail > 0.0 ? mix(halo, blurredAt(uv, du, dv, 4.0 * uHaloSigmaMm), uHaloTail) : halo;
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
