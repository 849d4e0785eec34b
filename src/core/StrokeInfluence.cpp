#include "core/StrokeInfluence.h"

#include "core/Error.h"

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <set>
#include <stdexcept>
#include <string>
#include <utility>

namespace stipple {

namespace {

// The sphere around a polyline's points grown by `margin`: centre of their bounding box.
SurfaceSphere sphereAround(const std::vector<glm::vec3>& points, float margin) {
    glm::vec3 lo = points.front(), hi = points.front();
    for (const glm::vec3& p : points) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    SurfaceSphere sphere{0.5f * (lo + hi), 0.0f};
    for (const glm::vec3& p : points) sphere.radiusMm = std::max(sphere.radiusMm, glm::length(p - sphere.centreMm));
    sphere.radiusMm += margin;
    return sphere;
}

std::vector<glm::vec3> mirrored(const std::vector<glm::vec3>& points) {
    std::vector<glm::vec3> result;
    for (const glm::vec3& p : points) result.push_back(mirrorX(p));
    return result;
}

}  // namespace

StrokeInfluence::StrokeInfluence(const LayerSet& layers, const BrushSettings& settings) : settings_(settings) {
    validateBrush(settings);
    auto addTarget = [&](LayerKind kind, BrushMode mode, float value) {
        const SurfaceAtlas& atlas = layers.atlas(kind);
        targets_.push_back(Target{kind, mode, value, &atlas, std::vector<float>(atlas.texelCount(), 0.0f), {}});
    };
    switch (settings.tool) {
        case BrushTool::Density: addTarget(LayerKind::Density, settings.mode, settings.value); break;
        case BrushTool::Hairline: addTarget(LayerKind::Hairline, settings.mode, settings.value); break;
        case BrushTool::Shading: addTarget(LayerKind::Shading, settings.mode, settings.value); break;
        case BrushTool::Scar: addTarget(LayerKind::Scar, settings.mode, settings.value); break;
        case BrushTool::NativeHair: addTarget(LayerKind::NativeHair, settings.mode, settings.value); break;
        case BrushTool::Eraser:  // the design's layers: the client's own hair is not the design's to erase
            for (LayerKind kind : kLayerKinds)
                if (kind != LayerKind::NativeHair) addTarget(kind, BrushMode::Set, layerSpec(kind).defaultValue);
            break;
    }
}

std::vector<glm::vec3> StrokeInfluence::newPath(const std::vector<glm::vec3>& pointsMm) const {
    if (finished_) throw std::logic_error("a finished brush stroke takes no more points");
    std::vector<glm::vec3> path;
    if (pointsMm.empty()) return path;
    path.push_back(points_.empty() ? pointsMm.front() : points_.back());
    path.insert(path.end(), pointsMm.begin(), pointsMm.end());
    return path;
}

void StrokeInfluence::recordReach(const std::vector<glm::vec3>& path, float footprintMm, StrokeChange& change) {
    if (change.empty()) return;
    const float margin = settings_.radiusMm + 3.0f * footprintMm;
    change.reach.push_back(sphereAround(path, margin));
    if (settings_.symmetry) change.reach.push_back(sphereAround(mirrored(path), margin));

    // The whole stroke: its points' spheres, with the largest margin met so far.
    reachMarginMm_ = std::max(reachMarginMm_, margin);
    total_.reach.clear();
    total_.reach.push_back(sphereAround(points_, reachMarginMm_));
    if (settings_.symmetry) total_.reach.push_back(sphereAround(mirrored(points_), reachMarginMm_));
    for (std::size_t k = 0; k < change.texels.size(); ++k) total_.texels[k].include(change.texels[k]);
}

std::unique_ptr<LayerEdit> StrokeInfluence::finish(LayerSet& layers, const std::vector<std::vector<float>>& before) {
    finished_ = true;
    auto edit = std::make_unique<LayerEdit>(std::string(brushToolName(settings_.tool)) + " stroke");
    for (std::size_t k = 0; k < targets_.size(); ++k) {
        Target& target = targets_[k];
        const SurfaceAtlas& atlas = *target.atlas;
        const auto width = std::uint32_t(atlas.width());
        std::set<std::pair<int, int>> tiles;  // (row, column): tiles in memory order
        auto mark = [&](std::uint32_t texel) { tiles.emplace(int(texel / width) / kUndoTileSize, int(texel % width) / kUndoTileSize); };
        for (std::uint32_t texel : target.touched) {
            mark(texel);
            for (const std::uint32_t* pad = atlas.padsBegin(texel); pad != atlas.padsEnd(texel); ++pad) mark(*pad);
        }
        for (const auto& [row, column] : tiles) edit->addTile(layers.layer(target.kind), column, row, before[k]);
        target.influence = std::vector<float>();  // free the buffers
        target.touched = std::vector<std::uint32_t>();
    }
    if (edit->tileCount() == 0) return nullptr;
    return edit;
}

}  // namespace stipple
