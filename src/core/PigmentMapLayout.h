// What a pigment map's UV layout on a head makes of it, worked out on the CPU once: how large
// its texels are on the scalp, and which texel fills each texel just outside a UV island, so
// that filtering across an island's edge shows no seam. gpu/PigmentBake uploads and uses both.
#pragma once

#include "core/HeadMesh.h"

#include <glm/vec2.hpp>

#include <cstdint>
#include <vector>

namespace stipple {

// Texel sizes on the scalp of a `size` x `size` map, in mm: 3D length per UV length of each
// scalp triangle. The UV map stretches (1.4-4.8 times the finest on the default head's scalp).
struct ScalpTexelSizes {
    float finestMm = 0.0f;
    float medianMm = 0.0f;  // by area: one size for what is blurred over a stretch of skin
    float coarsestMm = 0.0f;
};
ScalpTexelSizes scalpTexelSizes(const HeadMesh& mesh, int size);

// Each texel within `paddingTexels` steps (4-connected) of an island and outside it, paired
// with the island texel nearest to it (its Manhattan distance is the target's step count).
// Texels are packed x | y << 16. The pairs are grouped by the target's row: those of row y are
// pairs[rowStart[y] .. rowStart[y + 1]), so a local change pads only its rows.
struct PaddingPairs {
    std::vector<glm::uvec2> pairs;       // (target, source)
    std::vector<std::uint32_t> rowStart;  // size + 1 entries
};
// `covered`: size x size texels, row by row, non-zero inside an island.
PaddingPairs paddingPairs(const std::vector<std::uint8_t>& covered, int size, int paddingTexels);

}  // namespace stipple
