#version 430 core
// The scatter's density over a rectangle of texels: the density layer times the hairline mask,
// as designDensity() (src/core/Layers.cpp) composes it where both layers have the same size. A
// stroke painted on the GPU updates the density here, so the CPU neither recomposes nor uploads
// the map for each dab. One multiply, correctly rounded on every GL: the CPU's float exactly.
#include "bindings.glsl"
layout(local_size_x = 8, local_size_y = 8) in;

layout(r32f, binding = IMAGE_COMPOSE_DENSITY_LAYER) readonly uniform image2D uDensityLayer;
layout(r32f, binding = IMAGE_COMPOSE_HAIRLINE_LAYER) readonly uniform image2D uHairlineLayer;
layout(r32f, binding = IMAGE_COMPOSE_DENSITY) writeonly uniform image2D uDensity;

uniform ivec2 uOrigin;  // the rectangle's first texel
uniform ivec2 uSize;

void main() {
    ivec2 offset = ivec2(gl_GlobalInvocationID.xy);
    if (any(greaterThanEqual(offset, uSize))) return;
    ivec2 texel = uOrigin + offset;
    precise float density = imageLoad(uDensityLayer, texel).r * imageLoad(uHairlineLayer, texel).r;
    imageStore(uDensity, texel, vec4(density));
}
