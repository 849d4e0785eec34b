// What one edit of a design changed, typed, for whoever keeps something made from the design
// up to date: the GPU's copy (gpu/DesignScene), the window's title and its autosave. Edits
// report it: a brush stroke's points, a fill, an undo, the hairline, a setting.
#pragma once

#include "core/Brush.h"
#include "core/Layers.h"

#include <array>
#include <vector>

namespace stipple {

struct DesignChange {
    // Texels of each layer that changed (empty rectangles: none), padding included.
    std::array<TexelRect, kLayerKindCount> texels{};
    // Every layer changed anywhere (an undo, a fill, the hairline moved, another design): the
    // texels above are not looked at.
    bool everyLayer = false;
    // Where on the skin a local change of the layers reaches (one sphere per side of the head
    // a stroke touched): the impressions are scattered and baked again there only.
    std::vector<SurfaceSphere> reach;
    // The layer textures hold the change already: a stroke painted on the GPU. The CPU layers
    // catch up when the stroke ends.
    bool texturesHoldIt = false;
    // The impressions' look changed: the needle, the depth, the stage or the client's skin.
    bool look = false;
    // How the client's shaved hair is drawn changed: its length or grey share (baked with the dots).
    bool stubble = false;
    // A setting the project keeps changed (the needle, the depth, the skin, the client's hair):
    // unsaved work, though no layer changed. The stage alone is a preview, not an edit.
    bool keptSettings = false;

    // The latest points of a brush stroke, painted on the GPU or not.
    static DesignChange ofStroke(const StrokeChange& stroke, bool paintedOnGpu);
    static DesignChange ofEveryLayer();
    static DesignChange ofLook();
    static DesignChange ofKeptSettings(bool lookToo);

    bool changesLayer(LayerKind kind) const { return everyLayer || !texels[std::size_t(kind)].empty(); }
    bool changesLayers() const;
    // Whether the scatter's density (density or hairline) or the client's hair changed.
    bool changesDensity() const { return changesLayer(LayerKind::Density) || changesLayer(LayerKind::Hairline); }
    bool changesNativeHair() const { return changesLayer(LayerKind::NativeHair); }
};

}  // namespace stipple
