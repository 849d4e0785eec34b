// Measures of how well points are spread, distances in 3D (mm). Each runs in about O(N) through
// a spatial grid, so they are cheap enough for tests and the benchmark on full pools.
#pragma once

#include <glm/vec3.hpp>

#include <vector>

namespace stipple {

// Distance from each point to its nearest other point; infinity for a lone point.
std::vector<float> nearestNeighbourDistancesMm(const std::vector<glm::vec3>& points);

// Smallest distance between any two points; infinity for fewer than two.
float minimumDistanceMm(const std::vector<glm::vec3>& points);

// Relative radius rho = (minimum distance / 2) / r_max with r_max = sqrt(A / (2 sqrt(3) N)), the
// radius of N discs packed hexagonally over the area A (Lagae and Dutre 2008). 1 is a hexagonal
// grid; blue noise that still looks random sits at about 0.70-0.85. 0 for fewer than two points.
double relativeRadius(const std::vector<glm::vec3>& points, double areaMm2);

// Mean distance to the nearest neighbour; at one point per mm^2 uniform random gives 0.5 mm,
// a hexagonal grid 1.07 mm. 0 for fewer than two points.
double meanNearestNeighbourMm(const std::vector<glm::vec3>& points);

}  // namespace stipple
