// The scalp region and landmarks of a head that came without metadata.
#pragma once

#include "core/HeadMesh.h"

#include <vector>

namespace stipple {

// Guesses the landmarks from the geometry of a head in model space (mm, +Y up, +Z face).
Landmarks estimateLandmarks(const HeadMesh& mesh);

// Per-vertex scalp weights (0..1, soft edge) from the landmarks: the hair-bearing area of a
// shaved head above the brow-to-ear line, leaving out forehead, face, ears and neck.
std::vector<float> estimateScalpRegion(const HeadMesh& mesh, const Landmarks& landmarks);

}  // namespace stipple
