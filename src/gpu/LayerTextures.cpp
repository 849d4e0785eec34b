#include "gpu/LayerTextures.h"

namespace stipple {

LayerTextures::LayerTextures(const LayerSet& layers) {
    for (LayerKind kind : kLayerKinds) {
        const Layer& layer = layers.layer(kind);
        widths_[std::size_t(kind)] = layer.width();
        heights_[std::size_t(kind)] = layer.height();
        GlTexture& texture = textures_[std::size_t(kind)];
        texture = createTexture(GL_TEXTURE_2D);
        glTextureStorage2D(texture.get(), 1, GL_R32F, layer.width(), layer.height());
        glTextureParameteri(texture.get(), GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTextureParameteri(texture.get(), GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTextureParameteri(texture.get(), GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTextureParameteri(texture.get(), GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    updateAll(layers);
}

void LayerTextures::update(const LayerSet& layers, LayerKind kind, const TexelRect& rect) {
    if (rect.empty()) return;
    const Layer& layer = layers.layer(kind);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    // Rows of the rectangle are read straight out of the layer's row-major texels.
    glPixelStorei(GL_UNPACK_ROW_LENGTH, layer.width());
    glTextureSubImage2D(texture(kind), 0, rect.x0, rect.y0, rect.x1 - rect.x0, rect.y1 - rect.y0, GL_RED, GL_FLOAT,
                        layer.texels().data() + std::size_t(rect.y0) * std::size_t(layer.width()) + std::size_t(rect.x0));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
}

void LayerTextures::read(LayerSet& layers, LayerKind kind, const TexelRect& rect) const {
    if (rect.empty()) return;
    Layer& layer = layers.layer(kind);
    const std::size_t offset = std::size_t(rect.y0) * std::size_t(layer.width()) + std::size_t(rect.x0);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    // Rows of the rectangle land straight in the layer's row-major texels.
    glPixelStorei(GL_PACK_ROW_LENGTH, layer.width());
    glGetTextureSubImage(texture(kind), 0, rect.x0, rect.y0, 0, rect.x1 - rect.x0, rect.y1 - rect.y0, 1, GL_RED, GL_FLOAT,
                         GLsizei((layer.texels().size() - offset) * sizeof(float)), layer.texels().data() + offset);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
}

void LayerTextures::updateAll(const LayerSet& layers) {
    for (LayerKind kind : kLayerKinds) {
        const Layer& layer = layers.layer(kind);
        update(layers, kind, TexelRect{0, 0, layer.width(), layer.height()});
    }
}

}  // namespace stipple
