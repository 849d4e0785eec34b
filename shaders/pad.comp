#version 430 core
// Pads UV islands: each texel just outside an island copies the nearest texel inside it, so
// filtering and mipmaps never pull the empty background across a seam.
#include "bindings.glsl"
layout(local_size_x = 128) in;

layout(MAP_FORMAT, binding = IMAGE_PAD_MAP) uniform image2D uPigment;  // rg8, or rgba16 with the halo
layout(std430, binding = BUFFER_PADDING_PAIRS) readonly buffer PaddingPairs { uvec2 pairs[]; };  // (target, source), packed x | y << 16

uniform uint uFirstPair;  // the pairs of a band of rows (they are grouped by the target's row)
uniform uint uPairCount;

ivec2 unpack(uint texel) { return ivec2(texel & 0xffffu, texel >> 16u); }

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= uPairCount) return;
    uvec2 pair = pairs[uFirstPair + i];
    vec4 source = imageLoad(uPigment, unpack(pair.y));
    imageStore(uPigment, unpack(pair.x), source);
}
