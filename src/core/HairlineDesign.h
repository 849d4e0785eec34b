// What defines a hairline, as a project keeps it: the curve's left half (the right is its mirror)
// and the mask settings. The mask itself is a layer and is saved with the others.
#pragma once

#include "core/HairlineMask.h"

#include <glm/vec3.hpp>

#include <vector>

namespace stipple {

struct HairlineDesign {
    std::vector<glm::vec3> leftHalf;  // control points on the skin, mm: the mid-frontal point first
    int frontotemporal = -1;          // index into leftHalf, -1 when none
    HairlineMaskSettings settings;
};

}  // namespace stipple
