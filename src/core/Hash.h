// Integer hashes that a GLSL shader reproduces exactly: 32-bit unsigned arithmetic with
// wrap-around multiply and shifts only, no floating point until the final conversion.
#pragma once

#include <cstdint>

namespace stipple {

// "lowbias32" (Chris Wellons, hash-prospector): a bijective 32-bit mixer with very low bias.
// GLSL: x ^= x >> 16u; x *= 0x7feb352du; x ^= x >> 15u; x *= 0x846ca68bu; x ^= x >> 16u;
constexpr std::uint32_t lowbias32(std::uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

// A float in [0, 1) from the top 24 bits of a hash. Exact in float, so the GPU gets the same
// value: float(h >> 8u) * (1.0 / 16777216.0).
constexpr float hashToUnitFloat(std::uint32_t h) {
    return float(h >> 8) * (1.0f / 16777216.0f);
}

}  // namespace stipple
