#include "core/LayerEdit.h"

#include <algorithm>
#include <utility>

namespace stipple {

void LayerEdit::addTile(Layer& layer, int tileX, int tileY, const std::vector<float>& before) {
    Tile tile{&layer, tileX * kUndoTileSize, tileY * kUndoTileSize, 0, 0, {}};
    tile.width = std::min(kUndoTileSize, layer.width() - tile.x0);
    tile.height = std::min(kUndoTileSize, layer.height() - tile.y0);
    tile.other.resize(std::size_t(tile.width) * std::size_t(tile.height));
    for (int y = 0; y < tile.height; ++y) {
        const auto row = before.begin() + std::ptrdiff_t(std::size_t(tile.y0 + y) * std::size_t(layer.width()) + std::size_t(tile.x0));
        std::copy(row, row + tile.width, tile.other.begin() + std::ptrdiff_t(y * tile.width));
    }
    tiles_.push_back(std::move(tile));
}

void LayerEdit::swapTiles() {
    for (Tile& tile : tiles_) {
        std::vector<float>& texels = tile.layer->texels();
        for (int y = 0; y < tile.height; ++y) {
            const auto row = texels.begin() + std::ptrdiff_t(std::size_t(tile.y0 + y) * std::size_t(tile.layer->width()) + std::size_t(tile.x0));
            std::swap_ranges(row, row + tile.width, tile.other.begin() + std::ptrdiff_t(y * tile.width));
        }
    }
}

std::size_t LayerEdit::memoryBytes() const {
    std::size_t bytes = sizeof(*this) + name_.capacity();
    for (const Tile& tile : tiles_) bytes += sizeof(Tile) + tile.other.capacity() * sizeof(float);
    return bytes;
}

}  // namespace stipple
