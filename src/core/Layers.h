// Layers: what the practitioner paints, as float textures in UV space.
//
// Every layer has DensityMap's texel layout (texel (i, j) at index j * width + i, centre at
// ((i + 0.5) / width, (j + 0.5) / height), row 0 at v = 0), so a layer uploads to GL as it is
// and the density layer converts to and from the DensityMap the scatter reads, bit for bit.
// Units (docs/painting.md):
//   density   impressions per cm^2 of skin, >= 0; the scatter's input (default 80, the mean
//             natural follicular-unit density and inside SMP's 60-100 final layer)
//   hairline  0..1, where the design may place impressions; 1 = fully, with a soft edge painted
//             in between (default 1: the scalp region alone limits the design)
//   shading   0..1, how much of the lighter shading tone a spot takes (default 0)
//   scar      0..1, scar tissue: lighter, shinier skin that holds pigment less evenly (default 0)
//   native hair  the client's own hair, shaved to stubble: follicular units per cm^2, 0..150
//             (default 0, bald; natural density is 65-110, about 50 near the ears). It is not
//             part of the design: the eraser leaves it, and the preview draws it beside the dots
// Texels outside the UV islands are padded from their nearest island texel (SurfaceAtlas), and
// brushes keep the padding up to date.
#pragma once

#include "core/Choice.h"
#include "core/DensityMap.h"
#include "core/HeadMesh.h"
#include "core/SurfaceAtlas.h"

#include <array>
#include <memory>
#include <vector>

namespace stipple {

enum class LayerKind { Density, Hairline, Shading, Scar, NativeHair };
constexpr int kLayerKindCount = 5;
constexpr std::array<LayerKind, kLayerKindCount> kLayerKinds = {LayerKind::Density, LayerKind::Hairline,
                                                                LayerKind::Shading, LayerKind::Scar,
                                                                LayerKind::NativeHair};

// A layer the viewport shows as colour: none, then the layers in LayerKind order.
enum class LayerOverlay { None, Density, Hairline, Shading, Scar, NativeHair };
inline constexpr Choice<LayerOverlay> kOverlayChoices[] = {
    {LayerOverlay::None, "none", "None"},         {LayerOverlay::Density, "density", "Density"},
    {LayerOverlay::Hairline, "hairline", "Hairline mask"}, {LayerOverlay::Shading, "shading", "Shading"},
    {LayerOverlay::Scar, "scar", "Scar"},         {LayerOverlay::NativeHair, "native-hair", "Native hair"},
};

struct LayerSpec {
    const char* name;     // as the UI and project files name it
    const char* unit;     // for readouts
    float defaultValue;   // a fresh design, and what the eraser restores
    float minValue;       // brushes clamp to [minValue, maxValue]
    float maxValue;
    int defaultSize;      // width and height of a fresh layer
};

// Sizes: on the default head a 512 layer's texel covers 0.69 mm of scalp on average (0.3 mm at
// the chart's rim, 1.4 mm on the crown): finer than the ~1 mm between impressions, so density,
// hairline and shading need no more. Scar is 1024 (0.35 mm average) so that a 0.8-1.0 mm FUE
// dot scar spans a few texels. Native hair is 512 like density, which it mirrors.
const LayerSpec& layerSpec(LayerKind kind);

class Layer {
public:
    // width x height texels holding the kind's default value.
    Layer(LayerKind kind, int width, int height);
    // A density layer holding exactly the map's texels.
    static Layer fromDensityMap(const DensityMap& density);

    LayerKind kind() const { return kind_; }
    const LayerSpec& spec() const { return layerSpec(kind_); }
    int width() const { return width_; }
    int height() const { return height_; }
    float at(int i, int j) const { return texels_[std::size_t(j) * std::size_t(width_) + std::size_t(i)]; }
    void set(int i, int j, float value) { texels_[std::size_t(j) * std::size_t(width_) + std::size_t(i)] = value; }
    std::vector<float>& texels() { return texels_; }
    const std::vector<float>& texels() const { return texels_; }

    // The same texels as a DensityMap (meaningful for the density layer: impressions per cm^2).
    DensityMap toDensityMap() const;

private:
    LayerKind kind_;
    int width_;
    int height_;
    std::vector<float> texels_;
};

struct LayerSizes {
    std::array<int, kLayerKindCount> size{layerSpec(LayerKind::Density).defaultSize, layerSpec(LayerKind::Hairline).defaultSize,
                                          layerSpec(LayerKind::Shading).defaultSize, layerSpec(LayerKind::Scar).defaultSize,
                                          layerSpec(LayerKind::NativeHair).defaultSize};
};

// The design's layers on one head, each with the atlas of its resolution (shared between
// layers of the same size). The mesh need not outlive the set: atlases copy what they need.
class LayerSet {
public:
    explicit LayerSet(const HeadMesh& mesh, const LayerSizes& sizes = {});

    Layer& layer(LayerKind kind) { return layers_[std::size_t(kind)]; }
    const Layer& layer(LayerKind kind) const { return layers_[std::size_t(kind)]; }
    const SurfaceAtlas& atlas(LayerKind kind) const { return *atlases_[std::size_t(kind)]; }

private:
    std::vector<Layer> layers_;
    std::array<std::shared_ptr<const SurfaceAtlas>, kLayerKindCount> atlases_;
};

// What the scatter reads: density where the hairline mask lets impressions go
// (density x hairline, per density texel; the mask is sampled where the sizes differ).
DensityMap designDensity(const LayerSet& layers);

// The client's own hair: the native-hair layer, follicular units per cm^2, sampled like the
// density (the scatter applies the scalp weight itself).
DensityMap nativeHairDensity(const LayerSet& layers);

}  // namespace stipple
