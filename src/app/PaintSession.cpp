#include "app/PaintSession.h"

#include <algorithm>

namespace stipple {

PaintSession::PaintSession(Design& design)
    : design_(design),
      raycaster_(design.mesh),
      strokeFactory_([&design](const BrushSettings& settings) -> std::unique_ptr<PaintStroke> {
          return std::make_unique<BrushStroke>(*design.layers, settings);
      }) {}

void PaintSession::hover(const glm::vec3& eyeMm, const glm::vec3& directionMm) {
    cursor_.reset();
    const std::optional<RayHit> hit = raycaster_.intersect(eyeMm, directionMm);
    if (hit && dabAllowed(hit->faceNormal, directionMm)) cursor_ = hit->point;
}

StrokeChange PaintSession::paintAtCursor() {
    if (!cursor_) return {};
    if (!stroke_) stroke_ = strokeFactory_(brush);
    return stroke_->addPoint(*cursor_);
}

void PaintSession::endStroke() {
    if (!stroke_) return;
    if (std::unique_ptr<LayerEdit> edit = stroke_->finish()) {
        history_.push(std::move(edit));
        ++changes_;
    }
    stroke_.reset();
}

void PaintSession::fillLayer(LayerKind kind, float value) {
    endStroke();
    Layer& layer = design_.layers->layer(kind);
    const std::vector<float> before = layer.texels();
    std::fill(layer.texels().begin(), layer.texels().end(), value);
    auto edit = std::make_unique<LayerEdit>(std::string(layer.spec().name) + " everywhere");
    for (int ty = 0; ty * kUndoTileSize < layer.height(); ++ty)
        for (int tx = 0; tx * kUndoTileSize < layer.width(); ++tx) edit->addTile(layer, tx, ty, before);
    history_.push(std::move(edit));
    ++changes_;
}

void PaintSession::paintScripted(const BrushSettings& settings, const std::vector<glm::vec3>& pointsMm) {
    endStroke();
    paintStroke(*design_.layers, settings, pointsMm, &history_);
    ++changes_;
}

void PaintSession::record(std::unique_ptr<UndoCommand> step) {
    endStroke();
    history_.push(std::move(step));
    ++changes_;
}

bool PaintSession::undo() {
    endStroke();
    const bool undone = history_.undo();
    changes_ += undone;
    return undone;
}

bool PaintSession::redo() {
    endStroke();
    const bool redone = history_.redo();
    changes_ += redone;
    return redone;
}

bool PaintSession::changesImpressions() const {
    return brush.tool == BrushTool::Density || brush.tool == BrushTool::Hairline || brush.tool == BrushTool::Eraser ||
           brush.tool == BrushTool::NativeHair;
}

}  // namespace stipple
