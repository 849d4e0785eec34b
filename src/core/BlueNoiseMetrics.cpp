#include "core/BlueNoiseMetrics.h"

#include "core/HeadMesh.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace stipple {

namespace {

// Points sorted by cell, with a hash from cell to its run of points. Built once, read only.
class StaticGrid {
public:
    explicit StaticGrid(const std::vector<glm::vec3>& points) : points_(points) {
        const Bounds bounds = computeBounds(points);
        const glm::vec3 e = bounds.size();
        // The points lie on a surface: the box's surface area over N gives about one or two
        // points per cell, whatever the units.
        const float boxArea = 2.0f * (e.x * e.y + e.y * e.z + e.z * e.x);
        cellSize_ = std::max(std::sqrt(boxArea / float(points.size())), 1e-6f * (e.x + e.y + e.z) + 1e-12f);
        origin_ = bounds.min;
        dims_ = glm::ivec3(e / cellSize_) + 1;

        order_.resize(points.size());
        std::iota(order_.begin(), order_.end(), 0u);
        std::vector<std::uint64_t> keys(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) keys[i] = keyOf(cellOf(points[i]));
        std::sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
            return keys[a] != keys[b] ? keys[a] < keys[b] : a < b;
        });
        std::size_t capacity = 16;
        while (capacity < 2 * points.size()) capacity *= 2;
        mask_ = capacity - 1;
        slotKeys_.assign(capacity, kEmpty);
        slotBegin_.resize(capacity);
        slotEnd_.resize(capacity);
        for (std::size_t i = 0; i < order_.size();) {
            std::size_t j = i;
            while (j < order_.size() && keys[order_[j]] == keys[order_[i]]) ++j;
            const std::size_t slot = findSlot(keys[order_[i]]);
            slotKeys_[slot] = keys[order_[i]];
            slotBegin_[slot] = std::uint32_t(i);
            slotEnd_[slot] = std::uint32_t(j);
            i = j;
        }
    }

    // Squared distance from point `index` to its nearest other point, searching rings of cells
    // outwards until no farther ring can hold anything closer.
    float nearestDistance2(std::size_t index) const {
        const glm::vec3& p = points_[index];
        const glm::ivec3 centre = cellOf(p);
        const int maxRing = std::max({dims_.x, dims_.y, dims_.z});
        float best = std::numeric_limits<float>::infinity();
        for (int ring = 0; ring <= maxRing; ++ring) {
            for (int z = centre.z - ring; z <= centre.z + ring; ++z)
                for (int y = centre.y - ring; y <= centre.y + ring; ++y)
                    for (int x = centre.x - ring; x <= centre.x + ring; ++x) {
                        const glm::ivec3 offset = glm::abs(glm::ivec3(x, y, z) - centre);
                        if (std::max({offset.x, offset.y, offset.z}) != ring) continue;  // inner rings done
                        if (x < 0 || y < 0 || z < 0 || x >= dims_.x || y >= dims_.y || z >= dims_.z) continue;
                        const std::uint64_t key = keyOf({x, y, z});
                        const std::size_t slot = findSlot(key);
                        if (slotKeys_[slot] != key) continue;
                        for (std::uint32_t k = slotBegin_[slot]; k < slotEnd_[slot]; ++k) {
                            if (order_[k] == index) continue;
                            const glm::vec3 d = points_[order_[k]] - p;
                            best = std::min(best, glm::dot(d, d));
                        }
                    }
            // Anything in ring + 1 or beyond is at least ring cells away.
            const float reach = float(ring) * cellSize_;
            if (best <= reach * reach) break;
        }
        return best;
    }

private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0);

    glm::ivec3 cellOf(const glm::vec3& p) const {
        return glm::clamp(glm::ivec3(glm::floor((p - origin_) / cellSize_)), glm::ivec3(0), dims_ - 1);
    }
    static std::uint64_t keyOf(const glm::ivec3& c) {
        return (std::uint64_t(std::uint32_t(c.x) & 0x1fffffU) << 42) |
               (std::uint64_t(std::uint32_t(c.y) & 0x1fffffU) << 21) | (std::uint32_t(c.z) & 0x1fffffU);
    }
    std::size_t findSlot(std::uint64_t key) const {
        std::size_t slot = std::size_t((key * 0x9e3779b97f4a7c15ULL) >> 20) & mask_;
        while (slotKeys_[slot] != kEmpty && slotKeys_[slot] != key) slot = (slot + 1) & mask_;
        return slot;
    }

    const std::vector<glm::vec3>& points_;
    float cellSize_ = 1.0f;
    glm::vec3 origin_{0.0f};
    glm::ivec3 dims_{1};
    std::vector<std::uint32_t> order_;
    std::vector<std::uint64_t> slotKeys_;
    std::vector<std::uint32_t> slotBegin_, slotEnd_;
    std::size_t mask_ = 0;
};

}  // namespace

std::vector<float> nearestNeighbourDistancesMm(const std::vector<glm::vec3>& points) {
    std::vector<float> distances(points.size(), std::numeric_limits<float>::infinity());
    if (points.size() < 2) return distances;
    const StaticGrid grid(points);
    for (std::size_t i = 0; i < points.size(); ++i) distances[i] = std::sqrt(grid.nearestDistance2(i));
    return distances;
}

float minimumDistanceMm(const std::vector<glm::vec3>& points) {
    const std::vector<float> distances = nearestNeighbourDistancesMm(points);
    return distances.empty() ? std::numeric_limits<float>::infinity()
                             : *std::min_element(distances.begin(), distances.end());
}

double relativeRadius(const std::vector<glm::vec3>& points, double areaMm2) {
    if (points.size() < 2 || !(areaMm2 > 0.0)) return 0.0;
    const double rMax = std::sqrt(areaMm2 / (2.0 * std::sqrt(3.0) * double(points.size())));
    return 0.5 * double(minimumDistanceMm(points)) / rMax;
}

double meanNearestNeighbourMm(const std::vector<glm::vec3>& points) {
    if (points.size() < 2) return 0.0;
    const std::vector<float> distances = nearestNeighbourDistancesMm(points);
    double sum = 0.0;
    for (float d : distances) sum += double(d);
    return sum / double(points.size());
}

}  // namespace stipple
