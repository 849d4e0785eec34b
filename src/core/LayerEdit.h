// LayerEdit: one undo step of painting, kept as the 64x64 tiles of the layers it changed.
//
// Each tile holds the values the layer does not hold now: before the edit while it is applied,
// after it once undone. Undo and redo both swap them with the layer, so either direction is
// bit-exact and a step costs one copy of its tiles, not two.
#pragma once

#include "core/Layers.h"
#include "core/UndoStack.h"

#include <string>
#include <vector>

namespace stipple {

constexpr int kUndoTileSize = 64;

class LayerEdit : public UndoCommand {
public:
    explicit LayerEdit(std::string name) : name_(std::move(name)) {}

    // Records tile (tileX, tileY) of `layer` (texels [64 tileX, 64 tileX + 64) x [64 tileY, ...),
    // cut at the layer's edge) as it was before the edit, read from `before` (a whole layer's
    // texels); the layer holds the values after it. The layer must outlive the step.
    void addTile(Layer& layer, int tileX, int tileY, const std::vector<float>& before);

    void undo() override { swapTiles(); }
    void redo() override { swapTiles(); }
    std::size_t memoryBytes() const override;
    std::string name() const override { return name_; }
    std::size_t tileCount() const { return tiles_.size(); }

private:
    struct Tile {
        Layer* layer;
        int x0, y0, width, height;
        std::vector<float> other;  // the values the layer does not hold now, row by row
    };
    void swapTiles();

    std::string name_;
    std::vector<Tile> tiles_;
};

}  // namespace stipple
