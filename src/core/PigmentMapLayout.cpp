#include "core/PigmentMapLayout.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <utility>

namespace stipple {

ScalpTexelSizes scalpTexelSizes(const HeadMesh& mesh, int size) {
    std::vector<std::pair<float, float>> texels;  // (texel mm, area mm^2)
    float scalpArea = 0.0f;
    for (std::size_t t = 0; t < mesh.triangles.size(); ++t) {
        if (triangleScalpWeight(mesh, t) <= 0.0f) continue;
        const glm::uvec3& tri = mesh.triangles[t];
        const glm::vec2 e1 = mesh.uvs[tri.y] - mesh.uvs[tri.x], e2 = mesh.uvs[tri.z] - mesh.uvs[tri.x];
        const float uvArea = 0.5f * std::abs(e1.x * e2.y - e1.y * e2.x);
        if (uvArea <= 0.0f) continue;
        const float area = triangleArea(mesh, t);
        texels.emplace_back(std::sqrt(area / uvArea) / float(size), area);
        scalpArea += area;
    }
    std::sort(texels.begin(), texels.end());
    ScalpTexelSizes sizes;
    if (texels.empty()) return sizes;
    sizes.finestMm = texels.front().first;
    sizes.coarsestMm = texels.back().first;
    float areaBelow = 0.0f;
    for (const auto& [texelMm, area] : texels) {
        sizes.medianMm = texelMm;
        areaBelow += area;
        if (areaBelow >= 0.5f * scalpArea) break;
    }
    return sizes;
}

PaddingPairs paddingPairs(const std::vector<std::uint8_t>& covered, int size, int paddingTexels) {
    // Breadth-first from the islands' edge texels. Only the edges seed the search: an interior
    // texel is never the nearest to anything outside.
    const int n = size;
    const std::size_t texels = std::size_t(n) * std::size_t(n);
    constexpr std::uint8_t kUnreached = 255;
    std::vector<std::uint8_t> distance(texels, kUnreached);
    for (std::size_t i = 0; i < texels; ++i)
        if (covered[i]) distance[i] = 0;
    struct Step {
        std::int32_t texel, source;
    };
    std::deque<Step> queue;
    const int neighbours[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    const auto outside = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < n && y < n && distance[std::size_t(y) * std::size_t(n) + std::size_t(x)] != 0;
    };
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const std::int32_t i = y * n + x;
            if (distance[std::size_t(i)] != 0) continue;
            for (const auto& d : neighbours)
                if (outside(x + d[0], y + d[1])) {
                    queue.push_back({i, i});
                    break;
                }
        }
    const auto pack = [n](std::int32_t texel) { return std::uint32_t(texel % n) | std::uint32_t(texel / n) << 16; };
    std::vector<glm::uvec2> pairs;
    while (!queue.empty()) {
        const Step step = queue.front();
        queue.pop_front();
        if (distance[std::size_t(step.texel)] >= paddingTexels) continue;
        const int x = step.texel % n, y = step.texel / n;
        for (const auto& d : neighbours) {
            const int nx = x + d[0], ny = y + d[1];
            if (nx < 0 || ny < 0 || nx >= n || ny >= n) continue;
            const std::int32_t j = ny * n + nx;
            if (distance[std::size_t(j)] != kUnreached) continue;
            distance[std::size_t(j)] = std::uint8_t(distance[std::size_t(step.texel)] + 1);
            queue.push_back({j, step.source});
            pairs.emplace_back(pack(j), pack(step.source));
        }
    }
    // Grouped by the target's row (a counting sort).
    PaddingPairs result;
    result.rowStart.assign(std::size_t(n) + 1, 0);
    for (const glm::uvec2& pair : pairs) ++result.rowStart[(pair.x >> 16) + 1];
    for (int row = 0; row < n; ++row) result.rowStart[std::size_t(row) + 1] += result.rowStart[std::size_t(row)];
    result.pairs.resize(pairs.size());
    std::vector<std::uint32_t> next(result.rowStart.begin(), result.rowStart.end() - 1);
    for (const glm::uvec2& pair : pairs) result.pairs[next[pair.x >> 16]++] = pair;
    return result;
}

}  // namespace stipple
