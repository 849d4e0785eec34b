// The hairline editor in the window: a template placed from the landmarks, its style, its
// control points dragged on the skin, and the live readouts. GL-free; edits go into the paint
// session's history, so one Ctrl+Z undoes strokes and hairline edits alike.
#pragma once

#include "app/PaintSession.h"
#include "core/HairlineEditor.h"
#include "core/HairlineMeasurements.h"
#include "core/HairlineTemplates.h"
#include "core/SurfaceGeodesic.h"
#include "core/SurfaceProjector.h"

#include <memory>

namespace stipple {

class HairlineSession {
public:
    // `design` and `paint` must outlive the session.
    HairlineSession(Design& design, PaintSession& paint);

    // Replaces the hairline with a template (Norwood: curve and density; Ludwig: density).
    void placeTemplate(const TemplateChoice& choice);
    void setSettings(const HairlineMaskSettings& settings);
    void movePoint(std::size_t index, const glm::vec3& targetMm);

    bool hasCurve() const { return editor_.curve().controlCount() > 0; }
    const HairlineCurve& curve() const { return editor_.curve(); }
    const HairlineMaskSettings& settings() const { return editor_.settings(); }
    const SurfaceProjector& projector() const { return projector_; }
    // Measured after every edit (and after undo or redo, through refresh()).
    const HairlineReadouts& readouts() const { return readouts_; }
    void refresh();

private:
    void record(std::unique_ptr<UndoCommand> step);

    Design& design_;
    PaintSession& paint_;
    SurfaceProjector projector_;
    SurfaceGeodesic geodesic_;
    HairlineEditor editor_;
    HairlineReadouts readouts_;
};

}  // namespace stipple
