// CandidatePool: every place an impression may ever go on one head, in progressive order.
//
// The pool covers the scalp (every triangle with any scalp weight above zero) uniformly by 3D
// area at the maximum density. It is ordered so that every prefix is blue noise: the first
// N * d / maxDensity candidates are the impressions of a uniform density d. The scatter then
// only thresholds ranks (see Scatter.h), which keeps impressions still while the design changes.
// docs/scatter.md explains the ordering (decreasing-radius dart throwing) and its figures.
#pragma once

#include "core/HeadMesh.h"

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace stipple {

// Bump whenever the same mesh and parameters would give a different pool: cached pools go stale.
constexpr std::uint32_t kCandidatePoolAlgorithmVersion = 2;

struct PoolParams {
    float maxDensityPerCm2 = 200.0f;  // the pool holds area * maxDensity candidates
    std::uint32_t seed = 1;
};

struct Candidate {
    std::uint32_t triangle = 0;
    glm::vec2 barycentric{0.0f};  // weights of the triangle's second and third corners
    glm::vec2 uv{0.0f};
    glm::vec3 position{0.0f};     // mm, model space
    glm::vec3 normal{0.0f};       // unit, interpolated from the vertex normals
    float scalpWeight = 0.0f;     // interpolated from the corners, 0..1
    float rank = 0.0f;            // index / count: the fraction of maxDensity that activates it
};

struct CandidatePool {
    PoolParams params;
    double areaMm2 = 0.0;               // 3D area the pool covers (triangles with scalp weight > 0)
    std::vector<Candidate> candidates;  // progressive order, rank ascending

    std::size_t size() const { return candidates.size(); }
    // How many leading candidates a uniform density activates (ignoring the scalp weight).
    std::size_t prefixSize(float densityPerCm2) const;
};

// Hooks for building off the UI thread. Both are optional.
struct PoolProgress {
    std::function<void(float)> onProgress;  // fraction done, 0..1, called on the building thread
    const std::atomic<bool>* cancel = nullptr;
};

// Builds the pool; the same mesh and parameters always give the same pool. Returns nullopt when
// cancelled. A mesh without scalp weights gives an empty pool.
std::optional<CandidatePool> buildCandidatePool(const HeadMesh& mesh, const PoolParams& params = {},
                                                const PoolProgress& progress = {});

}  // namespace stipple
