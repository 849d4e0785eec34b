#include "core/Brush.h"

#include "core/Error.h"
#include "core/NativeHair.h"
#include "core/Segment.h"

#include <glm/common.hpp>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

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

BrushSettings defaultBrush(BrushTool tool) {
    BrushSettings brush;
    brush.tool = tool;
    switch (tool) {
        case BrushTool::Density: break;  // set 80 per cm^2 in a 15 mm radius
        case BrushTool::Hairline:
            brush.mode = BrushMode::Add;
            brush.value = 1.0f;
            brush.radiusMm = 8.0f;  // the soft edge of a hairline is 5-10 mm
            brush.symmetry = true;
            break;
        case BrushTool::Shading:
            brush.mode = BrushMode::Add;
            brush.value = 0.5f;
            brush.hardness = 0.0f;
            break;
        case BrushTool::Scar: return scarLineBrush();
        case BrushTool::Eraser: brush.value = 0.0f; break;
        case BrushTool::NativeHair:
            brush.value = kDefaultNativeHairPerCm2;
            brush.radiusMm = 20.0f;
            break;
    }
    return brush;
}

BrushSettings scarLineBrush(float widthMm) {
    BrushSettings brush;
    brush.tool = BrushTool::Scar;
    brush.mode = BrushMode::Set;
    brush.value = 1.0f;
    brush.radiusMm = 0.5f * widthMm;
    brush.hardness = 0.6f;  // scar tissue has a defined edge, softened by a fraction of a mm
    return brush;
}

BrushSettings dotScarBrush(float diameterMm) { return scarLineBrush(diameterMm); }

float brushFalloff(float distanceMm, float radiusMm, float hardness) {
    const float inner = hardness * radiusMm;
    if (distanceMm <= inner) return 1.0f;
    if (distanceMm >= radiusMm) return 0.0f;
    const float t = (distanceMm - inner) / (radiusMm - inner);
    return 1.0f - t * t * (3.0f - 2.0f * t);
}

float smoothingRadiusMm(float radiusMm) { return std::max(0.25f * radiusMm, 1.0f); }

bool dabAllowed(const glm::vec3& normal, const glm::vec3& viewDirection, float maxAngleDegrees) {
    const float length = glm::length(viewDirection);
    if (!(length > 0.0f)) return false;
    const float facing = -glm::dot(normal, viewDirection) / length;
    return facing >= std::cos(glm::radians(maxAngleDegrees));
}

void TexelRect::include(int i, int j) {
    if (empty()) {
        *this = {i, j, i + 1, j + 1};
        return;
    }
    x0 = std::min(x0, i);
    y0 = std::min(y0, j);
    x1 = std::max(x1, i + 1);
    y1 = std::max(y1, j + 1);
}

void TexelRect::include(const TexelRect& other) {
    if (other.empty()) return;
    include(other.x0, other.y0);
    include(other.x1 - 1, other.y1 - 1);
}

bool StrokeChange::empty() const {
    return std::all_of(texels.begin(), texels.end(), [](const TexelRect& rect) { return rect.empty(); });
}

void validateBrush(const BrushSettings& settings) {
    if (!(settings.radiusMm > 0.0f) || !std::isfinite(settings.radiusMm))
        throw InputError("brush radius must be a positive number of mm, not " + std::to_string(settings.radiusMm));
    if (!(settings.strength >= 0.0f && settings.strength <= 1.0f))
        throw InputError("brush strength must lie in 0..1, not " + std::to_string(settings.strength));
    if (!(settings.hardness >= 0.0f && settings.hardness <= 1.0f))
        throw InputError("brush hardness must lie in 0..1, not " + std::to_string(settings.hardness));
}

namespace {
constexpr BrushTool kBrushTools[] = {BrushTool::Density, BrushTool::Hairline, BrushTool::Shading,
                                     BrushTool::Scar,    BrushTool::Eraser,   BrushTool::NativeHair};
constexpr BrushMode kBrushModes[] = {BrushMode::Set, BrushMode::Add, BrushMode::Subtract, BrushMode::Smooth};
}  // namespace

const char* brushToolName(BrushTool tool) {
    switch (tool) {
        case BrushTool::Density: return "density";
        case BrushTool::Hairline: return "hairline";
        case BrushTool::Shading: return "shading";
        case BrushTool::Scar: return "scar";
        case BrushTool::Eraser: return "eraser";
        case BrushTool::NativeHair: return "native-hair";
    }
    return "density";
}

std::optional<BrushTool> parseBrushTool(std::string_view name) {
    for (BrushTool tool : kBrushTools)
        if (name == brushToolName(tool)) return tool;
    return std::nullopt;
}

const char* brushModeName(BrushMode mode) {
    switch (mode) {
        case BrushMode::Set: return "set";
        case BrushMode::Add: return "add";
        case BrushMode::Subtract: return "subtract";
        case BrushMode::Smooth: return "smooth";
    }
    return "set";
}

std::optional<BrushMode> parseBrushMode(std::string_view name) {
    if (name == "paint") return BrushMode::Add;
    if (name == "erase") return BrushMode::Subtract;
    for (BrushMode mode : kBrushModes)
        if (name == brushModeName(mode)) return mode;
    return std::nullopt;
}

BrushStroke::BrushStroke(LayerSet& layers, const BrushSettings& settings) : settings_(settings) {
    validateBrush(settings);
    auto addTarget = [&](LayerKind kind, BrushMode mode, float value) {
        Layer& layer = layers.layer(kind);
        Target target{&layer, &layers.atlas(kind), mode, value, layer.texels(), {}, {}, {}};
        target.influence.assign(layer.texels().size(), 0.0f);
        if (mode == BrushMode::Smooth) target.mean.assign(layer.texels().size(), 0.0f);
        targets_.push_back(std::move(target));
    };
    switch (settings.tool) {
        case BrushTool::Density: addTarget(LayerKind::Density, settings.mode, settings.value); break;
        case BrushTool::Hairline: addTarget(LayerKind::Hairline, settings.mode, settings.value); break;
        case BrushTool::Shading: addTarget(LayerKind::Shading, settings.mode, settings.value); break;
        case BrushTool::Scar: addTarget(LayerKind::Scar, settings.mode, settings.value); break;
        case BrushTool::NativeHair: addTarget(LayerKind::NativeHair, settings.mode, settings.value); break;
        case BrushTool::Eraser:
            for (LayerKind kind : kLayerKinds)
                if (kind != LayerKind::NativeHair) addTarget(kind, BrushMode::Set, layerSpec(kind).defaultValue);
            break;
    }
}

float BrushStroke::smoothedMean(const Target& target, std::size_t texel) const {
    double sum = 0.0;
    std::size_t count = 0;
    const glm::vec3& p = target.atlas->position(texel);
    target.atlas->forEachTexelNear(p, p, smoothingRadiusMm(settings_.radiusMm), [&](std::size_t other, float) {
        sum += double(target.before[other]);
        ++count;
    });
    return count > 0 ? float(sum / double(count)) : target.before[texel];
}

void BrushStroke::paintSegment(const glm::vec3& a, const glm::vec3& b, StrokeChange& change, float& footprintMm) {
    for (Target& target : targets_) {
        const LayerSpec& spec = target.layer->spec();
        std::vector<float>& texels = target.layer->texels();
        TexelRect& rect = change.texels[std::size_t(target.layer->kind())];
        const int width = target.layer->width();
        target.atlas->forEachTexelNear(a, b, settings_.radiusMm, [&](std::size_t texel, float distance2) {
            const float w = settings_.strength * brushFalloff(std::sqrt(distance2), settings_.radiusMm, settings_.hardness);
            if (!(w > target.influence[texel])) return;
            if (target.influence[texel] == 0.0f) {
                target.touched.push_back(std::uint32_t(texel));
                if (target.mode == BrushMode::Smooth) target.mean[texel] = smoothedMean(target, texel);
            }
            target.influence[texel] = w;
            const float before = target.before[texel];
            float value = before;
            switch (target.mode) {
                case BrushMode::Set: value = (1.0f - w) * before + w * target.value; break;
                case BrushMode::Add: value = before + w * target.value; break;
                case BrushMode::Subtract: value = before - w * target.value; break;
                case BrushMode::Smooth: value = (1.0f - w) * before + w * target.mean[texel]; break;
            }
            value = std::clamp(value, spec.minValue, spec.maxValue);
            texels[texel] = value;
            rect.include(int(texel % std::size_t(width)), int(texel / std::size_t(width)));
            for (const std::uint32_t* pad = target.atlas->padsBegin(texel); pad != target.atlas->padsEnd(texel); ++pad) {
                texels[*pad] = value;
                rect.include(int(*pad % std::uint32_t(width)), int(*pad / std::uint32_t(width)));
            }
            footprintMm = std::max(footprintMm, target.atlas->footprintMm(texel));
        });
    }
}

StrokeChange BrushStroke::addPoint(const glm::vec3& pointMm) { return addPoints({pointMm}); }

StrokeChange BrushStroke::addPoints(const std::vector<glm::vec3>& pointsMm) {
    if (finished_) throw std::logic_error("a finished brush stroke takes no more points");
    StrokeChange change;
    if (pointsMm.empty()) return change;
    // The new segments: from the last point so far through the new ones (a first point is a
    // segment of length 0).
    std::vector<glm::vec3> path;
    path.push_back(points_.empty() ? pointsMm.front() : points_.back());
    path.insert(path.end(), pointsMm.begin(), pointsMm.end());
    points_.insert(points_.end(), pointsMm.begin(), pointsMm.end());
    float footprintMm = 0.0f;
    for (std::size_t k = 0; k + 1 < path.size(); ++k) {
        paintSegment(path[k], path[k + 1], change, footprintMm);
        if (settings_.symmetry) paintSegment(mirrorX(path[k]), mirrorX(path[k + 1]), change, footprintMm);
    }
    if (change.empty()) return change;
    const float margin = settings_.radiusMm + 3.0f * footprintMm;
    change.reach.push_back(sphereAround(path, margin));
    if (settings_.symmetry) change.reach.push_back(sphereAround(mirrored(path), margin));

    // The whole stroke: its points' spheres, with the largest margin met so far.
    reachMarginMm_ = std::max(reachMarginMm_, margin);
    total_.reach.clear();
    total_.reach.push_back(sphereAround(points_, reachMarginMm_));
    if (settings_.symmetry) total_.reach.push_back(sphereAround(mirrored(points_), reachMarginMm_));
    for (std::size_t k = 0; k < change.texels.size(); ++k) total_.texels[k].include(change.texels[k]);
    return change;
}

std::unique_ptr<LayerEdit> BrushStroke::finish() {
    finished_ = true;
    std::unique_ptr<LayerEdit> edit = std::make_unique<LayerEdit>(std::string(brushToolName(settings_.tool)) + " stroke");
    for (Target& target : targets_) {
        const int width = target.layer->width();
        std::set<std::pair<int, int>> tiles;  // (row, column): tiles in memory order
        auto mark = [&](std::uint32_t texel) {
            tiles.emplace(int(texel / std::uint32_t(width)) / kUndoTileSize, int(texel % std::uint32_t(width)) / kUndoTileSize);
        };
        for (std::uint32_t texel : target.touched) {
            mark(texel);
            for (const std::uint32_t* pad = target.atlas->padsBegin(texel); pad != target.atlas->padsEnd(texel); ++pad) mark(*pad);
        }
        for (const auto& [row, column] : tiles) edit->addTile(*target.layer, column, row, target.before);
        target = Target{target.layer, target.atlas, target.mode, target.value, {}, {}, {}, {}};  // free the buffers
    }
    if (edit->tileCount() == 0) return nullptr;
    return edit;
}

StrokeChange paintStroke(LayerSet& layers, const BrushSettings& settings, const std::vector<glm::vec3>& pointsMm, UndoStack* undo) {
    BrushStroke stroke(layers, settings);
    stroke.addPoints(pointsMm);
    std::unique_ptr<LayerEdit> edit = stroke.finish();
    if (undo && edit) undo->push(std::move(edit));
    return stroke.change();
}

}  // namespace stipple
