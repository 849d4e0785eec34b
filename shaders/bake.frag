#version 430 core
// One texel of the dot map: coverage of the dots around the texel's point on the skin.
// Compiled twice (gpu/PigmentBake.cpp): MARK_ISLANDS only marks which texels the UV islands
// cover, once, for the padding; the bake itself writes the coverage.
#include "hash.glsl"
#include "candidates.glsl"
#include "dots.glsl"

in vec3 vPosition;

// MARK_ISLANDS: (0, 1) on every covered texel. Otherwise r: pigment, g: stubble coverage.
out vec2 coverage;

void main() {
#ifdef MARK_ISLANDS
    coverage = vec2(0.0, 1.0);
#else
    // The texel's size on the skin, so each dot is filtered to what one texel can hold.
    float texelMm = max(length(dFdx(vPosition)), length(dFdy(vPosition)));
    coverage = dotCoverage(vPosition, texelMm, true);
#endif
}
