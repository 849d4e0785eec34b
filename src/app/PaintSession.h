// Painting in the window: the brush under the cursor, the stroke being drawn, undo and redo.
// GL-free: it changes the design's layers and says where; the app re-scatters and re-bakes.
#pragma once

#include "core/Brush.h"
#include "core/MeshRaycaster.h"
#include "core/PaintStroke.h"
#include "core/UndoStack.h"
#include "io/Design.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace stipple {

class PaintSession {
public:
    // `design` must outlive the session.
    explicit PaintSession(Design& design);

    BrushSettings brush = defaultBrush(BrushTool::Density);

    // How strokes are painted: on the CPU (BrushStroke on the design's layers) unless told here,
    // for instance on the GPU (GpuBrushStroke) when a window has a context.
    using StrokeFactory = std::function<std::unique_ptr<PaintStroke>(const BrushSettings&)>;
    void paintWith(StrokeFactory factory) { strokeFactory_ = std::move(factory); }

    // Places the cursor where the ray from the eye meets the skin, if a dab may go there.
    void hover(const glm::vec3& eyeMm, const glm::vec3& directionMm);
    const std::optional<glm::vec3>& cursor() const { return cursor_; }
    void clearCursor() { cursor_.reset(); }

    // While the button is held: starts or extends the stroke at the cursor. Returns where the
    // layers changed this time (empty when nothing did).
    StrokeChange paintAtCursor();
    // Button released: the stroke becomes one undo step.
    void endStroke();
    bool painting() const { return stroke_ != nullptr; }
    // Whether the stroke under way paints the layer textures itself (PaintStroke::paintsTextures).
    bool strokePaintsTextures() const { return stroke_ && stroke_->paintsTextures(); }

    // One value over the whole of a layer (density, or the client's native hair), as one undo step.
    void fillLayer(LayerKind kind, float value);
    // A whole stroke at once (a template's), as one undo step.
    void paintScripted(const BrushSettings& settings, const std::vector<glm::vec3>& pointsMm);
    // An edit made elsewhere (the hairline editor), already applied.
    void record(std::unique_ptr<UndoCommand> step);

    // Return false when there was nothing to undo or redo; the layers changed anywhere.
    bool undo();
    bool redo();
    const UndoStack& history() const { return history_; }
    // The head's triangles for ray queries (what lies under a cursor or a line of sight).
    const MeshRaycaster& raycaster() const { return raycaster_; }

    // Goes up with every change to the design, undo and redo included: the app compares it with
    // its value at the last save to know whether there is unsaved work.
    std::size_t changeCount() const { return changes_; }
    // A change made outside the layers (the needle, say).
    void markChanged() { ++changes_; }

    // Whether the brush's tool changes what the scatter reads (density, the hairline mask or
    // the native hair).
    bool changesImpressions() const;

private:
    Design& design_;
    MeshRaycaster raycaster_;
    UndoStack history_;
    StrokeFactory strokeFactory_;
    std::unique_ptr<PaintStroke> stroke_;
    std::optional<glm::vec3> cursor_;
    std::size_t changes_ = 0;
};

}  // namespace stipple
