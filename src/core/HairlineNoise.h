// HairlineNoise: deterministic 3D gradient noise for the hairline's irregularity.
//
// A natural hairline is irregular at a micro scale (a few mm) and a macro scale (1-2 cm)
// (SMP-FACTS, hairline design). Sampling the noise at the skin point in 3D, not in UV, keeps it
// continuous across UV seams and independent of the map's stretch. Perlin's gradient noise with
// the lattice hashed by lowbias32 (Hash.h) and the seed: the same seed gives the same hairline on
// every machine, a new seed a new one; no global random state.
#pragma once

#include <glm/vec3.hpp>

#include <cstdint>

namespace stipple {

class HairlineNoise {
public:
    explicit HairlineNoise(std::uint32_t seed) : seed_(seed) {}

    // Smooth noise of about unit feature size: 0 at every lattice point, within about +-1,
    // standard deviation about 0.2 to 0.25.
    float operator()(const glm::vec3& p) const;

private:
    float gradientDot(int x, int y, int z, const glm::vec3& offset) const;

    std::uint32_t seed_;
};

}  // namespace stipple
