// Coarser index buffers over the same vertices, so far views draw fewer triangles.
//
// On software GL the cost of a frame is mostly per triangle: the default head's 137k triangles
// take longer than the frame budget, while a full-head view at 1280x800 cannot show detail
// below a pixel (about 0.4 mm there). Each level is simplified from the full mesh with
// meshoptimizer, keeping UV seams, so every level samples the same UV textures.
#pragma once

#include "core/HeadMesh.h"

#include <vector>

namespace stipple {

struct DetailLevel {
    std::vector<glm::uvec3> triangles;  // indices into the full mesh's vertices
    float maxErrorMm = 0.0f;            // largest distance from the full surface
};

// Level 0 is the full mesh (error 0); each further level has about half the triangles
// of the one before, down to `minTriangles`. Levels that cannot shrink further are not made.
std::vector<DetailLevel> buildDetailLevels(const HeadMesh& mesh, std::size_t minTriangles = 8000);

// The coarsest level whose error (levelErrorsMm[i], ascending) stays under `allowedErrorMm`.
std::size_t chooseDetailLevel(const std::vector<float>& levelErrorsMm, float allowedErrorMm);

}  // namespace stipple
