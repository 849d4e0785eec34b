#version 430 core
// The GPU paint pass: one thread per texel of a layer's changed rectangle. The CPU twin is
// BrushStroke (src/core/Brush.cpp) with StrokeInfluence (src/core/StrokeInfluence.h); the tests
// compare the two on random strokes. A thread takes the batch's segments (their mirror images
// included) at once: the largest influence w among them, kept if it beats the stroke's largest so
// far, and the texel's value recomputed from the layer before the stroke, which is what the CPU
// reaches segment by segment. A padded texel reads its source texel's value and point, so it
// ends up holding exactly its source's value, as the CPU copies it.
#include "bindings.glsl"
#include "brush.glsl"

layout(local_size_x = 8, local_size_y = 8) in;

const uint kNone = 0xffffffffu;  // SurfaceAtlas::kNone: no point on the skin
const int kSet = 0, kAdd = 1, kSubtract = 2, kSmooth = 3;  // BrushMode

layout(r32f, binding = IMAGE_PAINT_LAYER) writeonly uniform image2D uLayer;
layout(r32f, binding = IMAGE_PAINT_INFLUENCE) uniform image2D uInfluence;         // the stroke's largest w per texel
layout(r32f, binding = IMAGE_PAINT_MEAN) uniform image2D uMean;              // smooth: the mean around each touched texel
layout(r32f, binding = IMAGE_PAINT_BEFORE) readonly uniform image2D uBefore;   // the layer when the stroke began

// The layer's SurfaceAtlas: each texel's point on the skin and the texel it copies.
struct AtlasTexel {
    vec3 positionMm;
    uint source;
};
// One entry of the atlas's grid: a covered texel and its point.
struct CellEntry {
    vec3 positionMm;
    uint texel;
};
layout(std430, binding = BUFFER_PAINT_ATLAS) readonly buffer Atlas { AtlasTexel atlas[]; };
layout(std430, binding = BUFFER_PAINT_SEGMENTS) readonly buffer Segments { vec4 segmentEnds[]; };  // xyz: a, b of each segment in turn
layout(std430, binding = BUFFER_PAINT_CELL_START) readonly buffer CellStart { uint cellStart[]; };
layout(std430, binding = BUFFER_PAINT_CELL_ENTRIES) readonly buffer CellEntries { CellEntry cellEntries[]; };

uniform ivec2 uOrigin;  // the rectangle's first texel
uniform ivec2 uSize;
uniform int uLayerWidth;
uniform uint uSegmentCount;
uniform float uRadiusMm;
uniform float uRadius2;  // uRadiusMm squared, as the CPU rounds it
uniform float uStrength;
uniform float uHardness;
uniform int uMode;
uniform float uValue;
uniform float uMinValue;
uniform float uMaxValue;
// Smoothing: the atlas's grid and the radius of the mean.
uniform vec3 uGridOriginMm;
uniform float uCellSizeMm;
uniform ivec3 uGridCells;
uniform float uSmoothRadiusMm;
uniform float uSmoothRadius2;
uniform float uCellReach2;  // (radius + 0.8661 cell size) squared: cells farther hold no texel in reach

ivec2 texelAt(uint index) { return ivec2(index % uint(uLayerWidth), index / uint(uLayerWidth)); }

// The mean of the layer before the stroke over the covered texels within uSmoothRadiusMm of p:
// SurfaceAtlas::forEachTexelNear(p, p, ...) as BrushStroke::smoothedMean calls it, the same
// texels in the same order (cells by z, y, x), summed in double as the CPU does.
float smoothedMean(vec3 p, float fallback) {
    precise vec3 lo = (p - uSmoothRadiusMm - uGridOriginMm) / uCellSizeMm;
    precise vec3 hi = (p + uSmoothRadiusMm - uGridOriginMm) / uCellSizeMm;
    vec3 top = vec3(uGridCells - 1);
    ivec3 c0 = ivec3(clamp(floor(lo), vec3(0.0), top));
    ivec3 c1 = ivec3(clamp(floor(hi), vec3(-1.0), top));
    double sum = 0.0LF;
    uint count = 0u;
    for (int z = c0.z; z <= c1.z; ++z)
        for (int y = c0.y; y <= c1.y; ++y)
            for (int x = c0.x; x <= c1.x; ++x) {
                int cell = (z * uGridCells.y + y) * uGridCells.x + x;
                uint begin = cellStart[cell], end = cellStart[cell + 1];
                if (begin == end) continue;
                precise vec3 centre = uGridOriginMm + (vec3(x, y, z) + 0.5) * uCellSizeMm;
                if (squaredDistanceToSegment(centre, p, p) > uCellReach2) continue;
                for (uint e = begin; e < end; ++e) {
                    CellEntry entry = cellEntries[e];
                    if (squaredDistanceToSegment(entry.positionMm, p, p) < uSmoothRadius2) {
                        sum += double(imageLoad(uBefore, texelAt(entry.texel)).r);
                        ++count;
                    }
                }
            }
    return count > 0u ? float(sum / double(count)) : fallback;
}

void main() {
    ivec2 offset = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(offset, uSize))) return;
    ivec2 texel = uOrigin + offset;
    AtlasTexel here = atlas[texel.y * uLayerWidth + texel.x];
    if (here.source == kNone) return;

    // Only segments within the radius count, as the CPU's grid query visits only those.
    float w = 0.0;
    for (uint s = 0u; s < uSegmentCount; ++s) {
        float d2 = squaredDistanceToSegment(here.positionMm, segmentEnds[2u * s].xyz, segmentEnds[2u * s + 1u].xyz);
        if (d2 < uRadius2) {
            precise float segmentW = uStrength * brushFalloff(sqrt(d2), uRadiusMm, uHardness);
            w = max(w, segmentW);
        }
    }
    float influence = imageLoad(uInfluence, texel).r;
    if (!(w > influence)) return;
    imageStore(uInfluence, texel, vec4(w));

    float before = imageLoad(uBefore, texelAt(here.source)).r;
    float mean = 0.0;
    if (uMode == kSmooth) {
        // Computed once, when the stroke first touches the texel: `before` never changes.
        if (influence == 0.0) {
            mean = smoothedMean(here.positionMm, before);
            imageStore(uMean, texel, vec4(mean));
        } else {
            mean = imageLoad(uMean, texel).r;
        }
    }
    precise float value = before;
    if (uMode == kSet) value = (1.0 - w) * before + w * uValue;
    else if (uMode == kAdd) value = before + w * uValue;
    else if (uMode == kSubtract) value = before - w * uValue;
    else value = (1.0 - w) * before + w * mean;
    imageStore(uLayer, texel, vec4(clamp(value, uMinValue, uMaxValue)));
}
