#include "TestHeads.h"

#include "core/DensityMap.h"
#include "core/Scatter.h"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <cmath>
#include <random>
#include <set>

using namespace stipple;
using testheads::Head;

namespace {

// Impressions per cm^2 integrated over the surface, density times scalp weight, with each
// triangle cut into n x n pieces sampled at their centres.
double expectedCount(const HeadMesh& mesh, const DensityMap& density) {
    const int n = 4;
    double total = 0.0;
    for (std::size_t t = 0; t < mesh.triangleCount(); ++t) {
        const glm::uvec3& tri = mesh.triangles[t];
        const float w[3] = {mesh.scalpWeight[tri.x], mesh.scalpWeight[tri.y], mesh.scalpWeight[tri.z]};
        if (std::max({w[0], w[1], w[2]}) <= 0.0f) continue;
        const double pieceArea = double(triangleArea(mesh, t)) / double(n * n);
        // Centres of the n^2 pieces of a triangle cut by lines parallel to its sides.
        for (int i = 0; i < n; ++i)
            for (int j = 0; i + j < n; ++j)
                for (int flip = 0; flip < (i + j < n - 1 ? 2 : 1); ++flip) {
                    const float b1 = (float(i) + (flip ? 2.0f : 1.0f) / 3.0f) / float(n);
                    const float b2 = (float(j) + (flip ? 2.0f : 1.0f) / 3.0f) / float(n);
                    const float b0 = 1.0f - b1 - b2;
                    const glm::vec2 uv = b0 * mesh.uvs[tri.x] + b1 * mesh.uvs[tri.y] + b2 * mesh.uvs[tri.z];
                    total += pieceArea * double(density.sample(uv)) * double(b0 * w[0] + b1 * w[1] + b2 * w[2]);
                }
    }
    return total / 100.0;
}

// A smooth random map: a few long waves across UV space, between 5 % and 95 % of the maximum.
DensityMap smoothRandomMap(unsigned seed, float maxDensity, int width = 64, int height = 32) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    DensityMap map(width, height);
    float frequency[4][2], phase[4];
    for (int k = 0; k < 4; ++k) {
        frequency[k][0] = 1.0f + 3.0f * unit(rng);
        frequency[k][1] = 1.0f + 3.0f * unit(rng);
        phase[k] = 6.28f * unit(rng);
    }
    for (int j = 0; j < map.height(); ++j)
        for (int i = 0; i < map.width(); ++i) {
            const float u = (float(i) + 0.5f) / float(map.width()), v = (float(j) + 0.5f) / float(map.height());
            float value = 0.5f;
            for (int k = 0; k < 4; ++k)
                value += 0.12f * std::sin(6.28f * (frequency[k][0] * u + frequency[k][1] * v) + phase[k]);
            map.set(i, j, maxDensity * std::clamp(value, 0.05f, 0.95f));
        }
    return map;
}

// The 3D point under each texel centre, found by rasterising the triangles in UV space; texels
// no triangle covers stay unset (NaN).
std::vector<glm::vec3> texelPositions(const HeadMesh& mesh, int width, int height) {
    std::vector<glm::vec3> positions(std::size_t(width * height), glm::vec3(std::nanf("")));
    for (const glm::uvec3& tri : mesh.triangles) {
        const glm::vec2 a = mesh.uvs[tri.x] * glm::vec2(width, height), b = mesh.uvs[tri.y] * glm::vec2(width, height),
                        c = mesh.uvs[tri.z] * glm::vec2(width, height);
        const float det = (b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y);
        if (det == 0.0f) continue;
        const int i0 = std::max(0, int(std::floor(std::min({a.x, b.x, c.x})))), i1 = std::min(width - 1, int(std::max({a.x, b.x, c.x})));
        const int j0 = std::max(0, int(std::floor(std::min({a.y, b.y, c.y})))), j1 = std::min(height - 1, int(std::max({a.y, b.y, c.y})));
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i) {
                const glm::vec2 p(float(i) + 0.5f, float(j) + 0.5f);
                const float s = ((p.x - a.x) * (c.y - a.y) - (c.x - a.x) * (p.y - a.y)) / det;
                const float t = ((b.x - a.x) * (p.y - a.y) - (p.x - a.x) * (b.y - a.y)) / det;
                if (s < 0.0f || t < 0.0f || s + t > 1.0f) continue;
                positions[std::size_t(j * width + i)] = mesh.positions[tri.x] + s * (mesh.positions[tri.y] - mesh.positions[tri.x]) +
                                                        t * (mesh.positions[tri.z] - mesh.positions[tri.x]);
            }
    }
    return positions;
}

std::set<std::uint32_t> ids(const std::vector<Impression>& impressions) {
    std::set<std::uint32_t> result;
    for (const Impression& impression : impressions) result.insert(impression.id);
    return result;
}

}  // namespace

TEST_CASE("density maps sample bilinearly between texel centres and clamp at the edges", "[scatter]") {
    DensityMap map(4, 2);
    for (int j = 0; j < 2; ++j)
        for (int i = 0; i < 4; ++i) map.set(i, j, float(10 * i + 100 * j));
    CHECK(map.sample({0.125f, 0.25f}) == 0.0f);   // centre of texel (0, 0)
    CHECK(map.sample({0.375f, 0.75f}) == 110.0f); // centre of texel (1, 1)
    CHECK(map.sample({0.25f, 0.25f}) == Approx(5.0f));   // halfway between (0, 0) and (1, 0)
    CHECK(map.sample({0.25f, 0.5f}) == Approx(55.0f));   // middle of four texels
    CHECK(map.sample({-3.0f, -1.0f}) == 0.0f);    // clamped to the corner
    CHECK(map.sample({7.0f, 2.0f}) == 130.0f);
    CHECK(map.sample({1.0f, 0.25f}) == 30.0f);    // beyond the last centre: the edge texel
    CHECK(DensityMap::uniform(42.0f).sample({0.3f, 0.9f}) == 42.0f);
    CHECK_THROWS(DensityMap(0, 4));
}

TEST_CASE("impressions: ids ascend, nothing outside the scalp, jitter stays in bounds", "[scatter]") {
    const CandidatePool& pool = testheads::sharedPool(Head::Bumpy, 100.0f);
    ScatterParams params;
    params.needleDiameterMm = 0.2f;
    const std::vector<Impression> impressions = scatterImpressions(pool, DensityMap::uniform(100.0f), params);
    REQUIRE(!impressions.empty());
    float smallest = 1.0f, largest = 0.0f;
    for (std::size_t k = 0; k < impressions.size(); ++k) {
        const Impression& impression = impressions[k];
        if (k > 0) REQUIRE(impression.id > impressions[k - 1].id);
        const Candidate& candidate = pool.candidates[impression.id];
        REQUIRE(candidate.scalpWeight > 0.0f);
        REQUIRE(impression.position == candidate.position);
        REQUIRE(impression.uv == candidate.uv);
        REQUIRE(impression.seed == impressionSeed(impression.id, pool.params.seed));
        REQUIRE(impression.diameterMm >= 0.2f * 0.92f - 1e-6f);
        REQUIRE(impression.diameterMm <= 0.2f * 1.08f + 1e-6f);
        REQUIRE(impression.shade >= 0.85f * 0.85f - 1e-6f);
        REQUIRE(impression.shade <= 0.85f + 1e-6f);
        smallest = std::min(smallest, impression.diameterMm);
        largest = std::max(largest, impression.diameterMm);
    }
    CHECK(largest - smallest > 0.02f);  // the jitter is there
    // Seeds differ between impressions.
    std::set<std::uint32_t> seeds;
    for (const Impression& impression : impressions) seeds.insert(impression.seed);
    CHECK(seeds.size() == impressions.size());
}

TEST_CASE("impression count is within 2 % of the integral of density times scalp weight", "[scatter]") {
    for (Head head : {Head::Ellipsoid, Head::Bumpy}) {
        const HeadMesh& mesh = testheads::sharedHead(head);
        const CandidatePool& pool = testheads::sharedPool(head, 100.0f);
        for (float density : {20.0f, 37.0f, 60.0f, 100.0f}) {
            const DensityMap map = DensityMap::uniform(density);
            const double expected = expectedCount(mesh, map);
            INFO("head " << int(head) << ", uniform " << density << ": expected " << expected);
            CHECK(double(scatterImpressions(pool, map).size()) == Approx(expected).epsilon(0.02));
        }
        for (unsigned seed : {1u, 2u, 3u}) {
            const DensityMap map = smoothRandomMap(seed, 100.0f);
            const double expected = expectedCount(mesh, map);
            INFO("head " << int(head) << ", random map " << seed << ": expected " << expected);
            CHECK(double(scatterImpressions(pool, map).size()) == Approx(expected).epsilon(0.02));
        }
    }
}

TEST_CASE("a local change of density leaves every impression farther away untouched", "[scatter]") {
    const HeadMesh& mesh = testheads::sharedHead(Head::Ellipsoid);
    const CandidatePool& pool = testheads::sharedPool(Head::Ellipsoid, 100.0f);
    const int width = 512, height = 256;
    const std::vector<glm::vec3> texels = texelPositions(mesh, width, height);
    const DensityMap before = smoothRandomMap(5, 70.0f, width, height);
    const std::vector<Impression> original = scatterImpressions(pool, before);

    // Discs of 15 mm on the crown, at the back across the UV seam, and on the soft edge.
    for (const glm::vec3& centre : {glm::vec3(0.0f, 100.0f, 0.0f), glm::vec3(0.0f, 40.0f, -85.0f), glm::vec3(60.0f, 20.0f, 20.0f)}) {
        const float radius = 15.0f;
        for (float delta : {30.0f, -30.0f}) {
            DensityMap after = before;
            for (int j = 0; j < height; ++j)
                for (int i = 0; i < width; ++i) {
                    const glm::vec3& p = texels[std::size_t(j * width + i)];
                    const bool inside = !std::isnan(p.x) && glm::length(p - centre) <= radius;
                    after.set(i, j, std::max(0.0f, before.at(i, j) + (inside ? delta : 0.0f)));
                }
            const std::vector<Impression> changed = scatterImpressions(pool, after);
            // Spacing at the lowest density the map holds (5 % of 70 per cm^2).
            const float spacing = 10.0f / std::sqrt(0.05f * 70.0f);
            auto far = [&](const Impression& impression) { return glm::length(impression.position - centre) > radius + spacing; };
            std::vector<std::pair<std::uint32_t, glm::vec3>> farBefore, farAfter;
            for (const Impression& impression : original)
                if (far(impression)) farBefore.emplace_back(impression.id, impression.position);
            for (const Impression& impression : changed)
                if (far(impression)) farAfter.emplace_back(impression.id, impression.position);
            INFO("centre " << centre.x << "," << centre.y << "," << centre.z << " delta " << delta);
            CHECK(farBefore == farAfter);
            // The change did something near the disc.
            CHECK(ids(changed) != ids(original));
            const std::set<std::uint32_t> a = ids(original), b = ids(changed);
            if (delta > 0.0f) CHECK(std::includes(b.begin(), b.end(), a.begin(), a.end()));
            else CHECK(std::includes(a.begin(), a.end(), b.begin(), b.end()));
        }
    }
}

TEST_CASE("raising density anywhere never removes an impression", "[scatter]") {
    const CandidatePool& pool = testheads::sharedPool(Head::Bumpy, 100.0f);
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> raise(0.0f, 20.0f);
    DensityMap low = smoothRandomMap(8, 80.0f);
    for (int step = 0; step < 4; ++step) {
        DensityMap high = low;
        for (int j = 0; j < high.height(); ++j)
            for (int i = 0; i < high.width(); ++i)
                if (raise(rng) > 10.0f) high.set(i, j, low.at(i, j) + raise(rng));
        const std::set<std::uint32_t> before = ids(scatterImpressions(pool, low)), after = ids(scatterImpressions(pool, high));
        CHECK(after.size() > before.size());
        CHECK(std::includes(after.begin(), after.end(), before.begin(), before.end()));
        low = high;
    }
}

TEST_CASE("the scatter is deterministic", "[scatter]") {
    const CandidatePool& pool = testheads::sharedPool(Head::Ellipsoid, 100.0f);
    const DensityMap map = smoothRandomMap(4, 90.0f);
    const std::vector<Impression> a = scatterImpressions(pool, map), b = scatterImpressions(pool, map);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        REQUIRE(a[i].id == b[i].id);
        REQUIRE(a[i].position == b[i].position);
        REQUIRE(a[i].diameterMm == b[i].diameterMm);
        REQUIRE(a[i].shade == b[i].shade);
        REQUIRE(a[i].seed == b[i].seed);
    }
}
