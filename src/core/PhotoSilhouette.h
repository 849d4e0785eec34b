// The head's outline in a photo and in a view of a mesh, as masks of pixels: what the head fit
// pulls the mesh's outline to (docs/photo-fit.md).
#pragma once

#include "core/HeadMesh.h"
#include "core/PinholeCamera.h"

#include <glm/vec2.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

namespace stipple {

// A mask the size of a picture, row major from the top, nonzero on the head.
struct PixelMask {
    int width = 0, height = 0;
    std::vector<std::uint8_t> inside;
    bool empty() const { return width <= 0 || height <= 0; }
    bool at(int x, int y) const {
        return x >= 0 && y >= 0 && x < width && y < height && inside[std::size_t(y) * std::size_t(width) + std::size_t(x)];
    }
    // Whether the pixel under a position (pixels from the top left corner) is inside.
    bool at(const glm::vec2& p) const { return at(int(std::floor(p.x)), int(std::floor(p.y))); }
    double coverage() const;
};

// A silhouette drawn by hand: white (or any light, opaque) pixels are the head.
PixelMask maskFromImage(const Image& mask);

// The head separated from a background it can be told apart from: the colours along the
// picture's border make the background's model, pixels far from every one of its colours are
// the subject, and the part connected to the landmarks (`seeds`, pixel positions) is kept with
// its holes filled. Works on a plain backdrop; a busy one needs a drawn mask.
PixelMask separateFromBackground(const Image& photo, const std::vector<glm::vec2>& seeds);

// Where `mesh` covers the picture of `camera`, with each covered pixel's depth along the line of
// sight (mm, 0 where uncovered).
struct MeshView {
    PixelMask mask;
    std::vector<float> depth;
};
MeshView rasterizeMesh(const HeadMesh& mesh, const PinholeCamera& camera);

// `mask` at another size, each pixel from the one under its centre.
PixelMask resampled(const PixelMask& mask, int width, int height);

}  // namespace stipple
