#include "core/Layers.h"

#include "core/Error.h"
#include "core/NativeHair.h"

#include <limits>

namespace stipple {

const LayerSpec& layerSpec(LayerKind kind) {
    static const LayerSpec specs[kLayerKindCount] = {
        {"density", "impressions/cm^2", kDefaultDensityPerCm2, 0.0f, std::numeric_limits<float>::max(), 512},
        {"hairline", "coverage 0-1", 1.0f, 0.0f, 1.0f, 512},
        {"shading", "tone 0-1", 0.0f, 0.0f, 1.0f, 512},
        {"scar", "scar tissue 0-1", 0.0f, 0.0f, 1.0f, 1024},
        {"native-hair", "follicular units/cm^2", 0.0f, 0.0f, kMaxNativeHairPerCm2, 512},
    };
    return specs[std::size_t(kind)];
}

Layer::Layer(LayerKind kind, int width, int height) : kind_(kind), width_(width), height_(height) {
    if (width <= 0 || height <= 0) throw InputError("a layer needs at least one texel");
    texels_.assign(std::size_t(width) * std::size_t(height), layerSpec(kind).defaultValue);
}

Layer Layer::fromDensityMap(const DensityMap& density) {
    Layer layer(LayerKind::Density, density.width(), density.height());
    layer.texels_ = density.texels();
    return layer;
}

DensityMap Layer::toDensityMap() const {
    DensityMap map(width_, height_);
    for (int j = 0; j < height_; ++j)
        for (int i = 0; i < width_; ++i) map.set(i, j, at(i, j));
    return map;
}

LayerSet::LayerSet(const HeadMesh& mesh, const LayerSizes& sizes) {
    for (LayerKind kind : kLayerKinds) {
        const int size = sizes.size[std::size_t(kind)];
        layers_.emplace_back(kind, size, size);
        for (LayerKind earlier : kLayerKinds) {
            if (earlier == kind) break;
            if (sizes.size[std::size_t(earlier)] == size) atlases_[std::size_t(kind)] = atlases_[std::size_t(earlier)];
        }
        if (!atlases_[std::size_t(kind)]) atlases_[std::size_t(kind)] = std::make_shared<const SurfaceAtlas>(mesh, size, size);
    }
}

DensityMap nativeHairDensity(const LayerSet& layers) { return layers.layer(LayerKind::NativeHair).toDensityMap(); }

DensityMap designDensity(const LayerSet& layers) {
    const Layer& density = layers.layer(LayerKind::Density);
    const Layer& hairline = layers.layer(LayerKind::Hairline);
    DensityMap result(density.width(), density.height());
    if (hairline.width() == density.width() && hairline.height() == density.height()) {
        // Same grid: the mask's value at a density texel's centre is its own texel.
        for (int j = 0; j < density.height(); ++j)
            for (int i = 0; i < density.width(); ++i) result.set(i, j, density.at(i, j) * hairline.at(i, j));
        return result;
    }
    const DensityMap mask = hairline.toDensityMap();  // sampled like the density
    for (int j = 0; j < density.height(); ++j)
        for (int i = 0; i < density.width(); ++i) {
            const glm::vec2 uv((float(i) + 0.5f) / float(density.width()), (float(j) + 0.5f) / float(density.height()));
            result.set(i, j, density.at(i, j) * mask.sample(uv));
        }
    return result;
}

}  // namespace stipple
