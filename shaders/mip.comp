#version 430 core
// One mip level of the pigment map from the level above it, over a rectangle only: a brush
// dab re-filters the texels it touched instead of the whole map.
#include "bindings.glsl"
layout(local_size_x = 8, local_size_y = 8) in;

// MAP_FORMAT: rg8, or rgba16 with the halo (gpu/PigmentBake.cpp).
layout(MAP_FORMAT, binding = IMAGE_MIP_FINER) readonly uniform image2D uFiner;
layout(MAP_FORMAT, binding = IMAGE_MIP_COARSER) writeonly uniform image2D uCoarser;

uniform ivec2 uOrigin;  // first texel of the rectangle in the coarser level
uniform ivec2 uSize;    // its size

void main() {
    ivec2 offset = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(offset, uSize))) return;
    ivec2 texel = uOrigin + offset;
    ivec2 finer = 2 * texel;
    vec4 sum = imageLoad(uFiner, finer) + imageLoad(uFiner, finer + ivec2(1, 0)) +
               imageLoad(uFiner, finer + ivec2(0, 1)) + imageLoad(uFiner, finer + ivec2(1, 1));
    imageStore(uCoarser, texel, 0.25 * sum);
}
