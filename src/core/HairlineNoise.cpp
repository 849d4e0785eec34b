#include "core/HairlineNoise.h"

#include "core/Hash.h"

#include <cmath>

namespace stipple {
namespace {

float fade(float t) { return t * t * t * (t * (t * 6.0f - 15.0f) + 10.0f); }
float lerp(float a, float b, float t) { return a + t * (b - a); }

}  // namespace

float HairlineNoise::gradientDot(int x, int y, int z, const glm::vec3& offset) const {
    std::uint32_t h = lowbias32(seed_ ^ 0x9e3779b9u);
    h = lowbias32(h ^ std::uint32_t(x));
    h = lowbias32(h ^ std::uint32_t(y));
    h = lowbias32(h ^ std::uint32_t(z));
    // Perlin's twelve edge directions of a cube.
    switch (h % 12u) {
        case 0: return offset.x + offset.y;
        case 1: return -offset.x + offset.y;
        case 2: return offset.x - offset.y;
        case 3: return -offset.x - offset.y;
        case 4: return offset.x + offset.z;
        case 5: return -offset.x + offset.z;
        case 6: return offset.x - offset.z;
        case 7: return -offset.x - offset.z;
        case 8: return offset.y + offset.z;
        case 9: return -offset.y + offset.z;
        case 10: return offset.y - offset.z;
        default: return -offset.y - offset.z;
    }
}

float HairlineNoise::operator()(const glm::vec3& p) const {
    const glm::vec3 cell(std::floor(p.x), std::floor(p.y), std::floor(p.z));
    const int x = int(cell.x), y = int(cell.y), z = int(cell.z);
    const glm::vec3 f = p - cell;
    const float u = fade(f.x), v = fade(f.y), w = fade(f.z);
    const auto corner = [&](int dx, int dy, int dz) {
        return gradientDot(x + dx, y + dy, z + dz, f - glm::vec3(float(dx), float(dy), float(dz)));
    };
    const float x00 = lerp(corner(0, 0, 0), corner(1, 0, 0), u), x10 = lerp(corner(0, 1, 0), corner(1, 1, 0), u);
    const float x01 = lerp(corner(0, 0, 1), corner(1, 0, 1), u), x11 = lerp(corner(0, 1, 1), corner(1, 1, 1), u);
    return lerp(lerp(x00, x10, v), lerp(x01, x11, v), w);
}

}  // namespace stipple
