// The design's layers as float textures, so the viewport can show any of them as an overlay and
// the GPU paint pass (PaintPass) can paint them. Strokes update only the texels they changed.
#pragma once

#include "core/Brush.h"
#include "core/Layers.h"
#include "gpu/GlObject.h"

#include <array>

namespace stipple {

class LayerTextures {
public:
    // Uploads every layer. Needs a current GL context.
    explicit LayerTextures(const LayerSet& layers);

    // Uploads texels [rect] of one layer, or every texel of every layer.
    void update(const LayerSet& layers, LayerKind kind, const TexelRect& rect);
    void updateAll(const LayerSet& layers);
    // The other way: texels [rect] of one layer read back into `layers` (after painting on the GPU).
    void read(LayerSet& layers, LayerKind kind, const TexelRect& rect) const;

    GLuint texture(LayerKind kind) const { return textures_[std::size_t(kind)].get(); }
    int width(LayerKind kind) const { return widths_[std::size_t(kind)]; }
    int height(LayerKind kind) const { return heights_[std::size_t(kind)]; }

private:
    std::array<GlTexture, kLayerKindCount> textures_;
    std::array<int, kLayerKindCount> widths_{}, heights_{};
};

}  // namespace stipple
