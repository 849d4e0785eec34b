// The surface atlas (texel -> skin point, padding, 3D queries) and the raycaster, against
// brute force.
#include "PaintSupport.h"
#include "TestHeads.h"

#include "core/Brush.h"
#include "core/MeshRaycaster.h"
#include "core/SurfaceAtlas.h"
#include "io/MeshLoader.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include <cmath>
#include <random>
#include <set>

using namespace stipple;
using testheads::Head;

namespace {

const HeadMesh& defaultHead() {
    static const HeadMesh head = loadHeadMesh(defaultHeadPath());
    return head;
}

// Barycentric point-in-triangle in double, over the triangles binned by their UV boxes: the
// texel centre's triangle, or none.
class ReferenceRasteriser {
public:
    ReferenceRasteriser(const HeadMesh& mesh, int width, int height) : mesh_(mesh), width_(width), height_(height) {
        bins_.resize(std::size_t(width * height));
        for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
            const glm::uvec3& tri = mesh.triangles[t];
            const glm::vec2 lo = glm::min(mesh.uvs[tri.x], glm::min(mesh.uvs[tri.y], mesh.uvs[tri.z]));
            const glm::vec2 hi = glm::max(mesh.uvs[tri.x], glm::max(mesh.uvs[tri.y], mesh.uvs[tri.z]));
            for (int j = std::max(0, int(lo.y * float(height)) - 1); j <= std::min(height - 1, int(hi.y * float(height)) + 1); ++j)
                for (int i = std::max(0, int(lo.x * float(width)) - 1); i <= std::min(width - 1, int(hi.x * float(width)) + 1); ++i)
                    bins_[std::size_t(j * width + i)].push_back(t);
        }
    }
    bool texel(int i, int j, glm::dvec3& position) const {
        const glm::dvec2 p((double(i) + 0.5) / double(width_), (double(j) + 0.5) / double(height_));
        for (std::size_t t : bins_[std::size_t(j * width_ + i)]) {
            const glm::uvec3& tri = mesh_.triangles[t];
            const glm::dvec2 a(mesh_.uvs[tri.x]), b(mesh_.uvs[tri.y]), c(mesh_.uvs[tri.z]);
            const double det = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
            if (det == 0.0) continue;
            const double s = ((p.x - a.x) * (c.y - a.y) - (c.x - a.x) * (p.y - a.y)) / det;
            const double u = ((b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y)) / det;
            if (s < -1e-9 || u < -1e-9 || s + u > 1.0 + 1e-9) continue;
            position = (1.0 - s - u) * glm::dvec3(mesh_.positions[tri.x]) + s * glm::dvec3(mesh_.positions[tri.y]) +
                       u * glm::dvec3(mesh_.positions[tri.z]);
            return true;
        }
        return false;
    }

private:
    const HeadMesh& mesh_;
    int width_, height_;
    std::vector<std::vector<std::size_t>> bins_;
};

}  // namespace

TEST_CASE("atlas texels lie where the UV map puts them on the skin", "[paint][atlas]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    const SurfaceAtlas atlas(mesh, 96, 64);
    const ReferenceRasteriser reference(mesh, 96, 64);
    // The lat-long head covers the whole square: every texel is its own source.
    CHECK(atlas.coveredCount() == atlas.texelCount());
    for (int j = 0; j < atlas.height(); j += 3)
        for (int i = 0; i < atlas.width(); i += 2) {
            glm::dvec3 expected(0.0);
            REQUIRE(reference.texel(i, j, expected));
            const std::size_t texel = atlas.index(i, j);
            REQUIRE(glm::length(glm::dvec3(atlas.position(texel)) - expected) < 1e-3);
            const glm::uvec3& tri = mesh.triangles[atlas.triangle(texel)];
            // The texel's point lies in its triangle's plane and box.
            const glm::vec3 n = glm::normalize(glm::cross(mesh.positions[tri.y] - mesh.positions[tri.x], mesh.positions[tri.z] - mesh.positions[tri.x]));
            REQUIRE(std::abs(glm::dot(atlas.position(texel) - mesh.positions[tri.x], n)) < 1e-3f);
        }
}

TEST_CASE("texels outside the UV islands copy their nearest island texel", "[paint][atlas][default-head]") {
    const HeadMesh& mesh = defaultHead();
    const int size = 128, padTexels = 3;
    const SurfaceAtlas atlas(mesh, size, size, padTexels);
    const ReferenceRasteriser reference(mesh, size, size);
    std::size_t padded = 0, empty = 0, differ = 0;
    for (int j = 0; j < size; ++j)
        for (int i = 0; i < size; ++i) {
            const std::size_t texel = atlas.index(i, j);
            glm::dvec3 expected(0.0);
            const bool inside = reference.texel(i, j, expected);
            // Coverage agrees with the reference except for centres within rounding of an edge.
            if (inside != atlas.covered(texel)) {
                ++differ;
                REQUIRE(atlas.source(texel) != SurfaceAtlas::kNone);
                continue;
            }
            if (inside) {
                REQUIRE(glm::length(glm::dvec3(atlas.position(texel)) - expected) < 1e-3);
                continue;
            }
            // Nearest covered texel by texel distance, within padTexels.
            int best = 1 << 30;
            for (int y = std::max(0, j - padTexels); y <= std::min(size - 1, j + padTexels); ++y)
                for (int x = std::max(0, i - padTexels); x <= std::min(size - 1, i + padTexels); ++x)
                    if (atlas.covered(atlas.index(x, y))) best = std::min(best, (x - i) * (x - i) + (y - j) * (y - j));
            if (best == 1 << 30) {
                CHECK(atlas.source(texel) == SurfaceAtlas::kNone);
                ++empty;
                continue;
            }
            ++padded;
            const std::uint32_t from = atlas.source(texel);
            REQUIRE(from != SurfaceAtlas::kNone);
            REQUIRE(atlas.covered(from));
            const int fx = int(from % std::uint32_t(size)), fy = int(from / std::uint32_t(size));
            REQUIRE((fx - i) * (fx - i) + (fy - j) * (fy - j) == best);
            REQUIRE(atlas.position(texel) == atlas.position(from));
            REQUIRE(std::find(atlas.padsBegin(from), atlas.padsEnd(from), std::uint32_t(texel)) != atlas.padsEnd(from));
        }
    CHECK(differ < 5);
    CHECK(padded > 100);
    CHECK(empty > 0);  // the default head's packing leaves space beside the islands
    // pad() copies every island texel's value to its pads.
    std::vector<float> values(atlas.texelCount(), -1.0f);
    for (std::size_t texel = 0; texel < values.size(); ++texel)
        if (atlas.covered(texel)) values[texel] = float(texel);
    atlas.pad(values);
    for (std::size_t texel = 0; texel < values.size(); ++texel)
        if (atlas.source(texel) != SurfaceAtlas::kNone) REQUIRE(values[texel] == float(atlas.source(texel)));
}

TEST_CASE("the atlas finds exactly the texels near a segment", "[paint][atlas]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    const SurfaceAtlas atlas(mesh, 256, 192);
    std::mt19937 rng(3);
    std::uniform_int_distribution<std::size_t> pick(0, atlas.texelCount() - 1);
    std::uniform_real_distribution<float> offset(-20.0f, 20.0f), radius(0.5f, 25.0f);
    for (int trial = 0; trial < 20; ++trial) {
        const glm::vec3 a = atlas.position(pick(rng));
        const glm::vec3 b = trial % 4 == 0 ? a : a + glm::vec3(offset(rng), offset(rng), offset(rng));
        const float r = radius(rng);
        std::set<std::size_t> found;
        atlas.forEachTexelNear(a, b, r, [&](std::size_t texel, float d2) {
            REQUIRE(found.insert(texel).second);  // each texel once
            REQUIRE(d2 == Approx(squaredDistanceToSegment(atlas.position(texel), a, b)));
        });
        std::set<std::size_t> expected;
        for (std::size_t texel = 0; texel < atlas.texelCount(); ++texel)
            if (painttest::segmentDistance(atlas.position(texel), a, b) < double(r) - 1e-4) expected.insert(texel);
        for (std::size_t texel : expected) REQUIRE(found.count(texel) == 1);
        for (std::size_t texel : found) REQUIRE(painttest::segmentDistance(atlas.position(texel), a, b) < double(r) + 1e-4);
        CHECK(!found.empty());
    }
}

TEST_CASE("the raycaster finds the nearest hit, as testing every triangle does", "[paint][raycast]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Bumpy);
    const MeshRaycaster raycaster(mesh);
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
    int hits = 0;
    for (int trial = 0; trial < 300; ++trial) {
        const glm::vec3 origin(150.0f * unit(rng), 150.0f * unit(rng), 150.0f * unit(rng));
        const glm::vec3 target(60.0f * unit(rng), 60.0f * unit(rng), 60.0f * unit(rng));
        const glm::vec3 dir = glm::normalize(target - origin);
        // Brute force in double: Möller–Trumbore on every triangle.
        double best = std::numeric_limits<double>::max();
        std::size_t bestTriangle = 0;
        for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
            const glm::uvec3& tri = mesh.triangles[t];
            const glm::dvec3 a(mesh.positions[tri.x]), e1 = glm::dvec3(mesh.positions[tri.y]) - a, e2 = glm::dvec3(mesh.positions[tri.z]) - a;
            const glm::dvec3 p = glm::cross(glm::dvec3(dir), e2);
            const double det = glm::dot(e1, p);
            if (std::abs(det) < 1e-15) continue;
            const glm::dvec3 s = glm::dvec3(origin) - a, q = glm::cross(s, e1);
            const double u = glm::dot(s, p) / det, v = glm::dot(glm::dvec3(dir), q) / det, dist = glm::dot(e2, q) / det;
            if (u < 0.0 || v < 0.0 || u + v > 1.0 || dist < 0.0 || dist >= best) continue;
            best = dist;
            bestTriangle = t;
        }
        const auto hit = raycaster.intersect(origin, target - origin);
        if (best == std::numeric_limits<double>::max()) {
            CHECK_FALSE(hit);
            continue;
        }
        ++hits;
        REQUIRE(hit);
        REQUIRE(hit->distanceMm == Approx(best).margin(1e-3));
        if (hit->triangle != bestTriangle) REQUIRE(std::abs(double(hit->distanceMm) - best) < 1e-3);  // an edge shared by two
        REQUIRE(glm::length(hit->point - (origin + float(best) * dir)) < 1e-2f);
        REQUIRE(glm::length(hit->normal) == Approx(1.0f));
        REQUIRE(glm::dot(hit->normal, hit->faceNormal) > 0.5f);
        // Nothing is found when the ray stops short of the hit.
        CHECK_FALSE(raycaster.intersect(origin, dir, float(best) * 0.99f));
    }
    CHECK(hits > 100);
}

TEST_CASE("dabs are allowed only where the skin faces the viewer within 80 degrees", "[paint][raycast]") {
    const glm::vec3 up(0.0f, 1.0f, 0.0f);
    CHECK(dabAllowed(up, {0.0f, -1.0f, 0.0f}));                       // straight on
    CHECK(dabAllowed(up, {std::sin(glm::radians(79.0f)), -std::cos(glm::radians(79.0f)), 0.0f}));
    CHECK_FALSE(dabAllowed(up, {std::sin(glm::radians(81.0f)), -std::cos(glm::radians(81.0f)), 0.0f}));
    CHECK_FALSE(dabAllowed(up, {0.0f, 1.0f, 0.0f}));                  // from behind: through the head
    CHECK_FALSE(dabAllowed(up, {1.0f, 0.0f, 0.0f}));                  // grazing
    CHECK(dabAllowed(up, {0.0f, -5.0f, 0.5f}));                       // any length
    CHECK_FALSE(dabAllowed(up, {0.0f, -1.0f, 0.5f}, 20.0f));          // a stricter threshold

    // The back of the head seen from the front: the ray's nearest hit is the face, never the back.
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const MeshRaycaster raycaster(mesh);
    const auto hit = raycaster.intersect({0.0f, 20.0f, 300.0f}, {0.0f, 0.0f, -1.0f});
    REQUIRE(hit);
    CHECK(hit->point.z > 80.0f);
    CHECK(dabAllowed(hit->normal, {0.0f, 0.0f, -1.0f}));
    // From inside the head, the skin faces away: no dab.
    const auto inside = raycaster.intersect({0.0f, 20.0f, 0.0f}, {0.0f, 0.0f, -1.0f});
    REQUIRE(inside);
    CHECK_FALSE(dabAllowed(inside->normal, {0.0f, 0.0f, -1.0f}));
}
