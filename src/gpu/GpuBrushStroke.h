// GpuBrushStroke: a brush stroke painted on the GPU, the twin of BrushStroke (core/Brush.h).
//
// It paints the layer textures in place (shaders/paint.comp) and leaves the CPU layers as they
// were until finish(), which reads the changed rectangles back, so the document, saving and undo
// stay on the CPU. Every mode is painted on the GPU, smoothing included (the same texels averaged
// in the same order, in double, as the CPU). The geometry is the CPU stroke's own
// (StrokeInfluence): addPoint() returns exactly the StrokeChange BrushStroke returns, and finish()
// exactly its undo step. The values are the CPU's bit for bit on Mesa's llvmpipe; a driver that
// rounds division or square roots less exactly may differ in the last bits.
//
// How the window paints with it, the chain dab -> scatter -> bake staying on the GPU:
//   once per design:  PaintPass pass(*design.layers, scene.layerTextures());  (gpu/DesignScene.h)
//   button pressed:   GpuBrushStroke stroke(pass, brush);
//   each event:       scene.apply(DesignChange::ofStroke(stroke.addPoint(cursor), true));
//                     The layer textures already hold the paint, and the scene does not upload
//                     them (that would write the stale CPU texels over it); it composes the
//                     scatter's density from them where the stroke reached.
//   button released:  if (auto step = stroke.finish()) history.push(std::move(step));
//                     scene.strokeEnded();
// Paint with BrushStroke as before where the density and hairline layers differ in size (the GPU
// composes the scatter's density only for equal sizes). While a stroke is under way the CPU
// layers do not hold it: nothing should read them until finish(), and a stroke must be finished
// before the next one starts on the same pass.
#pragma once

#include "core/Brush.h"
#include "core/PaintStroke.h"
#include "core/StrokeInfluence.h"
#include "gpu/PaintPass.h"

#include <memory>
#include <vector>

namespace stipple {

class GpuBrushStroke : public PaintStroke {
public:
    // Starts a stroke on the pass's layers and textures; one stroke at a time per pass. Throws
    // InputError for a radius that is not positive or a strength or hardness outside 0..1.
    GpuBrushStroke(PaintPass& pass, const BrushSettings& settings);

    // Extends the stroke to the next point(s) on the skin and paints the new segments into the
    // layer textures. Returns what these points changed, as BrushStroke does.
    StrokeChange addPoint(const glm::vec3& pointMm) override;
    StrokeChange addPoints(const std::vector<glm::vec3>& pointsMm);
    // Everything the stroke changed so far.
    const StrokeChange& change() const { return influence_.change(); }

    // Ends the stroke: reads the texels it changed back into the CPU layers and returns the undo
    // step holding the 64x64 tiles it changed (null when it changed nothing). The stroke takes
    // no more points.
    std::unique_ptr<LayerEdit> finish() override;
    bool paintsTextures() const override { return true; }

private:
    PaintPass& pass_;
    StrokeInfluence influence_;
};

}  // namespace stipple
