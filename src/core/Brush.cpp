#include "core/Brush.h"

#include "core/Error.h"
#include "core/NativeHair.h"
#include "core/StrokeInfluence.h"

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include <algorithm>
#include <cmath>

namespace stipple {

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

const char* brushToolName(BrushTool tool) { return choiceFor(kBrushToolChoices, tool).name; }

std::optional<BrushTool> parseBrushTool(std::string_view name) {
    if (const Choice<BrushTool>* choice = findChoice(kBrushToolChoices, name)) return choice->value;
    return std::nullopt;
}

const char* brushModeName(BrushMode mode) { return choiceFor(kBrushModeChoices, mode).name; }

std::optional<BrushMode> parseBrushMode(std::string_view name) {
    if (name == "paint") return BrushMode::Add;
    if (name == "erase") return BrushMode::Subtract;
    if (const Choice<BrushMode>* choice = findChoice(kBrushModeChoices, name)) return choice->value;
    return std::nullopt;
}

BrushStroke::BrushStroke(LayerSet& layers, const BrushSettings& settings)
    : layers_(layers), influence_(std::make_unique<StrokeInfluence>(layers, settings)) {
    for (const StrokeInfluence::Target& target : influence_->targets()) {
        before_.push_back(layers.layer(target.kind).texels());
        mean_.emplace_back(target.mode == BrushMode::Smooth ? target.influence.size() : 0, 0.0f);
    }
}

BrushStroke::~BrushStroke() = default;

const StrokeChange& BrushStroke::change() const { return influence_->change(); }

float BrushStroke::smoothedMean(std::size_t target, std::size_t texel) const {
    const SurfaceAtlas& atlas = *influence_->targets()[target].atlas;
    const std::vector<float>& before = before_[target];
    double sum = 0.0;
    std::size_t count = 0;
    const glm::vec3& p = atlas.position(texel);
    atlas.forEachTexelNear(p, p, smoothingRadiusMm(influence_->settings().radiusMm), [&](std::size_t other, float) {
        sum += double(before[other]);
        ++count;
    });
    return count > 0 ? float(sum / double(count)) : before[texel];
}

void BrushStroke::paint(std::size_t target, std::size_t texel, float w, bool firstTouch) {
    const StrokeInfluence::Target& t = influence_->targets()[target];
    if (firstTouch && t.mode == BrushMode::Smooth) mean_[target][texel] = smoothedMean(target, texel);
    const float before = before_[target][texel];
    float value = before;
    switch (t.mode) {
        case BrushMode::Set: value = (1.0f - w) * before + w * t.value; break;
        case BrushMode::Add: value = before + w * t.value; break;
        case BrushMode::Subtract: value = before - w * t.value; break;
        case BrushMode::Smooth: value = (1.0f - w) * before + w * mean_[target][texel]; break;
    }
    Layer& layer = layers_.layer(t.kind);
    value = std::clamp(value, layer.spec().minValue, layer.spec().maxValue);
    std::vector<float>& texels = layer.texels();
    texels[texel] = value;
    for (const std::uint32_t* pad = t.atlas->padsBegin(texel); pad != t.atlas->padsEnd(texel); ++pad) texels[*pad] = value;
}

StrokeChange BrushStroke::addPoint(const glm::vec3& pointMm) { return addPoints({pointMm}); }

StrokeChange BrushStroke::addPoints(const std::vector<glm::vec3>& pointsMm) {
    return influence_->addPoints(pointsMm, [this](std::size_t target, std::size_t texel, float w, bool firstTouch) {
        paint(target, texel, w, firstTouch);
    });
}

std::unique_ptr<LayerEdit> BrushStroke::finish() {
    std::unique_ptr<LayerEdit> edit = influence_->finish(layers_, before_);
    before_ = std::vector<std::vector<float>>(before_.size());  // free the buffers
    mean_ = std::vector<std::vector<float>>(mean_.size());
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
