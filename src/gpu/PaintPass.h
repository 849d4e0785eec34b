// PaintPass: the GPU side of painting one design's layers (shaders/paint.comp).
//
// It holds what every stroke needs, built once: each distinct SurfaceAtlas of the layers uploaded
// (every texel's point on the skin and the texel it copies, texels with no point marked, and the
// atlas's grid for smoothing), and per layer the scratch of a stroke: the layer as it was when the
// stroke began, each texel's largest influence so far, and the smoothing means. GpuBrushStroke
// drives it, one stroke at a time. A pass holds 12 bytes a texel of every layer, and 16 a texel,
// 16 a covered texel and 4 a grid cell of every distinct atlas: 61 MiB at the default sizes on
// the default head.
#pragma once

#include "core/Brush.h"
#include "core/Layers.h"
#include "core/StrokeInfluence.h"
#include "gpu/GlObject.h"
#include "gpu/LayerTextures.h"

#include <glm/vec3.hpp>

#include <array>
#include <vector>

namespace stipple {

class PaintPass {
public:
    // `textures` must hold `layers` (LayerTextures(layers), kept up to date), and both must
    // outlive the pass. Needs a current GL 4.5 context.
    PaintPass(LayerSet& layers, LayerTextures& textures);

    LayerSet& layers() const { return layers_; }
    LayerTextures& textures() const { return textures_; }

    // Starts a stroke on one layer: keeps its texture as it is now (the value every texel is
    // recomputed from) and sets every texel's influence to 0.
    void begin(LayerKind kind);
    // Paints `target` over texels [rect] of its layer's texture: the segments [segmentEnds[2k],
    // segmentEnds[2k + 1]] (mirror images included) with `brush`'s radius, strength and hardness.
    void paint(const StrokeInfluence::Target& target, const BrushSettings& brush, const std::vector<glm::vec3>& segmentEnds,
               const TexelRect& rect);

private:
    struct AtlasBuffers {
        const SurfaceAtlas* atlas;
        GlBuffer texels, cellStart, cellEntries;
    };
    struct Scratch {
        std::size_t atlas;  // index into atlases_
        GlTexture before, influence, mean;
    };

    LayerSet& layers_;
    LayerTextures& textures_;
    GlProgram program_;
    std::vector<AtlasBuffers> atlases_;
    std::array<Scratch, kLayerKindCount> scratch_;
    GlBuffer segments_;
};

}  // namespace stipple
