#version 430 core
// One texel of the pigment map: coverage of the dots around the texel's point on the skin.
#include "hash.glsl"
#include "candidates.glsl"
#include "dots.glsl"

in vec3 vPosition;

// r: pigment coverage; g: 1 where a triangle covers the texel (the padding pass fills the rest).
out vec2 pigment;

void main() {
    // The texel's size on the skin, so each dot is filtered to what one texel can hold.
    float texelMm = max(length(dFdx(vPosition)), length(dFdy(vPosition)));
    pigment = vec2(pigmentCoverage(vPosition, texelMm, true), 1.0);
}
