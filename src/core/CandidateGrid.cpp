#include "core/CandidateGrid.h"

#include "core/Hash.h"

#include <glm/common.hpp>

#include <algorithm>
#include <stdexcept>

namespace stipple {
namespace {

std::uint32_t hashCell(const glm::ivec3& cell) {
    // Three mixes chained: cheap, and identical in GLSL with uint arithmetic.
    return lowbias32(std::uint32_t(cell.x) ^ lowbias32(std::uint32_t(cell.y) ^ lowbias32(std::uint32_t(cell.z))));
}

glm::ivec3 cellOf(const glm::vec3& p, float cellSize) { return glm::ivec3(glm::floor(p / cellSize)); }

std::uint32_t nextPowerOfTwo(std::uint32_t n) {
    std::uint32_t p = 1;
    while (p < n) p <<= 1;
    return p;
}

}  // namespace

std::uint32_t CandidateGrid::bucketOf(const glm::vec3& positionMm) const {
    return hashCell(cellOf(positionMm, cellSizeMm)) & bucketMask;
}

CandidateGrid buildCandidateGrid(const CandidatePool& pool, float maxDotRadiusMm, float cellSizeMm) {
    if (cellSizeMm < 2.0f * maxDotRadiusMm) throw std::invalid_argument("grid cells must hold a whole dot");
    CandidateGrid grid;
    grid.cellSizeMm = cellSizeMm;
    grid.maxDotRadiusMm = maxDotRadiusMm;
    // A surface crosses about two cells per candidate at these sizes: twice that many buckets
    // keeps collisions rare for 16 bytes per candidate.
    const std::uint32_t buckets = nextPowerOfTwo(std::max<std::uint32_t>(64, 4 * std::uint32_t(pool.size())));
    grid.bucketMask = buckets - 1;

    // Two passes (count, then fill) give a compact, deterministic layout.
    std::vector<std::uint32_t> count(buckets, 0);
    const auto forEachBucket = [&](const Candidate& c, auto&& visit) {
        const glm::ivec3 low = cellOf(c.position - maxDotRadiusMm, cellSizeMm);
        const glm::ivec3 high = cellOf(c.position + maxDotRadiusMm, cellSizeMm);
        // With cells at least a dot wide a dot spans two cells per axis, three where rounding
        // puts its edge exactly on a cell boundary.
        std::uint32_t seen[27];
        int seenCount = 0;
        for (int z = low.z; z <= high.z; ++z)
            for (int y = low.y; y <= high.y; ++y)
                for (int x = low.x; x <= high.x; ++x) {
                    const std::uint32_t bucket = hashCell({x, y, z}) & grid.bucketMask;
                    // Two cells of one dot may share a bucket: enter the dot once.
                    if (std::find(seen, seen + seenCount, bucket) != seen + seenCount) continue;
                    seen[seenCount++] = bucket;
                    visit(bucket);
                }
    };
    for (const Candidate& c : pool.candidates) forEachBucket(c, [&](std::uint32_t b) { ++count[b]; });
    grid.bucketStart.assign(std::size_t(buckets) + 1, 0);
    for (std::uint32_t b = 0; b < buckets; ++b) grid.bucketStart[b + 1] = grid.bucketStart[b] + count[b];
    grid.entries.resize(grid.bucketStart[buckets]);
    std::vector<std::uint32_t> cursor(grid.bucketStart.begin(), grid.bucketStart.end() - 1);
    for (std::uint32_t i = 0; i < pool.size(); ++i)
        forEachBucket(pool.candidates[i], [&](std::uint32_t b) { grid.entries[cursor[b]++] = i; });
    return grid;
}

}  // namespace stipple
