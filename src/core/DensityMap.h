// DensityMap: how many impressions per cm^2 of skin, painted in UV space.
//
// Sampling is written out by hand (no hardware filtering) so that the GPU scatter can repeat it
// with texelFetch and get the same float, operation for operation:
//   x = u * width - 0.5,  y = v * height - 0.5        texel centres at (i + 0.5) / width
//   x0 = floor(x), fx = x - x0 (same for y)
//   i0 = clamp(x0, 0, width - 1), i1 = clamp(x0 + 1, 0, width - 1) (same for j)  clamp to edge
//   bottom = t(i0, j0) + fx * (t(i1, j0) - t(i0, j0))
//   top    = t(i0, j1) + fx * (t(i1, j1) - t(i0, j1))
//   value  = bottom + fy * (top - bottom)
// Each line is one float operation in this order; the shader must mark them `precise` so no
// fused multiply-add changes the rounding. Texel (i, j) covers v from j / height upwards, which
// is row j of a GL texture uploaded as it is stored here.
#pragma once

#include <glm/vec2.hpp>

#include <vector>

namespace stipple {

// A fresh design's density, impressions per cm^2: the mean natural follicular-unit density
// (about 80) and inside SMP's final layer of 60-100 (docs/smp-facts.md).
constexpr float kDefaultDensityPerCm2 = 80.0f;

class DensityMap {
public:
    // A width x height grid filled with one density (impressions per cm^2).
    DensityMap(int width, int height, float densityPerCm2 = 0.0f);

    // One texel: the same density everywhere.
    static DensityMap uniform(float densityPerCm2) { return DensityMap(1, 1, densityPerCm2); }

    int width() const { return width_; }
    int height() const { return height_; }
    float at(int i, int j) const { return texels_[std::size_t(j) * std::size_t(width_) + std::size_t(i)]; }
    void set(int i, int j, float densityPerCm2) {
        texels_[std::size_t(j) * std::size_t(width_) + std::size_t(i)] = densityPerCm2;
    }
    // Row-major, row j = 0 at v = 0: ready for glTexImage2D.
    const std::vector<float>& texels() const { return texels_; }

    // Bilinear, clamped to the edge; the exact formula is in the header comment.
    float sample(glm::vec2 uv) const;

private:
    int width_;
    int height_;
    std::vector<float> texels_;
};

}  // namespace stipple
