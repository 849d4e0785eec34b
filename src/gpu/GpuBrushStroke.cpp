#include "gpu/GpuBrushStroke.h"

#include "core/Segment.h"

namespace stipple {

GpuBrushStroke::GpuBrushStroke(PaintPass& pass, const BrushSettings& settings) : pass_(pass), influence_(pass.layers(), settings) {
    for (const StrokeInfluence::Target& target : influence_.targets()) pass_.begin(target.kind);
}

StrokeChange GpuBrushStroke::addPoint(const glm::vec3& pointMm) { return addPoints({pointMm}); }

StrokeChange GpuBrushStroke::addPoints(const std::vector<glm::vec3>& pointsMm) {
    const std::vector<glm::vec3> path = influence_.newPath(pointsMm);
    // The CPU finds what changes; the GPU paints it.
    StrokeChange change = influence_.addPoints(pointsMm, [](std::size_t, std::size_t, float, bool) {});
    if (change.empty()) return change;
    const bool symmetry = influence_.settings().symmetry;
    std::vector<glm::vec3> segmentEnds;
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
        segmentEnds.insert(segmentEnds.end(), {path[k], path[k + 1]});
        if (symmetry) segmentEnds.insert(segmentEnds.end(), {mirrorX(path[k]), mirrorX(path[k + 1])});
    }
    for (const StrokeInfluence::Target& target : influence_.targets())
        pass_.paint(target, influence_.settings(), segmentEnds, change.texels[std::size_t(target.kind)]);
    return change;
}

std::unique_ptr<LayerEdit> GpuBrushStroke::finish() {
    if (influence_.finished()) return nullptr;
    LayerSet& layers = pass_.layers();
    std::vector<std::vector<float>> before;
    for (const StrokeInfluence::Target& target : influence_.targets()) {
        before.push_back(layers.layer(target.kind).texels());
        pass_.textures().read(layers, target.kind, influence_.change().texels[std::size_t(target.kind)]);
    }
    return influence_.finish(layers, before);
}

}  // namespace stipple
