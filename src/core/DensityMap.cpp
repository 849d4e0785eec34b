#include "core/DensityMap.h"

#include "core/Error.h"

#include <algorithm>
#include <cmath>

namespace stipple {

DensityMap::DensityMap(int width, int height, float densityPerCm2) : width_(width), height_(height) {
    if (width <= 0 || height <= 0) throw InputError("a density map needs at least one texel");
    texels_.assign(std::size_t(width) * std::size_t(height), densityPerCm2);
}

float DensityMap::sample(glm::vec2 uv) const {
    const float x = uv.x * float(width_) - 0.5f;
    const float y = uv.y * float(height_) - 0.5f;
    const float x0 = std::floor(x), y0 = std::floor(y);
    const float fx = x - x0, fy = y - y0;
    // Clamp as floats first: uv far outside [0, 1] must not overflow the int conversion.
    const int i0 = int(std::clamp(x0, 0.0f, float(width_ - 1)));
    const int i1 = int(std::clamp(x0 + 1.0f, 0.0f, float(width_ - 1)));
    const int j0 = int(std::clamp(y0, 0.0f, float(height_ - 1)));
    const int j1 = int(std::clamp(y0 + 1.0f, 0.0f, float(height_ - 1)));
    const float bottom = at(i0, j0) + fx * (at(i1, j0) - at(i0, j0));
    const float top = at(i0, j1) + fx * (at(i1, j1) - at(i0, j1));
    return bottom + fy * (top - bottom);
}

}  // namespace stipple
