// HairlineField: the hairline mask as a function of the skin point, for one curve and settings.
//
// Signed distance: the 3D distance to the nearest segment of the curve's samples (on the skin,
// within the few cm that matter, 3D and geodesic distance differ by under 0.1 %), positive on
// the crown's side. The side comes from the curve's orientation and the skin's normal at the
// nearest curve point: walking the curve from the right temple to the left with the skin's
// normal up, the crown lies on the left, i.e. along normal x tangent. At a sample where two
// segments meet the tangents are averaged, so the side does not flip in the wedge in front of
// a corner; beyond the temple ends the last segment continues straight (behind and below the
// temporal line is hair, in front of it is face).
//
// Islands ahead of the line (soft style) are placed in the curve's own coordinates, distance
// along it and distance in front of it, so they sit on the skin at the chosen distances.
//
// Symmetry: everything is evaluated on the curve's left half, at the point and at its mirror
// image, taking the nearer; the irregularity is sampled at (|x|, y, z). A point and its mirror
// image therefore get the same value bit for bit.
#pragma once

#include "core/HairlineCurve.h"
#include "core/HairlineMask.h"
#include "core/HairlineNoise.h"

#include <glm/vec3.hpp>

#include <vector>

namespace stipple {

class HairlineField {
public:
    // Copies what it needs from the curve. Throws InputError for invalid settings or a curve
    // without samples (a default-constructed one).
    HairlineField(const HairlineCurve& curve, const HairlineMaskSettings& settings);

    // Signed distance (mm) from `p` to the curve, without irregularity; positive behind the line.
    float signedDistance(const glm::vec3& p) const;
    // The mask at skin point `p`, 0..1.
    float mask(const glm::vec3& p) const;

private:
    struct Nearest {
        float distance2;
        float sign;
        glm::vec3 point;  // on the curve
        float arcMm;      // how far along the left half from the mid-frontal point
    };
    Nearest nearestOnLeft(const glm::vec3& p) const;
    Nearest nearest(const glm::vec3& p) const;
    float islands(float arcMm, float aheadMm) const;

    HairlineMaskSettings settings_;
    std::vector<glm::vec3> points_;    // left half samples, [0] the mid-frontal point
    std::vector<glm::vec3> normals_;
    std::vector<glm::vec3> tangents_;  // per sample: outward, averaged where segments meet
    std::vector<float> arcs_;          // per sample: length along the left half
    // Segments in runs of kRun with a bounding sphere each, to skip most of them per query.
    struct Run {
        glm::vec3 centre;
        float radius;
    };
    std::vector<Run> runs_;
    float templeX_ = 0.0f;  // |x| of the frontotemporal point, 0 when the curve has none
    HairlineNoise macro_, micro_;
};

}  // namespace stipple
