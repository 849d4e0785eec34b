#include "core/SurfaceGeodesic.h"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <utility>

namespace stipple {

SurfaceGeodesic::SurfaceGeodesic(const SurfaceProjector& projector) : projector_(projector) {
    const HeadMesh& mesh = projector.mesh();
    const std::size_t n = mesh.positions.size();
    // Join vertices at the same position: sort by position, number the distinct ones.
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    const auto less = [&](std::uint32_t a, std::uint32_t b) {
        const glm::vec3 &p = mesh.positions[a], &q = mesh.positions[b];
        return std::tie(p.x, p.y, p.z) < std::tie(q.x, q.y, q.z);
    };
    std::sort(order.begin(), order.end(), less);
    weld_.assign(n, 0);
    const bool hasNormals = mesh.normals.size() == n;
    for (std::size_t k = 0; k < n; ++k) {
        if (k == 0 || less(order[k - 1], order[k])) {
            positions_.push_back(mesh.positions[order[k]]);
            normals_.push_back(glm::vec3(0.0f));
        }
        weld_[order[k]] = std::uint32_t(positions_.size() - 1);
        if (hasNormals) normals_.back() += mesh.normals[order[k]];
    }
    for (glm::vec3& normal : normals_) normal = glm::length(normal) > 0.0f ? glm::normalize(normal) : glm::vec3(0.0f, 0.0f, 1.0f);

    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(6 * mesh.triangles.size());
    for (const glm::uvec3& t : mesh.triangles)
        for (int corner = 0; corner < 3; ++corner) {
            const std::uint32_t a = weld_[t[corner]], b = weld_[t[(corner + 1) % 3]];
            edges.emplace_back(a, b);
            edges.emplace_back(b, a);
        }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    edgeStart_.assign(positions_.size() + 1, 0);
    for (const auto& e : edges) ++edgeStart_[e.first + 1];
    std::partial_sum(edgeStart_.begin(), edgeStart_.end(), edgeStart_.begin());
    edgeTarget_.reserve(edges.size());
    for (const auto& e : edges) edgeTarget_.push_back(e.second);
}

std::vector<std::uint32_t> SurfaceGeodesic::edgePath(std::uint32_t from, std::uint32_t to) const {
    std::vector<float> distance(positions_.size(), std::numeric_limits<float>::max());
    std::vector<std::uint32_t> previous(positions_.size(), std::numeric_limits<std::uint32_t>::max());
    using Entry = std::pair<float, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
    distance[from] = 0.0f;
    queue.emplace(0.0f, from);
    while (!queue.empty()) {
        const auto [d, v] = queue.top();
        queue.pop();
        if (v == to) break;
        if (d > distance[v]) continue;
        for (std::uint32_t e = edgeStart_[v]; e < edgeStart_[v + 1]; ++e) {
            const std::uint32_t w = edgeTarget_[e];
            const float dw = d + glm::length(positions_[w] - positions_[v]);
            if (dw < distance[w]) {
                distance[w] = dw;
                previous[w] = v;
                queue.emplace(dw, w);
            }
        }
    }
    std::vector<std::uint32_t> path;
    if (from != to && previous[to] == std::numeric_limits<std::uint32_t>::max()) return path;  // not connected
    for (std::uint32_t v = to; v != from; v = previous[v]) path.push_back(v);
    path.push_back(from);
    std::reverse(path.begin(), path.end());
    return path;
}

namespace {

float pathLength(const std::vector<SkinPoint>& points) {
    float length = 0.0f;
    for (std::size_t k = 1; k < points.size(); ++k) length += glm::length(points[k].position - points[k - 1].position);
    return length;
}

// Points every ~spacingMm along the polyline (the ends kept), normals interpolated.
std::vector<SkinPoint> resample(const std::vector<SkinPoint>& points, float spacingMm) {
    const float total = pathLength(points);
    const int steps = std::max(1, int(std::ceil(total / spacingMm)));
    std::vector<SkinPoint> out{points.front()};
    std::size_t k = 1;
    float walked = 0.0f;  // length up to points[k - 1]
    for (int s = 1; s < steps; ++s) {
        const float at = total * float(s) / float(steps);
        float segment = glm::length(points[k].position - points[k - 1].position);
        while (walked + segment < at && k + 1 < points.size()) {
            walked += segment;
            ++k;
            segment = glm::length(points[k].position - points[k - 1].position);
        }
        const float t = segment > 0.0f ? std::clamp((at - walked) / segment, 0.0f, 1.0f) : 0.0f;
        const SkinPoint &a = points[k - 1], &b = points[k];
        out.push_back({a.position + t * (b.position - a.position), glm::normalize(a.normal + t * (b.normal - a.normal)),
                       t < 0.5f ? a.triangle : b.triangle});
    }
    out.push_back(points.back());
    return out;
}

}  // namespace

SkinPath SurfaceGeodesic::shortestPath(const SkinPoint& a, const SkinPoint& b, float* edgeLengthMm) const {
    const HeadMesh& mesh = projector_.mesh();
    const std::uint32_t from = weld_[nearestVertex(mesh, a.position)], to = weld_[nearestVertex(mesh, b.position)];
    std::vector<SkinPoint> points{a};
    for (std::uint32_t v : edgePath(from, to)) points.push_back({positions_[v], normals_[v], 0});
    points.push_back(b);
    if (edgeLengthMm) *edgeLengthMm = pathLength(points);

    // Pull tight, coarse to fine: the coarse passes remove the long detours, the fine ones the
    // short zigzags, each in few iterations.
    for (const float spacing : {8.0f, 4.0f, 2.0f, 1.0f}) {
        points = resample(points, spacing);
        float previous = pathLength(points);
        for (int iteration = 0; iteration < 200 && points.size() > 2; ++iteration) {
            for (std::size_t k = 1; k + 1 < points.size(); ++k) {
                const glm::vec3 mid = 0.5f * (points[k - 1].position + points[k + 1].position);
                if (const auto onSkin = projector_.project(mid, points[k].normal, std::max(2.0f * spacing, 2.0f))) points[k] = *onSkin;
            }
            const float length = pathLength(points);
            if (previous - length < 1e-4f * length) break;
            previous = length;
        }
    }
    return {points, pathLength(points)};
}

}  // namespace stipple
