// The client's shaved hair at a point of the skin (core/NativeHair.h, whose StubbleCoverage is
// the CPU twin: keep the two in step). Each follicular unit grows 1-3 hairs. A hair is a shaft
// from its exit point: under the skin it runs back at 30 degrees, fading with depth; above it,
// the stubble leans along the growth direction for the cut length. Seen from above both are one
// line along the skin, drawn as a capsule filtered to the pixel's footprint.
// Needs hash.glsl, candidates.glsl and dots.glsl (the candidate grid) first.

uniform float uStubbleLengthMm;  // cut this far above the skin
uniform float uGreyHairShare;    // 0..1
uniform vec3 uHairWhorlMm;       // the hair grows away from it
uniform bool uHasHair;           // false: no follicle anywhere, skip the search

// core/NativeHair.h's kGreyHairSrgb (0.80, 0.79, 0.76), linear: unpigmented hair above the skin.
const vec3 kGreyHairLinear = vec3(0.604, 0.587, 0.538);
const float kHairExitTan = 0.57735027;  // 30 degrees to the skin
const float kHairExitCos = 0.86602540;
const float kHairEpidermisMm = 0.1;
const float kHairFadeMm = 0.13;
const float kHairUnderSkinMm = 1.0;
// The search walks the grid along the growth line in steps shorter than a cell, so every unit
// whose hairs can reach the point lies within a dot's reach (0.3 mm) of one step's point.
const float kStubbleStepMm = 0.4;
const float kStubbleMarginMm = 0.1;

vec3 hairGrowthDirection(vec3 positionMm, vec3 normal) {
    vec3 away = positionMm - uHairWhorlMm;
    vec3 along = away - normal * dot(away, normal);
    // At the whorl itself any direction along the skin will do.
    if (length(along) < 1e-4) along = cross(normal, vec3(1.0, 0.0, 0.0));
    return normalize(along);
}

// A shaft `halfWidthMm` wide at `distanceMm` from its axis; a pixel wider than the shaft sees
// it spread over the pixel, fainter, with the same area.
float shaftProfile(float distanceMm, float halfWidthMm, float footprintMm) {
    float reach = max(halfWidthMm, 0.5 * footprintMm);
    float softness = max(0.6 * halfWidthMm, footprintMm);
    return halfWidthMm / reach * (1.0 - smoothstep(reach - 0.5 * softness, reach + 0.5 * softness, distanceMm));
}

// How much of the hair beneath the skin shows at `alongMm` behind the exit point.
float underSkinShows(float alongMm) {
    return exp(-max(alongMm * kHairExitTan - kHairEpidermisMm, 0.0) / kHairFadeMm);
}

uint hairsInUnit(uint seed) {
    float u = hashToUnitFloat(lowbias32(seed ^ 0x68a1u));
    return u < 0.2 ? 1u : (u < 0.6 ? 2u : 3u);  // 2.2 hairs a unit on average (smp-facts)
}

// Pigmented hair (x) and grey hair (y) covering `positionMm`, 0..1 each. `normal`: the skin's
// there. With `wanted` false it returns 0 at no cost (see dotCoverage()).
vec2 stubbleCoverage(vec3 positionMm, vec3 normal, float footprintMm, bool wanted) {
    vec3 growth = hairGrowthDirection(positionMm, normal);
    float aboveMm = uStubbleLengthMm * kHairExitCos;
    float low = -(kHairUnderSkinMm + kStubbleMarginMm);
    int steps = (wanted && uHasHair) ? int(ceil((aboveMm + kStubbleMarginMm - low) / kStubbleStepMm)) : 0;
    vec2 clear = vec2(1.0);
    for (int step = 0; step < steps; ++step) {
        uint bucket = bucketOf(positionMm - growth * (low + (float(step) + 0.5) * kStubbleStepMm));
        for (uint k = bucketStart[bucket]; k < bucketStart[bucket + 1u]; ++k) {
            uint id = gridEntries[k];
            GpuDotState unit = dotStates[id];
            if (unit.kind != kDotFollicle) continue;
            vec3 exitMm = candidates[id].position.xyz;
            // Each unit once: at the step whose stretch of the line holds it.
            if (int(floor((dot(positionMm - exitMm, growth) - low) / kStubbleStepMm)) != step) continue;
            vec3 unitNormal = candidates[id].normal.xyz;
            vec3 unitGrowth = hairGrowthDirection(exitMm, unitNormal);
            vec3 side = cross(unitNormal, unitGrowth);
            uint hairs = hairsInUnit(unit.seed);
            for (uint i = 0u; i < hairs; ++i) {
                uint h = lowbias32(unit.seed ^ (0x9e3779b9u * (i + 1u)));
                vec3 direction = normalize(unitGrowth + side * (0.08 * (hashToUnitFloat(h) - 0.5)));
                vec3 start = exitMm + side * (0.05 * (float(i) - 0.5 * float(hairs - 1u)));
                float halfWidth = 0.5 * unit.diameterMm * (0.85 + 0.3 * hashToUnitFloat(lowbias32(h ^ 0x5bd1e995u)));
                bool grey = hashToUnitFloat(lowbias32(h ^ 0x27d4eb2fu)) < uGreyHairShare;
                float along = clamp(dot(positionMm - start, direction), -kHairUnderSkinMm, aboveMm);
                float profile = unit.shade * shaftProfile(distance(positionMm, start + direction * along), halfWidth, footprintMm);
                bool underSkin = along < -halfWidth;
                if (grey) clear.y *= 1.0 - (underSkin ? 0.0 : profile);
                else clear.x *= 1.0 - profile * (underSkin ? underSkinShows(-along) : 1.0);
            }
        }
    }
    return 1.0 - clear;
}

// Most of a hair lies deeper than the shafts drawn above: in its follicle, down to the bulb.
// Far too blurred to show as a line, it still absorbs light that the skin would send back: the
// grey shadow of a shaved scalp. The skin-optics reference measures it for 80 units per cm^2
// (176 hairs of 0.08 mm, 0.1-2 mm deep, absorbing 80 % across, skin type III: `stipple optics
// --skin 3 --diameter 0.08 --depth 2 --column 1.9 --opacity 0.8 --density 176`): the skin's
// reflectance drops by 30 % (R), 17 % (G) and 14 % (B). Less the 6 % the drawn shafts already
// cover there, it darkens the skin, scaled to the local density (as layers that multiply), by
// how much darker the hair is than the skin, and by the share of pigmented hairs.
const vec3 kFollicleShadowAt80 = vec3(0.297, 0.167, 0.137) - 0.06;

vec3 follicleShadow(float unitsPerCm2, vec3 skinAlbedo, vec3 hairAlbedo) {
    vec3 shadow = 1.0 - pow(1.0 - kFollicleShadowAt80, vec3(unitsPerCm2 / 80.0));
    vec3 darker = clamp(1.0 - hairAlbedo / max(skinAlbedo, vec3(1e-3)), 0.0, 1.0);
    return shadow * darker * (1.0 - uGreyHairShare);
}
