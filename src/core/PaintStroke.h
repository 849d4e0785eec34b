// A brush stroke under way, whichever side paints it: the CPU (BrushStroke, core/Brush.h) or the
// GPU (GpuBrushStroke, gpu/GpuBrushStroke.h). The window's paint session holds one of these.
#pragma once

#include "core/LayerEdit.h"

#include <glm/vec3.hpp>

#include <memory>

namespace stipple {

struct StrokeChange;

class PaintStroke {
public:
    virtual ~PaintStroke() = default;

    // Extends the stroke to the next point on the skin and paints the new segment. Returns what
    // it changed.
    virtual StrokeChange addPoint(const glm::vec3& pointMm) = 0;
    // Ends the stroke: the CPU layers hold it and the undo step is returned (null when it changed
    // nothing).
    virtual std::unique_ptr<LayerEdit> finish() = 0;
    // Whether the stroke paints the layer textures itself (on the GPU): then the CPU layers do not
    // hold it until finish(), and nobody may upload them over the textures meanwhile.
    virtual bool paintsTextures() const = 0;
};

}  // namespace stipple
