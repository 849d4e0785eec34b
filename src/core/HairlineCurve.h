// HairlineCurve: the designed hairline, an open curve on the skin from the subject's right
// temple over the front to the left temple, mirror-symmetric across the mid-sagittal plane.
//
// Only the left half is stored: control point 0 is the mid-frontal point, held on the midline
// (x = 0 exactly), and the others run out to the left temple (+X). The right half is its mirror
// image (x -> -x), so editing a point on either side moves both, and the curve is symmetric bit
// for bit. The smooth curve is a centripetal Catmull-Rom spline through the full row of control
// points (the mirrored half included, so the midline is smooth), cut into ~1 mm steps and put
// back on the skin along the local normal; the right half of the samples is the mirror of the
// left half's.
#pragma once

#include "core/SurfaceProjector.h"

#include <glm/vec3.hpp>

#include <cstddef>
#include <vector>

namespace stipple {

class HairlineCurve {
public:
    static constexpr float kSampleSpacingMm = 1.0f;

    HairlineCurve() = default;
    // leftHalf[0] is the mid-frontal point (moved onto x = 0); the others run outwards to the
    // left temple, and a point given on the right side (x < 0) stands for its mirror image.
    // `frontotemporal` names the control point (index into leftHalf) that is the frontotemporal
    // point, for the readouts and the mature style; -1 when none is. Throws InputError for fewer
    // than two points.
    HairlineCurve(const SurfaceProjector& projector, const std::vector<glm::vec3>& leftHalf, int frontotemporal = -1);

    // The left half: [0] the mid-frontal point, then outwards.
    const std::vector<SkinPoint>& leftHalf() const { return half_; }
    const SkinPoint& midFrontal() const { return half_.front(); }
    // Index into leftHalf(), or -1.
    int frontotemporalIndex() const { return frontotemporal_; }

    // Every control point, right temple (-X) to left temple (+X); the mid-frontal point is
    // controlCount() / 2. Right-side points are mirror images (their triangle is the one found
    // under the mirrored position).
    std::size_t controlCount() const { return half_.empty() ? 0 : 2 * half_.size() - 1; }
    SkinPoint control(std::size_t index) const;

    // Moves control point `index` (as numbered by control()) to the skin near `target`; its
    // mirror image follows. The mid-frontal point stays on the midline. Resamples the curve.
    void movePoint(const SurfaceProjector& projector, std::size_t index, const glm::vec3& target);

    // The smooth curve on the skin: ~1 mm steps from the mid-frontal point out to the left
    // temple ([0] is the mid-frontal point), and the whole curve right to left, whose right half
    // is the exact mirror of the left.
    const std::vector<SkinPoint>& leftSamples() const { return leftSamples_; }
    std::vector<SkinPoint> samples() const;
    // Length of the whole curve along its samples.
    float lengthMm() const;

private:
    SkinPoint place(const SurfaceProjector& projector, const glm::vec3& target, bool midline) const;
    void resample(const SurfaceProjector& projector);

    std::vector<SkinPoint> half_;
    int frontotemporal_ = -1;
    std::vector<SkinPoint> leftSamples_;
    std::vector<std::uint32_t> mirroredTriangles_;  // triangle under each mirrored control point
};

}  // namespace stipple
