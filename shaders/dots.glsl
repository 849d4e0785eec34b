// Pigment coverage at a point on the skin from the dots around it, measured in 3D so that a dot
// is round on the skin and never cut by a UV seam. The candidate grid (src/core/CandidateGrid.h)
// lists, per hashed 1 mm cell, every candidate whose largest possible dot reaches into it.
// Needs hash.glsl and candidates.glsl first.
#include "bindings.glsl"

layout(std430, binding = BUFFER_DOT_STATES) readonly buffer DotStatesRead { GpuDotState dotStates[]; };
layout(std430, binding = BUFFER_GRID_BUCKETS) readonly buffer GridBuckets { uint bucketStart[]; };
layout(std430, binding = BUFFER_GRID_ENTRIES) readonly buffer GridEntries { uint gridEntries[]; };

uniform float uGridCellMm;
uniform uint uGridBucketMask;

uint bucketOf(vec3 positionMm) {
    ivec3 cell = ivec3(floor(positionMm / uGridCellMm));
    return lowbias32(uint(cell.x) ^ lowbias32(uint(cell.y) ^ lowbias32(uint(cell.z)))) & uGridBucketMask;
}

// A dot's edge is soft: pigment spreads a little in the dermis. The profile falls from full to
// none over the outer 30 % of the radius, widened to the pixel's footprint so it never aliases.
float dotProfile(float distanceMm, float radiusMm, float footprintMm) {
    float softness = max(0.3 * radiusMm, footprintMm);
    return 1.0 - smoothstep(radiusMm - 0.5 * softness, radiusMm + 0.5 * softness, distanceMm);
}

// Opacity of pigment at `positionMm`, 0..1; overlapping dots combine like layers of ink (the
// client's hair is stubble.glsl's). With `wanted` false it returns 0 at no cost:
// software GL runs both sides of a branch for a block of pixels, but a loop whose range is
// empty for all of them ends at once.
float dotCoverage(vec3 positionMm, float footprintMm, bool wanted) {
    uint begin = 0u, end = 0u;
    if (wanted) {
        uint bucket = bucketOf(positionMm);
        begin = bucketStart[bucket];
        end = bucketStart[bucket + 1u];
    }
    float clear = 1.0;
    for (uint k = begin; k < end; ++k) {
        uint id = gridEntries[k];
        GpuDotState dot = dotStates[id];
        if (dot.kind != kDotImpression) continue;
        float d = distance(positionMm, candidates[id].position.xyz);
        clear *= 1.0 - dot.shade * dotProfile(d, 0.5 * dot.diameterMm, footprintMm);
    }
    return 1.0 - clear;
}
