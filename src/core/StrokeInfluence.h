// StrokeInfluence: the geometry half of a brush stroke, without the values it paints.
//
// For every layer a brush paints it keeps each texel's per-stroke maximum influence w (Brush.h)
// and the texels the stroke touched. Each batch of new points finds the covered texels whose w
// rises, segment after segment, and reports what they changed: the texels, padding included,
// and the spheres that hold them (StrokeChange). The CPU stroke (BrushStroke) paints a texel the
// moment its w rises; the GPU stroke (GpuBrushStroke) paints on the GPU and uses the same answer
// to size its dispatches, to report exactly the change the CPU stroke reports and to build the
// same undo step. The distances are cheap next to what a stroke then costs (re-scatter, re-bake,
// and for smoothing the means); keeping them in one place is what stops the twins drifting apart.
#pragma once

#include "core/Brush.h"
#include "core/LayerEdit.h"
#include "core/Layers.h"
#include "core/Segment.h"

#include <glm/vec3.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

namespace stipple {

class StrokeInfluence {
public:
    // A layer the stroke paints, and how: the eraser sets every layer towards its default.
    struct Target {
        LayerKind kind;
        BrushMode mode;
        float value;
        const SurfaceAtlas* atlas;
        std::vector<float> influence;        // per texel: the stroke's largest w so far (0 = untouched)
        std::vector<std::uint32_t> touched;  // covered texels, in the order their w first rose
    };

    // The targets of `settings.tool` on `layers`, which must outlive the stroke. Throws InputError
    // for a radius that is not positive or a strength or hardness outside 0..1.
    StrokeInfluence(const LayerSet& layers, const BrushSettings& settings);

    const BrushSettings& settings() const { return settings_; }
    const std::vector<Target>& targets() const { return targets_; }

    // The polyline of the segments `pointsMm` add: from the last point so far through them (a
    // first point is a segment of length 0); empty when there are no points. Throws
    // std::logic_error once the stroke is finished.
    std::vector<glm::vec3> newPath(const std::vector<glm::vec3>& pointsMm) const;

    // Extends the stroke to the next point(s). For every covered texel whose w rises, calls
    // rise(target, texel, w, firstTouch) (target: index into targets()) the moment it rises, each
    // segment's mirror image right after the segment. Returns what these points changed.
    template <class Rise>
    StrokeChange addPoints(const std::vector<glm::vec3>& pointsMm, Rise&& rise);
    // Everything the stroke changed so far.
    const StrokeChange& change() const { return total_; }

    // Ends the stroke: the undo step holding the 64x64 tiles it touched (null when none).
    // `before[k]` holds the whole layer of targets()[k] as it was when the stroke began, and
    // `layers` holds the layers after it. Frees the per-texel state; takes no more points.
    std::unique_ptr<LayerEdit> finish(LayerSet& layers, const std::vector<std::vector<float>>& before);
    bool finished() const { return finished_; }

private:
    template <class Rise>
    void reachSegment(const glm::vec3& a, const glm::vec3& b, StrokeChange& change, float& footprintMm, Rise& rise);
    // The spheres of a batch that changed something, and the stroke's total so far.
    void recordReach(const std::vector<glm::vec3>& path, float footprintMm, StrokeChange& change);

    BrushSettings settings_;
    std::vector<Target> targets_;
    std::vector<glm::vec3> points_;
    StrokeChange total_;
    float reachMarginMm_ = 0.0f;  // radius plus three texel footprints, the largest met so far
    bool finished_ = false;
};

template <class Rise>
StrokeChange StrokeInfluence::addPoints(const std::vector<glm::vec3>& pointsMm, Rise&& rise) {
    const std::vector<glm::vec3> path = newPath(pointsMm);
    StrokeChange change;
    if (path.empty()) return change;
    points_.insert(points_.end(), pointsMm.begin(), pointsMm.end());
    float footprintMm = 0.0f;
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
        reachSegment(path[k], path[k + 1], change, footprintMm, rise);
        if (settings_.symmetry) reachSegment(mirrorX(path[k]), mirrorX(path[k + 1]), change, footprintMm, rise);
    }
    recordReach(path, footprintMm, change);
    return change;
}

template <class Rise>
void StrokeInfluence::reachSegment(const glm::vec3& a, const glm::vec3& b, StrokeChange& change, float& footprintMm, Rise& rise) {
    for (std::size_t k = 0; k < targets_.size(); ++k) {
        Target& target = targets_[k];
        const SurfaceAtlas& atlas = *target.atlas;
        TexelRect& rect = change.texels[std::size_t(target.kind)];
        const int width = atlas.width();
        atlas.forEachTexelNear(a, b, settings_.radiusMm, [&](std::size_t texel, float distance2) {
            const float w = settings_.strength * brushFalloff(std::sqrt(distance2), settings_.radiusMm, settings_.hardness);
            if (!(w > target.influence[texel])) return;
            const bool firstTouch = target.influence[texel] == 0.0f;
            if (firstTouch) target.touched.push_back(std::uint32_t(texel));
            target.influence[texel] = w;
            rise(k, texel, w, firstTouch);
            rect.include(int(texel % std::size_t(width)), int(texel / std::size_t(width)));
            for (const std::uint32_t* pad = atlas.padsBegin(texel); pad != atlas.padsEnd(texel); ++pad)
                rect.include(int(*pad % std::uint32_t(width)), int(*pad / std::uint32_t(width)));
            footprintMm = std::max(footprintMm, atlas.footprintMm(texel));
        });
    }
}

}  // namespace stipple
