// The head that ships with Stipple (assets/heads/default, made by tools/make_default_head.sh).
#include "core/HeadMesh.h"
#include "io/MeshLoader.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <cmath>
#include <unordered_map>
#include <vector>

using namespace stipple;

namespace {

// Nearest-vertex queries over a uniform grid of `cell` mm: the mesh has ~70k vertices.
class VertexGrid {
public:
    VertexGrid(const std::vector<glm::vec3>& positions, float cell) : positions_(positions), cell_(cell) {
        for (std::size_t i = 0; i < positions.size(); ++i) cells_[key(cellOf(positions[i]))].push_back(i);
    }
    float distanceToNearest(const glm::vec3& p) const {
        const glm::ivec3 c = cellOf(p);
        float best = std::numeric_limits<float>::max();
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy)
                for (int dz = -1; dz <= 1; ++dz) {
                    const auto it = cells_.find(key(c + glm::ivec3(dx, dy, dz)));
                    if (it == cells_.end()) continue;
                    for (std::size_t i : it->second) best = std::min(best, glm::length(positions_[i] - p));
                }
        return best;
    }

private:
    glm::ivec3 cellOf(const glm::vec3& p) const { return glm::ivec3(glm::floor(p / cell_)); }
    static long long key(const glm::ivec3& c) {
        return (long long)(c.x + 1024) << 42 | (long long)(c.y + 1024) << 21 | (long long)(c.z + 1024);
    }
    const std::vector<glm::vec3>& positions_;
    float cell_;
    std::unordered_map<long long, std::vector<std::size_t>> cells_;
};

const HeadMesh& defaultHead() {
    static const HeadMesh head = loadHeadMesh(defaultHeadPath());
    return head;
}

glm::vec3 mirrored(const glm::vec3& p) { return p * glm::vec3(-1.0f, 1.0f, 1.0f); }

}  // namespace

TEST_CASE("the default head loads with its sidecar", "[default-head]") {
    LoadReport report;
    const HeadMesh head = loadHeadMesh(defaultHeadPath(), {}, &report);
    CHECK(report.metadataFound);
    CHECK(report.millimetresPerUnit == 1.0f);
    CHECK_FALSE(head.landmarks.estimated);
    CHECK(head.scalpWeight.size() == head.vertexCount());
    CHECK(head.normals.size() == head.vertexCount());
    CHECK(head.triangleCount() >= 50000);
    CHECK(head.triangleCount() <= 150000);
}

TEST_CASE("the default head is an adult head in millimetres, face to +Z, mirror-symmetric", "[default-head]") {
    const HeadMesh& head = defaultHead();
    const Landmarks& l = head.landmarks;
    const Bounds bounds = computeBounds(head.positions);
    // Skull width between the ears (the ears stick out further), length glabella to back.
    CHECK(bounds.size().x > 140.0f);
    CHECK(bounds.size().x < 200.0f);
    CHECK(l.glabella.z - bounds.min.z > 180.0f);
    CHECK(l.glabella.z - bounds.min.z < 215.0f);
    // Vertex to glabella ~ 8-10 cm; the nose (max z) in front, the neck at the bottom.
    CHECK(l.vertex.y - l.glabella.y > 70.0f);
    CHECK(l.vertex.y - l.glabella.y < 110.0f);
    CHECK(bounds.max.z > l.glabella.z);
    CHECK(bounds.size().y > 220.0f);
    CHECK(bounds.size().y < 320.0f);
    CHECK(std::abs(bounds.center().x) < 0.5f);

    const VertexGrid grid(head.positions, 4.0f);
    float worst = 0.0f;
    for (std::size_t i = 0; i < head.vertexCount(); i += 5) worst = std::max(worst, grid.distanceToNearest(mirrored(head.positions[i])));
    CHECK(worst < 0.5f);
}

TEST_CASE("the default head's UVs fill the unit square without overlapping, the scalp taking most", "[default-head]") {
    const HeadMesh& head = defaultHead();
    for (const glm::vec2& uv : head.uvs) {
        REQUIRE(uv.x >= 0.0f);
        REQUIRE(uv.x <= 1.0f);
        REQUIRE(uv.y >= 0.0f);
        REQUIRE(uv.y <= 1.0f);
    }
    // Overlap shows as folded (clockwise) triangles or as more total area than the square holds.
    double total = 0.0, scalp = 0.0;
    std::size_t folded = 0;
    for (std::size_t t = 0; t < head.triangleCount(); ++t) {
        const glm::uvec3& tri = head.triangles[t];
        const glm::vec2 a = head.uvs[tri.x], b = head.uvs[tri.y], c = head.uvs[tri.z];
        const double area = 0.5 * double((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
        if (area < 0.0) ++folded;
        total += std::abs(area);
        if (triangleScalpWeight(head, t) > 0.0f) scalp += area;
    }
    CHECK(folded == 0);
    CHECK(total <= 1.0);
    CHECK(total > 0.7);
    CHECK(scalp > 0.5);
}

TEST_CASE("the default head's landmarks lie on its surface where anatomy puts them", "[default-head]") {
    const HeadMesh& head = defaultHead();
    const Landmarks& l = head.landmarks;
    const Bounds bounds = computeBounds(head.positions);
    for (const glm::vec3& p : {l.glabella, l.lateralCanthusLeft, l.lateralCanthusRight, l.earCanalLeft, l.earCanalRight, l.vertex})
        CHECK(glm::length(head.positions[nearestVertex(head, p)] - p) < 1.0f);
    CHECK(std::abs(l.glabella.x) < 1.0f);
    CHECK(l.glabella.z > bounds.max.z - 30.0f);
    CHECK(l.vertex.y > bounds.max.y - 1.0f);
    CHECK(std::abs(l.vertex.x) < 1.0f);
    // Canthi and ear canals: mirror images, the canthi below the brows and ~9 cm apart.
    CHECK(glm::length(mirrored(l.lateralCanthusLeft) - l.lateralCanthusRight) < 1.0f);
    CHECK(glm::length(mirrored(l.earCanalLeft) - l.earCanalRight) < 1.0f);
    CHECK(l.lateralCanthusLeft.x - l.lateralCanthusRight.x > 75.0f);
    CHECK(l.lateralCanthusLeft.x - l.lateralCanthusRight.x < 110.0f);
    CHECK(l.lateralCanthusLeft.y < l.glabella.y);
    CHECK(l.lateralCanthusLeft.z < l.glabella.z);
    // Ear canals behind the eyes, on the sides, below the brows.
    CHECK(l.earCanalLeft.x > 55.0f);
    CHECK(l.earCanalLeft.z < l.lateralCanthusLeft.z - 50.0f);
    CHECK(l.earCanalLeft.y < l.glabella.y);
}

TEST_CASE("the default head's scalp covers the hair-bearing skin only", "[default-head]") {
    const HeadMesh& head = defaultHead();
    const Landmarks& l = head.landmarks;
    // A whole adult scalp is about 775 cm^2 (SMP-FACTS); this head's region stops at the nape
    // and keeps clear of the ears, see docs/head-format.md.
    const double area = scalpAreaCm2(head);
    CHECK(area > 500.0);
    CHECK(area < 800.0);
    for (const glm::vec3& p : {l.glabella, l.lateralCanthusLeft, l.lateralCanthusRight, l.earCanalLeft, l.earCanalRight})
        CHECK(head.scalpWeight[nearestVertex(head, p)] == 0.0f);
    CHECK(head.scalpWeight[nearestVertex(head, l.vertex)] == 1.0f);
    const Bounds bounds = computeBounds(head.positions);
    for (std::size_t i = 0; i < head.vertexCount(); ++i) {
        const glm::vec3& p = head.positions[i];
        if (p.y > l.vertex.y - 25.0f) REQUIRE(head.scalpWeight[i] == 1.0f);          // the top
        if (p.y < l.glabella.y && p.z > l.lateralCanthusLeft.z - 10.0f) REQUIRE(head.scalpWeight[i] == 0.0f);  // the face
        if (p.y < bounds.min.y + 40.0f) REQUIRE(head.scalpWeight[i] == 0.0f);         // the neck
        if (std::abs(p.x) > std::abs(l.earCanalLeft.x) + 8.0f) REQUIRE(head.scalpWeight[i] == 0.0f);  // the ears
    }
    // The back of the head down to the nape, a little below the ear canals.
    std::size_t back = nearestVertex(head, glm::vec3(0.0f, l.earCanalLeft.y, bounds.min.z));
    CHECK(head.scalpWeight[back] == 1.0f);
}
