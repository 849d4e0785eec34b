// HairlineEditor: the hairline editor's model, free of GL. It holds the curve and the mask
// settings and keeps the hairline layer equal to their mask: every edit rewrites the mask and
// returns an undo step (HairlineEdit) that restores curve, settings and mask bit for bit.
#pragma once

#include "core/HairlineCurve.h"
#include "core/HairlineDesign.h"
#include "core/HairlineMask.h"
#include "core/Layers.h"
#include "core/SurfaceProjector.h"
#include "core/UndoStack.h"

#include <glm/vec3.hpp>

#include <memory>
#include <string>

namespace stipple {

class HairlineEditor {
public:
    // `projector`, `layer` and `atlas` (the layer's) must outlive the editor. The layer is left
    // as it is until the first edit.
    HairlineEditor(const SurfaceProjector& projector, Layer& layer, const SurfaceAtlas& atlas,
                   const HairlineMaskSettings& settings = hairlineStyle(HairlineStyle::Soft));

    const HairlineCurve& curve() const { return curve_; }
    const HairlineMaskSettings& settings() const { return settings_; }
    const SurfaceProjector& projector() const { return projector_; }

    // The curve and settings as a project saves them, and back: restoring trusts that the layer
    // already holds their mask (it was saved with them), so it writes nothing and records no step.
    HairlineDesign design() const;
    void restore(const HairlineDesign& design);

    // Each edit is applied at once; the returned step is for the UndoStack. Throws InputError
    // (and changes nothing) for invalid settings.
    std::unique_ptr<UndoCommand> setCurve(const HairlineCurve& curve, const std::string& name = "hairline template");
    std::unique_ptr<UndoCommand> movePoint(std::size_t index, const glm::vec3& target);
    std::unique_ptr<UndoCommand> setSettings(const HairlineMaskSettings& settings);

private:
    friend class HairlineEdit;
    std::unique_ptr<UndoCommand> apply(HairlineCurve curve, HairlineMaskSettings settings, const std::string& name);

    const SurfaceProjector& projector_;
    Layer& layer_;
    const SurfaceAtlas& atlas_;
    HairlineCurve curve_;
    HairlineMaskSettings settings_;
};

}  // namespace stipple
